import { randomUUID } from 'node:crypto';
import { SoftAuthenticator } from '../../support/soft-authenticator.js';
import { ORIGIN, type Person } from '../../support/test-app.js';
import type { ActorKey, Call, Scenario, World } from './types.js';

// Passkeys (decision 024) are account records, like sessions: each signed-in account sees, names and
// removes only its own; anyone else's answers like one that does not exist. Adding and removing need
// a fresh re-authentication, so each actor re-enters their own password first. Signing in with a
// passkey is public: here with an answer to a challenge the server never gave (401 for everyone).

async function ok(what: string, res: Promise<{ status: number; text: string; body: any }>, status: number) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body;
}

async function reauth(p: Person): Promise<void> {
  await ok('reauth', p.client.call('auth.reauth', { body: { password: p.password } }), 204);
}

/** The actor's own registration answer to options made for them (a fresh re-authentication first). */
async function registration(p: Person) {
  await reauth(p);
  const options = await ok('passkey options', p.client.call('passkeys.registerOptions'), 200);
  return new SoftAuthenticator(ORIGIN).create(options);
}

async function addPasskey(p: Person, name: string): Promise<string> {
  const response = await registration(p);
  const added = await ok('add passkey', p.client.call('passkeys.register', { body: { name, response } }), 201);
  return added.id;
}

const person = (w: World, actor: ActorKey): Person | null => (actor === 'signedOut' ? null : w[actor]);

const missingPasskey = (c: Call): Call => ({ ...c, path: c.path.replace(/[0-9a-f-]{36}$/, randomUUID()) });

export const passkeysScenarios: Record<string, Scenario> = {
  'passkeys.list': {
    prepare: async (_t, w) => {
      await addPasskey(w.author, 'Author phone');
      return { method: 'GET', path: '/api/v1/passkeys' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'passkeys.registerOptions': {
    // Options for the caller's own account, after their own re-authentication.
    prepare: async (_t, w) => async (actor) => {
      const p = person(w, actor);
      if (p) await reauth(p);
      return { method: 'POST', path: '/api/v1/passkeys/options' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
    successesShareWorld: true,
  },
  'passkeys.register': {
    prepare: async (_t, w) => async (actor) => {
      const p = person(w, actor);
      const response = p
        ? await registration(p)
        : new SoftAuthenticator(ORIGIN).create({ challenge: 'eA', rp: { id: 'localhost' }, user: { id: 'dQ' } });
      return { method: 'POST', path: '/api/v1/passkeys', body: { name: 'Matrix key', response } };
    },
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
    successesShareWorld: true,
  },
  'passkeys.rename': {
    prepare: async (_t, w) => {
      const id = await addPasskey(w.author, 'Author phone');
      return { method: 'PATCH', path: `/api/v1/passkeys/${id}`, body: { name: 'Renamed' } };
    },
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingPasskey,
  },
  'passkeys.remove': {
    // Each caller has re-authenticated, so only whose passkey it is decides.
    prepare: async (_t, w) => {
      const id = await addPasskey(w.author, 'Author phone');
      return async (actor) => {
        const p = person(w, actor);
        if (p) await reauth(p);
        return { method: 'DELETE', path: `/api/v1/passkeys/${id}` };
      };
    },
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingPasskey,
  },
  'auth.passkeyOptions': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/auth/passkey/options' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 200 },
    successesShareWorld: true,
  },
  'auth.passkeySignIn': {
    // The author's own passkey, answering a challenge the server never handed out.
    prepare: async (_t, w) => {
      const authenticator = new SoftAuthenticator(ORIGIN);
      await reauth(w.author);
      const options = await ok('passkey options', w.author.client.call('passkeys.registerOptions'), 200);
      const response = authenticator.create(options);
      await ok('add passkey', w.author.client.call('passkeys.register', { body: { name: 'Author phone', response } }), 201);
      const answer = authenticator.get({ challenge: 'bmV2ZXItZ2l2ZW4', rpId: 'localhost' });
      return { method: 'POST', path: '/api/v1/auth/passkey', body: { response: answer } };
    },
    expected: { author: 401, partner: 401, outsider: 401, signedOut: 401 },
  },
  'auth.reauthPasskeyOptions': {
    prepare: async (_t, w) => {
      await addPasskey(w.author, 'Author phone');
      return { method: 'POST', path: '/api/v1/auth/reauth/passkey/options' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
    successesShareWorld: true,
  },
};
