import { randomUUID } from 'node:crypto';
import { PULSE_ITEMS, pulseWeekAt } from '../../../src/domain/pulse.js';
import type { Person, TestApp } from '../../support/test-app.js';
import type { Call, Scenario, World } from './types.js';

// The weekly trust pulse. The answers are the author's alone; the score is seen by the partner only
// when shared. A private pulse is hidden from the partner exactly like a missing one (404); the
// outsider belongs to another space and sees nothing. Everyone in the world lives in London.
const thisWeek = (t: TestApp) => pulseWeekAt(t.clock.now(), 'Europe/London');

const body = (shared: boolean) => ({ answers: Object.fromEntries(PULSE_ITEMS.map((i, n) => [i.id, 1 + (n % 7)])), shared });

async function answer(t: TestApp, p: Person, shared: boolean): Promise<string> {
  const res = await p.client.put(`/api/v1/pulse/${thisWeek(t)}`, body(shared));
  if (res.status !== 200) throw new Error(`pulse failed: ${res.status} ${res.text}`);
  return res.body.id;
}

const missingPulse = (c: Call) => ({ ...c, path: c.path.replace(/\/pulse\/[0-9a-f-]{36}/, `/pulse/${randomUUID()}`) });

export const pulseScenarios: Record<string, Scenario> = {
  'pulse.get': {
    // Each sees their own week; the partner sees the author's score only because it is shared.
    prepare: async (t, w: World) => {
      await answer(t, w.author, true);
      return { method: 'GET', path: '/api/v1/pulse' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'pulse.put': {
    // Everyone signed in answers their own week: the partner's PUT writes the partner's pulse.
    prepare: async (t) => ({ method: 'PUT', path: `/api/v1/pulse/${thisWeek(t)}`, body: body(false) }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'pulse.delete': {
    // A private pulse: the partner cannot even learn that it exists.
    prepare: async (t, w) => ({ method: 'DELETE', path: `/api/v1/pulse/${await answer(t, w.author, false)}` }),
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingPulse,
  },
};
