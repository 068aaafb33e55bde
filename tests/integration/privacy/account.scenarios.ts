import type { Scenario } from './types.js';

// The account's own routes act on the caller alone.
export const accountScenarios: Record<string, Scenario> = {
  'auth.reauth': {
    // Each actor's own password (every test account shares the default one): each stamps only their
    // own session; the author's re-entry opens nothing for anyone else (tests/integration/reauth.test.ts).
    prepare: async (_t, w) => ({ method: 'POST', path: '/api/v1/auth/reauth', body: { password: w.author.password } }),
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
    successesShareWorld: true,
  },
};
