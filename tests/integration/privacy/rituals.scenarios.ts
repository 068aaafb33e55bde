import type { Scenario } from './types.js';

// Rituals: each person's choice is their own; there is no one else's plan to ask for. The author takes
// one up with their partner (a commitment in Act); the partner and the outsider acting on the same
// ritual act on their own choice only (the outsider, alone, makes a plan).
const RITUAL = 'ten-minutes-about-their-day';
const path = `/api/v1/rituals/${RITUAL}/mine`;
const schedule = { kind: 'weekly', times: 2 };

export const ritualsScenarios: Record<string, Scenario> = {
  'rituals.list': {
    prepare: async (_t, w) => {
      const taken = await w.author.client.put(path, { schedule });
      if (taken.status !== 200) throw new Error(`adopt failed: ${taken.status} ${taken.text}`);
      return { method: 'GET', path: '/api/v1/rituals' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'rituals.adopt': {
    prepare: async () => ({ method: 'PUT', path, body: { schedule } }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'rituals.drop': {
    // The author's own ritual ends; anyone else's DELETE has nothing of theirs to stop (204, and the
    // author's commitment stays: tests/integration/rituals.test.ts).
    prepare: async (_t, w) => {
      const taken = await w.author.client.put(path, { schedule });
      if (taken.status !== 200) throw new Error(`adopt failed: ${taken.status} ${taken.text}`);
      return { method: 'DELETE', path };
    },
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
  },
};
