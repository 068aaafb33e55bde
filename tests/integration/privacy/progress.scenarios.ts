import { PULSE_ITEMS, pulseWeekAt } from '../../../src/domain/pulse.js';
import { localDateOf } from '../../../src/domain/zoned-time.js';
import type { TestApp } from '../../support/test-app.js';
import type { Scenario, World } from './types.js';

// Step 5, Patience. Every route answers the signed-in person about themselves: there is no id to ask
// for, so everyone signed in gets 200 with their own view and the signed-out visitor 401. The world
// holds the author's private pulse, a private check-in and a shared agreement with a commitment, so
// the partner's and the outsider's answers are made while there is something private to leak (the
// integration test checks that the partner's answers do not change with it). Everyone lives in London.

async function privateHistory(t: TestApp, w: World): Promise<void> {
  const now = t.clock.now();
  const answers = Object.fromEntries(PULSE_ITEMS.map((i) => [i.id, 2]));
  await w.author.client.put(`/api/v1/pulse/${pulseWeekAt(now, 'Europe/London')}`, { answers, shared: false });
  const today = localDateOf(now, 'Europe/London');
  await w.author.client.put(`/api/v1/checkins/${today}`, { connected: 2, heard: 1, mood: 'low', visibility: 'private' });
  const need = await w.author.client.post('/api/v1/needs', { text: 'Ask how my appointment went, the same day' });
  await w.author.client.post(`/api/v1/needs/${need.body.id}/share`);
  const agreed = await w.partner.client.post(`/api/v1/needs/${need.body.id}/respond`, { kind: 'accept' });
  await w.partner.client.post('/api/v1/commitments', {
    agreementId: agreed.body.agreementId,
    what: 'Ask how the appointment went',
    schedule: { kind: 'daily', by: null },
    startsOn: today,
  });
}

export const progressScenarios: Record<string, Scenario> = {
  'progress.get': {
    prepare: async (t, w) => {
      await privateHistory(t, w);
      return { method: 'GET', path: '/api/v1/progress?weeks=52' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'progress.therapyInterest': {
    // Each person says it for themselves alone.
    prepare: async () => ({ method: 'POST', path: '/api/v1/progress/therapy-interest', body: { asked: true } }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'reflection.weekly': {
    prepare: async (t, w) => {
      await privateHistory(t, w);
      return { method: 'GET', path: '/api/v1/reflection/weekly' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
};
