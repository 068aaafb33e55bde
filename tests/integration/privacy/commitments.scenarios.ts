import { randomUUID } from 'node:crypto';
import { localDateOf } from '../../../src/domain/zoned-time.js';
import type { Person, TestApp } from '../../support/test-app.js';
import type { Call, Scenario, World } from './types.js';

// Step 4, Act: commitments and the two-sided log. The author acts for the partner: both see the
// commitment and its log; only the author changes it and marks it, only the partner acknowledges
// it (the other gets 403). The outsider (solo, another space) gets 404 with the body of a missing
// id, and cannot make a commitment or an appreciation without a partner (409).

const today = (t: TestApp) => localDateOf(t.clock.now(), 'Europe/London');

async function commitment(t: TestApp, p: Person): Promise<string> {
  const res = await p.client.post('/api/v1/commitments', {
    agreementId: null,
    what: 'Ask about your day at dinner',
    // By the end of the day, so today's occurrence is open whatever the time.
    schedule: { kind: 'daily', by: null },
    startsOn: today(t),
  });
  if (res.status !== 201) throw new Error(`commitment failed: ${res.status} ${res.text}`);
  return res.body.id;
}

const occurrence = (id: string, t: TestApp, side: 'mark' | 'ack') => `/api/v1/commitments/${id}/occurrences/${today(t)}/${side}`;
const missingCommitment = (c: Call) => ({
  ...c,
  path: c.path.replace(/\/commitments\/[0-9a-f-]{36}/, `/commitments/${randomUUID()}`),
});

const withCommitment =
  (build: (id: string, t: TestApp, w: World) => Promise<Call> | Call) =>
  async (t: TestApp, w: World): Promise<Call> =>
    build(await commitment(t, w.author), t, w);

const actorOnly = { author: 200, partner: 403, outsider: 404, signedOut: 401 };

export const commitmentsScenarios: Record<string, Scenario> = {
  'commitments.list': {
    prepare: withCommitment(() => ({ method: 'GET', path: '/api/v1/commitments' })),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'commitments.create': {
    prepare: async (t) => ({
      method: 'POST',
      path: '/api/v1/commitments',
      body: { agreementId: null, what: 'Walk together', schedule: { kind: 'weekly', times: 2 }, startsOn: today(t) },
    }),
    expected: { author: 201, partner: 201, outsider: 409, signedOut: 401 },
  },
  'commitments.get': {
    prepare: withCommitment((id) => ({ method: 'GET', path: `/api/v1/commitments/${id}` })),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingCommitment,
  },
  'commitments.change': {
    prepare: withCommitment((id) => ({ method: 'PATCH', path: `/api/v1/commitments/${id}`, body: { what: 'Ask at dinner' } })),
    expected: actorOnly,
    missing: missingCommitment,
  },
  'commitments.pause': {
    prepare: withCommitment((id) => ({ method: 'POST', path: `/api/v1/commitments/${id}/pause` })),
    expected: actorOnly,
    missing: missingCommitment,
  },
  'commitments.resume': {
    prepare: withCommitment(async (id, _t, w) => {
      await w.author.client.post(`/api/v1/commitments/${id}/pause`);
      return { method: 'POST', path: `/api/v1/commitments/${id}/resume` };
    }),
    expected: actorOnly,
    missing: missingCommitment,
  },
  'commitments.end': {
    prepare: withCommitment((id) => ({ method: 'POST', path: `/api/v1/commitments/${id}/end` })),
    expected: actorOnly,
    missing: missingCommitment,
  },
  'appreciations.create': {
    prepare: async (t) => ({ method: 'POST', path: '/api/v1/appreciations', body: { text: 'Made tea for me', on: today(t) } }),
    expected: { author: 201, partner: 201, outsider: 409, signedOut: 401 },
  },
  'appreciations.list': {
    prepare: async (t, w) => {
      await w.partner.client.post('/api/v1/appreciations', { text: 'Made tea for me', on: today(t) });
      return { method: 'GET', path: '/api/v1/appreciations' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'log.occurrences': {
    prepare: withCommitment((id) => ({ method: 'GET', path: `/api/v1/commitments/${id}/occurrences` })),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingCommitment,
  },
  'log.mark': {
    prepare: withCommitment((id, t) => ({ method: 'PUT', path: occurrence(id, t, 'mark'), body: { status: 'done' } })),
    expected: actorOnly,
    missing: missingCommitment,
  },
  'log.unmark': {
    prepare: withCommitment(async (id, t, w) => {
      await w.author.client.put(occurrence(id, t, 'mark'), { status: 'done' });
      return { method: 'DELETE', path: occurrence(id, t, 'mark') };
    }),
    expected: { author: 204, partner: 403, outsider: 404, signedOut: 401 },
    missing: missingCommitment,
  },
  'log.ack': {
    prepare: withCommitment(async (id, t, w) => {
      await w.author.client.put(occurrence(id, t, 'mark'), { status: 'done' });
      return { method: 'PUT', path: occurrence(id, t, 'ack'), body: { noticed: true, helped: 2 } };
    }),
    expected: { author: 403, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingCommitment,
  },
  'log.today': {
    prepare: withCommitment(() => ({ method: 'GET', path: '/api/v1/log/today' })),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'log.figures': {
    prepare: withCommitment(() => ({ method: 'GET', path: '/api/v1/figures' })),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
};
