import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReauthStamps } from '../../src/features/auth/sessions.repo.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';
import { createTestApp, ORIGIN, type Person, type TestApp, type TestClient } from '../support/test-app.js';

// Passkeys (decision 024), verified for real: a software authenticator (ES256, 'none' attestation)
// answers the server's own options, and @simplewebauthn/server checks every answer. Adding one needs
// a fresh re-authentication; signing in with one works like the password; an answer is single-use,
// bound to this site's origin and RP ID, and a counter that goes back is refused.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const MINUTE = 60_000;
type Json = any;

const codeOf = (res: { body: unknown }) => (res.body as { error?: { code?: string } }).error?.code;

async function freshReauth(p: Person, client: TestClient = p.client) {
  const res = await client.call('auth.reauth', { body: { password: p.password } });
  expect(res.status, res.text).toBe(204);
}

/** Adds a passkey for this person through the API, re-authenticating first. */
async function addPasskey(p: Person, name = 'My phone', authenticator = new SoftAuthenticator(ORIGIN)) {
  await freshReauth(p);
  const options = await p.client.call('passkeys.registerOptions');
  expect(options.status, options.text).toBe(200);
  const response = authenticator.create(options.body);
  const res = await p.client.call('passkeys.register', { body: { name, response } });
  expect(res.status, res.text).toBe(201);
  return { authenticator, passkey: res.body, options: options.body };
}

async function signInOptions(client: TestClient) {
  const res = await client.call('auth.passkeyOptions');
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('adding a passkey', () => {
  it('needs a fresh re-authentication for the options and for the answer', async () => {
    const p = await t.signUp('Robin');
    // Signing in (here, signing up) does not count as a fresh re-authentication.
    const early = await p.client.call('passkeys.registerOptions');
    expect(early.status).toBe(403);
    expect(codeOf(early)).toBe('reauth_required');

    await freshReauth(p);
    const options = await p.client.call('passkeys.registerOptions');
    expect(options.status).toBe(200);
    expect(options.body.rp.id).toBe(new URL(ORIGIN).hostname);
    expect(options.body.authenticatorSelection.residentKey).toBe('required');
    expect(options.body.excludeCredentials).toEqual([]);
    const response = new SoftAuthenticator(ORIGIN).create(options.body);

    // Five minutes later the stamp is gone: the answer is refused, and nothing is added.
    t.clock.advance(5 * MINUTE + 1000);
    const late = await p.client.call('passkeys.register', { body: { name: 'Phone', response } });
    expect(late.status).toBe(403);
    expect(codeOf(late)).toBe('reauth_required');
    expect((await p.client.call('passkeys.list')).body.passkeys).toEqual([]);
  });

  it('lists the passkey with its name, seals the name, and excludes it the next time', async () => {
    const p = await t.signUp('Quinn');
    const { passkey } = await addPasskey(p, '  Work laptop  ');
    expect(passkey.name).toBe('Work laptop');
    expect(passkey.lastUsedAt).toBeNull();
    const list = await p.client.call('passkeys.list');
    expect(list.body.passkeys).toEqual([passkey]);

    const row = await t.deps.db.selectFrom('passkeys').selectAll().where('id', '=', passkey.id).executeTakeFirstOrThrow();
    expect(row.name_sealed).not.toContain('Work laptop');
    expect(row.user_id).toBe(p.id);

    await freshReauth(p);
    const again = await p.client.call('passkeys.registerOptions');
    expect(again.body.excludeCredentials.map((c: Json) => c.id)).toEqual([row.credential_id]);
  });

  it('puts a neutral notice in the owner’s notification centre, and nowhere else', async () => {
    const { a, b } = await t.couple(['Noa', 'Eli']);
    const before = (await b.client.call('notifications.list')).text;
    const { passkey } = await addPasskey(a);
    const mine = await a.client.call('notifications.list');
    const notice = (mine.body as Json).notifications.find((n: Json) => n.kind === 'account.passkey');
    expect(notice, mine.text).toBeDefined();
    expect(notice.subjectId).toBe(passkey.id);
    expect(mine.text).not.toContain('My phone');
    expect((await b.client.call('notifications.list')).text).toBe(before);
  });

  it('refuses an answer made for another origin or RP ID, or to a challenge it never gave', async () => {
    const p = await t.signUp('Sky');
    const bent = [
      { origin: 'https://attune.example.net' },
      { rpId: 'example.net' },
      { challenge: 'bm90LWEtY2hhbGxlbmdlLWdpdmVuLWhlcmU' },
    ];
    for (const bend of bent) {
      await freshReauth(p);
      const options = await p.client.call('passkeys.registerOptions');
      const response = new SoftAuthenticator(ORIGIN).create(options.body, bend);
      const res = await p.client.call('passkeys.register', { body: { name: 'Phone', response } });
      expect(res.status, JSON.stringify(bend)).toBe(400);
      expect(codeOf(res)).toBe('passkey_not_verified');
    }
    expect((await p.client.call('passkeys.list')).body.passkeys).toEqual([]);
  });

  it('refuses another person’s registration challenge', async () => {
    const p = await t.signUp('Ash');
    const q = await t.signUp('Bay');
    await freshReauth(p);
    await freshReauth(q);
    const options = await p.client.call('passkeys.registerOptions');
    const response = new SoftAuthenticator(ORIGIN).create(options.body);
    const res = await q.client.call('passkeys.register', { body: { name: 'Phone', response } });
    expect(res.status).toBe(400);
    // The challenge was spent by that try: p cannot use it either.
    expect((await p.client.call('passkeys.register', { body: { name: 'Phone', response } })).status).toBe(400);
  });
});

describe('signing in with a passkey', () => {
  it('signs in like the password: the same cookie, the same answer, a new session', async () => {
    const p = await t.signUp('Jules');
    const { authenticator, passkey } = await addPasskey(p);
    const browser = t.client('new browser');
    const response = authenticator.get(await signInOptions(browser));
    const res = await browser.call('auth.passkeySignIn', { body: { response } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ id: p.id, email: p.email, name: 'Jules' });
    expect(browser.sessionCookie()).toEqual(expect.any(String));
    const me = await browser.call('auth.me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(p.id);
    const sessions = await p.client.call('auth.sessions.list');
    expect(sessions.body.sessions).toHaveLength(2);
    // Signing in is not a fresh re-authentication, with a passkey either.
    expect((await browser.call('passkeys.registerOptions')).status).toBe(403);
    const listed = (await p.client.call('passkeys.list')).body.passkeys[0];
    expect(listed?.id).toBe(passkey.id);
    expect(listed?.lastUsedAt).toBe(t.clock.now().toISOString());
    const row = await t.deps.db.selectFrom('passkeys').select('counter').where('id', '=', passkey.id).executeTakeFirstOrThrow();
    expect(Number(row.counter)).toBe(1);
  });

  it('refuses a replayed answer: each challenge is single-use', async () => {
    const p = await t.signUp('Remy');
    const { authenticator } = await addPasskey(p);
    const response = authenticator.get(await signInOptions(t.client()));
    expect((await t.client('first').call('auth.passkeySignIn', { body: { response } })).status).toBe(200);
    const replay = await t.client('second').call('auth.passkeySignIn', { body: { response } });
    expect(replay.status).toBe(401);
    expect(codeOf(replay)).toBe('passkey_not_recognised');
  });

  it('refuses an answer after its challenge expired (5 minutes)', async () => {
    const p = await t.signUp('Lou');
    const { authenticator } = await addPasskey(p);
    const browser = t.client();
    const response = authenticator.get(await signInOptions(browser));
    t.clock.advance(5 * MINUTE + 1000);
    const res = await browser.call('auth.passkeySignIn', { body: { response } });
    expect(res.status).toBe(401);
    expect(browser.sessionCookie()).toBeUndefined();
  });

  it('refuses a wrong origin, a wrong RP ID and a challenge it never gave, with one neutral answer', async () => {
    const p = await t.signUp('Dee');
    const { authenticator } = await addPasskey(p);
    const texts = new Set<string>();
    for (const bend of [{ origin: 'https://evil.example' }, { rpId: 'evil.example' }, { challenge: 'c29tZXRoaW5nLWVsc2U' }]) {
      const browser = t.client();
      const response = authenticator.get(await signInOptions(browser), bend);
      const res = await browser.call('auth.passkeySignIn', { body: { response } });
      expect(res.status, JSON.stringify(bend)).toBe(401);
      expect(browser.sessionCookie()).toBeUndefined();
      texts.add(res.text);
    }
    expect(texts.size).toBe(1);
    expect([...texts][0]).not.toContain(p.email);
  });

  it('refuses a counter that goes back, and records the new one when it moves on', async () => {
    const p = await t.signUp('Kit');
    const { authenticator } = await addPasskey(p);
    const first = authenticator.get(await signInOptions(t.client()), { counter: 7 });
    expect((await t.client().call('auth.passkeySignIn', { body: { response: first } })).status).toBe(200);
    for (const counter of [7, 3]) {
      const back = authenticator.get(await signInOptions(t.client()), { counter });
      expect((await t.client().call('auth.passkeySignIn', { body: { response: back } })).status, `counter ${counter}`).toBe(401);
    }
    const on = authenticator.get(await signInOptions(t.client()), { counter: 8 });
    expect((await t.client().call('auth.passkeySignIn', { body: { response: on } })).status).toBe(200);
  });

  it('refuses an unknown passkey and a signature made by another key', async () => {
    const p = await t.signUp('Mo');
    const { authenticator } = await addPasskey(p);
    const stranger = new SoftAuthenticator(ORIGIN);
    stranger.create({ challenge: 'eA', rp: { id: 'localhost' }, user: { id: 'dXNlcg' } });
    const unknown = stranger.get(await signInOptions(t.client()));
    expect((await t.client().call('auth.passkeySignIn', { body: { response: unknown } })).status).toBe(401);
    // The right credential id, signed with another key.
    const forged = stranger.get(await signInOptions(t.client()));
    const own = authenticator.credentials[0];
    if (!own) throw new Error('no credential');
    forged.id = own.id.toString('base64url');
    forged.rawId = forged.id;
    forged.response.userHandle = own.userHandle;
    expect((await t.client().call('auth.passkeySignIn', { body: { response: forged } })).status).toBe(401);
  });

  it('refuses a sign-in answer at re-authentication and the other way round', async () => {
    const p = await t.signUp('Ari');
    const { authenticator } = await addPasskey(p);
    const forSignIn = authenticator.get(await signInOptions(t.client()));
    const asReauth = await p.client.call('auth.reauth', { body: { passkey: forSignIn } });
    expect(asReauth.status).toBe(401);
    const reauthOptions = await p.client.call('auth.reauthPasskeyOptions');
    const forReauth = authenticator.get(reauthOptions.body);
    expect((await t.client().call('auth.passkeySignIn', { body: { response: forReauth } })).status).toBe(401);
  });
});

describe('naming and removing passkeys', () => {
  it('renames and removes my own; removing needs a fresh re-authentication; a removed passkey signs no one in', async () => {
    const p = await t.signUp('Fran');
    const { authenticator, passkey } = await addPasskey(p);
    const renamed = await p.client.call('passkeys.rename', { params: { id: passkey.id }, body: { name: 'Old phone' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Old phone');
    expect((await p.client.call('passkeys.list')).body.passkeys.map((k) => k.name)).toEqual(['Old phone']);

    t.clock.advance(6 * MINUTE);
    const early = await p.client.call('passkeys.remove', { params: { id: passkey.id } });
    expect(early.status).toBe(403);
    expect(codeOf(early)).toBe('reauth_required');
    await freshReauth(p);
    expect((await p.client.call('passkeys.remove', { params: { id: passkey.id } })).status).toBe(204);
    expect((await p.client.call('passkeys.list')).body.passkeys).toEqual([]);
    const response = authenticator.get(await signInOptions(t.client()));
    expect((await t.client().call('auth.passkeySignIn', { body: { response } })).status).toBe(401);
  });

  it('answers 404 for another person’s passkey, exactly like a missing one, and changes nothing', async () => {
    const { a, b } = await t.couple(['Gale', 'Hart']);
    const { passkey } = await addPasskey(a, 'Gale’s phone');
    await freshReauth(b);
    const missing = '0190a6b2-0000-7000-8000-000000000000';
    const renameOther = await b.client.call('passkeys.rename', { params: { id: passkey.id }, body: { name: 'Mine now' } });
    const renameMissing = await b.client.call('passkeys.rename', { params: { id: missing }, body: { name: 'Mine now' } });
    expect(renameOther.status).toBe(404);
    expect(renameOther.text).toBe(renameMissing.text);
    const removeOther = await b.client.call('passkeys.remove', { params: { id: passkey.id } });
    const removeMissing = await b.client.call('passkeys.remove', { params: { id: missing } });
    expect(removeOther.status).toBe(404);
    expect(removeOther.text).toBe(removeMissing.text);
    expect((await b.client.call('passkeys.list')).body.passkeys).toEqual([]);
    expect((await a.client.call('passkeys.list')).body.passkeys.map((k) => k.name)).toEqual(['Gale’s phone']);
  });
});

describe('re-authenticating with a passkey', () => {
  it('stamps both re-authentication stamps of this session, as the password does', async () => {
    const p = await t.signUp('Cass');
    const { authenticator } = await addPasskey(p);
    t.clock.advance(20 * MINUTE);
    expect((await p.client.call('passkeys.registerOptions')).status).toBe(403);
    const options = await p.client.call('auth.reauthPasskeyOptions');
    expect(options.status).toBe(200);
    const own = authenticator.credentials[0];
    expect(options.body.allowCredentials.map((c) => c.id)).toEqual([own?.id.toString('base64url')]);
    const res = await p.client.call('auth.reauth', { body: { passkey: authenticator.get(options.body) } });
    expect(res.status, res.text).toBe(204);
    const sessions = await p.client.call('auth.sessions.list');
    const current = sessions.body.sessions.find((s) => s.current);
    const stamps = await findReauthStamps(t.deps.db, p.id, current?.id ?? '');
    const now = t.clock.now().toISOString();
    expect(new Date(stamps?.reauth_at ?? '').toISOString()).toBe(now);
    expect(new Date(stamps?.fresh_reauth_at ?? '').toISOString()).toBe(now);
    expect((await p.client.call('passkeys.registerOptions')).status).toBe(200);
    expect((await p.client.call('journal.list')).status).toBe(200);
    const keys = await t.deps.db.selectFrom('idempotency_keys').select('user_id').where('user_id', '=', p.id).execute();
    expect(keys).toEqual([]);
  });

  it('refuses another person’s passkey, a replay, and a wrong origin; the password form still works', async () => {
    const p = await t.signUp('Dale');
    const q = await t.signUp('Emery');
    const mine = await addPasskey(p);
    const theirs = await addPasskey(q);
    t.clock.advance(20 * MINUTE);
    // q's passkey answering p's challenge: p's options allow only p's passkeys, and the server checks.
    const options = (await p.client.call('auth.reauthPasskeyOptions')).body;
    const wrongPerson = await p.client.call('auth.reauth', { body: { passkey: theirs.authenticator.get(options) } });
    expect(wrongPerson.status).toBe(401);
    expect(codeOf(wrongPerson)).toBe('passkey_not_recognised');

    const fresh = (await p.client.call('auth.reauthPasskeyOptions')).body;
    const badOrigin = await p.client.call('auth.reauth', {
      body: { passkey: mine.authenticator.get(fresh, { origin: 'https://evil.example' }) },
    });
    expect(badOrigin.status).toBe(401);
    // That challenge is spent: the honest answer to it is refused too.
    const spent = await p.client.call('auth.reauth', { body: { passkey: mine.authenticator.get(fresh) } });
    expect(spent.status).toBe(401);
    expect((await p.client.call('passkeys.registerOptions')).status).toBe(403);

    // Another person's re-authentication challenge cannot be answered here.
    const qOptions = (await q.client.call('auth.reauthPasskeyOptions')).body;
    expect((await p.client.call('auth.reauth', { body: { passkey: mine.authenticator.get(qOptions) } })).status).toBe(401);

    expect((await p.client.call('auth.reauth', { body: { password: p.password } })).status).toBe(204);
    expect((await p.client.call('auth.reauth', { body: { password: 'not it at all' } })).status).toBe(401);
    const neither = await p.client.request('POST', '/api/v1/auth/reauth', {});
    expect(neither.status).toBe(400);
    const both = await p.client.request('POST', '/api/v1/auth/reauth', {
      password: p.password,
      passkey: mine.authenticator.get((await p.client.call('auth.reauthPasskeyOptions')).body),
    });
    expect(both.status).toBe(400);
  });

  it('is refused with an Idempotency-Key stored for neither form', async () => {
    const p = await t.signUp('Fenn');
    const { authenticator } = await addPasskey(p);
    const options = (await p.client.call('auth.reauthPasskeyOptions')).body;
    const res = await p.client.call(
      'auth.reauth',
      { body: { passkey: authenticator.get(options) } },
      { 'Idempotency-Key': 'k-1' },
    );
    expect(res.status).toBe(204);
    const keys = await t.deps.db.selectFrom('idempotency_keys').select('user_id').where('user_id', '=', p.id).execute();
    expect(keys).toEqual([]);
  });
});
