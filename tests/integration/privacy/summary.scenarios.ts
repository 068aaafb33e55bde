import type { Scenario } from './types.js';

// The printable summary (decision 023): each partner reads the couple's summary and their own part;
// the outsider reads their own (alone, nothing shared: the couple's names never reach them); a
// therapist is refused the partners' routes (403, by the route's access). The author includes a note,
// so the partner's summary carries the author's part (their name is the partner's to read).

export const summaryScenarios: Record<string, Scenario> = {
  'summary.get': {
    prepare: async (_t, w) => {
      await w.author.client.call('summary.mine.put', { body: { notes: [], note: 'For our first session' } });
      return { method: 'GET', path: '/api/v1/summary' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'summary.mine': {
    prepare: async (_t, w) => {
      await w.author.client.call('summary.mine.put', { body: { notes: [], note: 'Mine alone to choose' } });
      return { method: 'GET', path: '/api/v1/summary/mine' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'summary.mine.put': {
    prepare: async () => ({ method: 'PUT', path: '/api/v1/summary/mine', body: { notes: [], note: 'A note for the session' } }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
    // Each person's choice is their own row: one person's success changes nothing of another's.
    successesShareWorld: true,
  },
};
