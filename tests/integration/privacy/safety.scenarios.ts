import type { Scenario } from './types.js';

// Safety answers belong to one person and have no id: each actor only ever reaches their own.
export const safetyScenarios: Record<string, Scenario> = {
  'safety.get': {
    prepare: async (_t, w) => {
      await w.author.client.put('/api/v1/safety', { answers: {} });
      return { method: 'GET', path: '/api/v1/safety' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'safety.put': {
    prepare: async () => ({ method: 'PUT', path: '/api/v1/safety', body: { answers: {} } }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'safety.delete': {
    prepare: async () => ({ method: 'DELETE', path: '/api/v1/safety' }),
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
  },
};
