import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResetLink } from '../../src/features/auth/password-reset.service.js';
import { requireFreshReauth, requirePrivatePlaces } from '../../src/features/auth/reauth.service.js';
import { loadActor } from '../../src/features/spaces/spaces.read.js';
import type { SignedInUser } from '../../src/http/route.js';
import { AppError } from '../../src/shared/errors.js';
import { createTestApp, type Person, type TestApp, type TestClient } from '../support/test-app.js';

// The one re-authentication mechanism (decision 022): sign-in opens the private places, 15 quiet
// minutes close them, each use slides them on, an explicit re-entry reopens them and also gives a
// fresh stamp for sensitive actions (5 minutes, never slid). Each session is stamped on its own.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const MINUTE = 60_000;
const FACTS = '/api/v1/reflection/is-it-working';

const reauth = (client: TestClient, password: string, headers?: Record<string, string>) =>
  client.call('auth.reauth', { body: { password } }, headers);

/** Whether the private places answer on this session: 200, or 403 reauth_required. */
async function privatePlaces(client: TestClient): Promise<'open' | 'closed'> {
  const res = await client.call('journal.list');
  if (res.status === 200) return 'open';
  expect(res.status, res.text).toBe(403);
  expect((res.body as unknown as { error: { code: string } }).error.code).toBe('reauth_required');
  return 'closed';
}

/** The session behind this client, as a handler sees it. */
async function signedIn(p: Person, client: TestClient = p.client): Promise<SignedInUser> {
  const sessions = await client.call('auth.sessions.list');
  const current = sessions.body.sessions.find((s) => s.current);
  const actor = await loadActor(t.deps.db, p.id);
  if (!current || !actor) throw new Error('not signed in');
  return { actor, sessionId: current.id, email: p.email };
}

async function stampsOf(sessionId: string) {
  return t.deps.db
    .selectFrom('sessions')
    .select(['reauth_at', 'fresh_reauth_at'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.status).toBe(403);
  return e.code;
}

describe('the private places', () => {
  it('open at sign-up and at sign-in, without another password', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Opened');
    expect(await privatePlaces(p.client)).toBe('open');
    expect((await p.client.get(FACTS)).status).toBe(200);
    const again = t.client('another browser');
    expect((await again.call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(200);
    expect(await privatePlaces(again)).toBe('open');
  });

  it('close after 15 quiet minutes (exactly 15 is still open), each use sliding them on', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Sliding');
    t.clock.advance(15 * MINUTE);
    expect(await privatePlaces(p.client)).toBe('open');
    t.clock.advance(15 * MINUTE);
    // "Is it working?" is a private place too: a visit there slides the same window.
    expect((await p.client.get(FACTS)).status).toBe(200);
    t.clock.advance(15 * MINUTE);
    expect(await privatePlaces(p.client)).toBe('open');
    // Other screens do not keep them open.
    t.clock.advance(10 * MINUTE);
    expect((await p.client.call('auth.me')).status).toBe(200);
    expect((await p.client.call('rituals.list')).status).toBe(200);
    t.clock.advance(5 * MINUTE + 1);
    expect(await privatePlaces(p.client)).toBe('closed');
    expect((await p.client.get(FACTS)).status).toBe(403);
    // A refusal does not slide anything, and the session stays signed in.
    expect(await privatePlaces(p.client)).toBe('closed');
    expect((await p.client.call('auth.me')).status).toBe(200);
  });

  it('reopen with the password entered again (POST /auth/reauth, or its alias /reflection/unlock)', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Reopened');
    t.clock.advance(16 * MINUTE);
    expect(await privatePlaces(p.client)).toBe('closed');
    const res = await reauth(p.client, p.password);
    expect(res.status, res.text).toBe(204);
    expect(res.text).toBe('');
    expect(await privatePlaces(p.client)).toBe('open');
    expect((await p.client.get(FACTS)).status).toBe(200);

    t.clock.advance(16 * MINUTE);
    expect(await privatePlaces(p.client)).toBe('closed');
    expect((await p.client.call('reflection.unlock', { body: { password: p.password } })).status).toBe(204);
    expect(await privatePlaces(p.client)).toBe('open');
  });

  it('stay closed on a wrong password (401), and limit guesses like sign-in failures, across both routes', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Guessing');
    t.clock.advance(16 * MINUTE);
    const wrong = await reauth(p.client, 'not my password at all');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'wrong_password' } });
    expect(await privatePlaces(p.client)).toBe('closed');
    expect((await p.client.call('auth.me')).status).toBe(200);

    const limit = t.deps.config.rateLimit.signInFailuresPerAccount;
    // One wrong guess above; the rest of the allowance through the alias: one bucket for both.
    for (let i = 1; i < limit; i += 1) {
      expect((await p.client.call('reflection.unlock', { body: { password: `guess ${i}` } })).status).toBe(401);
    }
    const limited = await reauth(p.client, p.password);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await privatePlaces(p.client)).toBe('closed');
    // Signing in is counted apart, and opens its own new session.
    const elsewhere = t.client('elsewhere');
    expect((await elsewhere.call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(200);

    t.clock.advance(t.deps.config.rateLimit.windowMs + 1);
    expect((await reauth(p.client, p.password)).status).toBe(204);
    expect(await privatePlaces(p.client)).toBe('open');
  });

  it('refuse an empty password, unknown fields and signed-out visitors', async () => {
    const p = await t.signUp('Fields');
    expect((await p.client.post('/api/v1/auth/reauth', { password: '' })).status).toBe(400);
    expect((await p.client.post('/api/v1/auth/reauth', { password: p.password, extra: 1 })).status).toBe(400);
    expect((await t.client().post('/api/v1/auth/reauth', { password: p.password })).status).toBe(401);
  });
});

describe('one session at a time', () => {
  it("a second session of the same person is untouched by the first one's re-entry", async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('TwoPhones');
    const phone = t.client('phone');
    expect((await phone.call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(200);
    const laptop = await signedIn(p);
    const other = await signedIn(p, phone);
    const otherBefore = await stampsOf(other.sessionId);

    t.clock.advance(16 * MINUTE);
    expect((await reauth(p.client, p.password)).status).toBe(204);
    expect(await privatePlaces(p.client)).toBe('open');
    expect(await privatePlaces(phone)).toBe('closed');
    expect(await stampsOf(other.sessionId)).toEqual(otherBefore);
    expect(await stampsOf(laptop.sessionId)).toEqual({
      reauth_at: t.clock.now().toISOString(),
      fresh_reauth_at: t.clock.now().toISOString(),
    });
    await expect(requireFreshReauth(t.deps, laptop)).resolves.toBeUndefined();
    expect(await refusal(requireFreshReauth(t.deps, other))).toBe('reauth_required');
  });
});

describe('the stamps a session begins with', () => {
  it('sign-up, sign-in and a password reset open the private places, but are not a fresh re-entry', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const at = t.clock.now().toISOString();
    const p = await t.signUp('Beginnings');
    const fromSignUp = await signedIn(p);
    expect(await stampsOf(fromSignUp.sessionId)).toEqual({ reauth_at: at, fresh_reauth_at: null });

    t.clock.advance(MINUTE);
    const browser = t.client('browser');
    expect((await browser.call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(200);
    const fromSignIn = await signedIn(p, browser);
    expect(await stampsOf(fromSignIn.sessionId)).toEqual({ reauth_at: t.clock.now().toISOString(), fresh_reauth_at: null });

    t.clock.advance(MINUTE);
    const link = await createResetLink(t.deps, p.id);
    const token = new URL(link.url).searchParams.get('token') ?? '';
    const resetter = t.client('resetter');
    const reset = await resetter.call('auth.passwordReset.confirm', { body: { token, password: 'a new and different phrase' } });
    expect(reset.status, reset.text).toBe(200);
    const fromReset = await signedIn({ ...p, password: 'a new and different phrase' }, resetter);
    expect(await stampsOf(fromReset.sessionId)).toEqual({ reauth_at: t.clock.now().toISOString(), fresh_reauth_at: null });
    expect(await privatePlaces(resetter)).toBe('open');
    expect(await refusal(requireFreshReauth(t.deps, fromReset))).toBe('reauth_required');
  });
});

describe('the fresh stamp for sensitive actions (requireFreshReauth)', () => {
  it('holds for 5 minutes after an explicit re-entry, exactly 5 included, and is never slid', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Fresh');
    const user = await signedIn(p);
    // Just signed in: the private places are open, a sensitive action still asks.
    await expect(requirePrivatePlaces(t.deps, user)).resolves.toBeUndefined();
    expect(await refusal(requireFreshReauth(t.deps, user))).toBe('reauth_required');

    expect((await reauth(p.client, p.password)).status).toBe(204);
    const stampedAt = t.clock.now().toISOString();
    await expect(requireFreshReauth(t.deps, user)).resolves.toBeUndefined();
    t.clock.advance(4 * MINUTE);
    // Using it, and using a private place, slide nothing of the fresh stamp.
    await expect(requireFreshReauth(t.deps, user)).resolves.toBeUndefined();
    expect(await privatePlaces(p.client)).toBe('open');
    expect((await stampsOf(user.sessionId)).fresh_reauth_at).toBe(stampedAt);
    t.clock.advance(MINUTE);
    await expect(requireFreshReauth(t.deps, user)).resolves.toBeUndefined(); // exactly 5 minutes
    t.clock.advance(1);
    expect(await refusal(requireFreshReauth(t.deps, user))).toBe('reauth_required');
    // The private places go on sliding on their own terms.
    expect(await privatePlaces(p.client)).toBe('open');

    // The alias stamps it too: it is the same re-entry.
    expect((await p.client.call('reflection.unlock', { body: { password: p.password } })).status).toBe(204);
    await expect(requireFreshReauth(t.deps, user)).resolves.toBeUndefined();
  });

  it('is refused to a session whose private places were closed and never re-entered', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Stale');
    const user = await signedIn(p);
    t.clock.advance(16 * MINUTE);
    expect(await refusal(requirePrivatePlaces(t.deps, user))).toBe('reauth_required');
    expect(await refusal(requireFreshReauth(t.deps, user))).toBe('reauth_required');
  });
});

describe('nothing about a password is stored', () => {
  it('keeps no Idempotency-Key answer for /auth/reauth or /reflection/unlock, right or wrong', async () => {
    const p = await t.signUp('NoReplay');
    const headers = { 'idempotency-key': 'reauth-key-0000000001' };
    for (let i = 0; i < 2; i += 1) {
      const ok = await reauth(p.client, p.password, headers);
      expect(ok.status).toBe(204);
      expect(ok.headers.get('idempotent-replayed')).toBeNull();
      const alias = await p.client.call('reflection.unlock', { body: { password: p.password } }, headers);
      expect(alias.status).toBe(204);
      expect(alias.headers.get('idempotent-replayed')).toBeNull();
    }
    // A wrong one with the same key is answered afresh (401), not replayed as the earlier 204.
    expect((await reauth(p.client, 'wrong wrong wrong', headers)).status).toBe(401);
    const rows = await t.deps.db.selectFrom('idempotency_keys').select('route_id').where('user_id', '=', p.id).execute();
    expect(rows).toEqual([]);
  });
});
