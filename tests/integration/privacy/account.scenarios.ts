import type { Scenario } from './types.js';

// The account's own routes act on the caller alone.
export const accountScenarios: Record<string, Scenario> = {
  'auth.password': {
    // Each actor's own current password (every test account shares the default one): each changes
    // only their own, and ends only their own other sessions (tests/integration/account-password.test.ts).
    prepare: async (_t, w) => ({
      method: 'POST',
      path: '/api/v1/auth/password',
      body: { currentPassword: w.author.password, newPassword: 'a fresh and different phrase of mine' },
    }),
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
    successesShareWorld: true,
  },
  'auth.reauth': {
    // Each actor's own password (every test account shares the default one): each stamps only their
    // own session; the author's re-entry opens nothing for anyone else (tests/integration/reauth.test.ts).
    prepare: async (_t, w) => ({ method: 'POST', path: '/api/v1/auth/reauth', body: { password: w.author.password } }),
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
    successesShareWorld: true,
  },
  'auth.session': {
    // Says only whether the caller's own browser is signed in: the same for everyone, nothing of anyone else.
    prepare: async () => ({ method: 'GET', path: '/api/v1/auth/session' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 200 },
  },
  'account.export': {
    // Each account's own data, after its own fresh re-authentication: nobody can ask for another
    // person's, and a partner's words never come with it (tests/integration/account-export.test.ts).
    prepare: async (_t, w) => async (actor) => {
      if (actor !== 'signedOut') await w[actor].client.call('auth.reauth', { body: { password: w[actor].password } });
      return { method: 'GET', path: '/api/v1/me/export' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'account.erase': {
    // Each account erases only itself, after its own fresh re-authentication; the partner of an erased
    // person keeps their own words (tests/integration/account-erase.test.ts). Each success touches the
    // caller's own account (the author's erasure closes the space, which the partner may still erase).
    prepare: async (_t, w) => async (actor) => {
      if (actor !== 'signedOut') await w[actor].client.call('auth.reauth', { body: { password: w[actor].password } });
      return { method: 'DELETE', path: '/api/v1/me' };
    },
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
    successesShareWorld: true,
  },
  'auth.outboxKey': {
    // Each signed-in account gets its own key; whose key it is follows from the session alone, so
    // nobody can ask for another person's (tests/integration/outbox-key.test.ts).
    prepare: async () => ({ method: 'GET', path: '/api/v1/auth/outbox-key' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
};
