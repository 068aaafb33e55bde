import { randomUUID } from 'node:crypto';
import type { Scenario } from './types.js';

const ratings = { 'ignored-when-sharing': 4, insecurity: 3 };
const authorsCheck = async (w: Parameters<Scenario['prepare']>[1]) => {
  const res = await w.author.client.post('/api/v1/self-checks', { ratings, note: 'A private note' });
  return res.body.id as string;
};

// Self-checks are their author's alone: the partner answers exactly like an outsider, and an id
// that is someone else's answers exactly like one that does not exist.
export const understandScenarios: Record<string, Scenario> = {
  'understand.selfChecks.create': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/self-checks', body: { ratings } }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
  },
  'understand.selfChecks.list': {
    prepare: async (_t, w) => {
      await authorsCheck(w);
      return { method: 'GET', path: '/api/v1/self-checks' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'understand.selfChecks.get': {
    prepare: async (_t, w) => ({ method: 'GET', path: `/api/v1/self-checks/${await authorsCheck(w)}` }),
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: () => ({ method: 'GET', path: `/api/v1/self-checks/${randomUUID()}` }),
  },
  'understand.selfChecks.delete': {
    prepare: async (_t, w) => ({ method: 'DELETE', path: `/api/v1/self-checks/${await authorsCheck(w)}` }),
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: () => ({ method: 'DELETE', path: `/api/v1/self-checks/${randomUUID()}` }),
  },
};
