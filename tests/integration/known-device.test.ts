import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KNOWN_DEVICE_FAILURES_PER_WINDOW, KNOWN_DEVICE_LIFETIME_MS } from '../../src/domain/known-devices.js';
import { createResetLink } from '../../src/features/auth/password-reset.service.js';
import { createTestApp, type Person, type TestApp, type TestClient } from '../support/test-app.js';

// No lock-out by someone who knows the email (decision 024, OWASP's device cookies). A browser that
// signed in to an account holds the `attune_device` cookie; its sign-in failures are counted on
// their own (10 in the window) and it is never stopped by the count that unknown browsers share.

let t: TestApp;
const ACCOUNT_LIMIT = 5;
const NOW = '2026-03-02T09:00:00.000Z';

beforeAll(async () => {
  // A small account limit keeps the loops short; the per-address limit would otherwise stop the
  // test's one address long before any account limit is reached.
  t = await createTestApp({ env: { RATE_LIMIT_SIGNIN_FAILURES: String(ACCOUNT_LIMIT), RATE_LIMIT_PER_ADDRESS: '100000' } });
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await t?.close();
});

const login = (client: TestClient, email: string, password: string) => client.call('auth.login', { body: { email, password } });

/** Signs in on a new browser, then signs it out: it keeps only its device cookie. */
async function knownBrowser(p: Person, label = 'own phone'): Promise<TestClient> {
  const client = t.client(label);
  expect((await login(client, p.email, p.password)).status).toBe(200);
  expect((await client.call('auth.logout')).status).toBe(204);
  expect(client.signedIn).toBe(false);
  return client;
}

/** Wrong guesses from fresh browsers (each unknown) until the account's shared count is full. */
async function lockFromElsewhere(p: Person): Promise<void> {
  for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
    expect((await login(t.client(`stranger ${i}`), p.email, `guess number ${i}`)).status).toBe(401);
  }
  expect((await login(t.client('stranger'), p.email, p.password)).status).toBe(429);
}

const devicesOf = (userId: string) =>
  t.deps.db.selectFrom('known_devices').selectAll().where('user_id', '=', userId).orderBy('id').execute();

describe('the device cookie', () => {
  it('is set on sign-in: http-only, same-site strict, for the account routes only; only a keyed hash is stored', async () => {
    const p = await t.signUp('Cookie');
    const client = t.client('browser');
    const res = await login(client, p.email, p.password);
    expect(res.status).toBe(200);
    const line = res.headers.getSetCookie().find((l) => l.startsWith('attune_device='));
    expect(line).toBeDefined();
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Strict/i);
    expect(line).toMatch(/Path=\/api\/v1\/auth(;|$)/);
    expect(line).toMatch(/Max-Age=\d{8}/);
    const value = /^attune_device=([^;]+)/.exec(line ?? '')?.[1] ?? '';
    const [id, secret] = value.split('.');
    expect(secret?.length).toBeGreaterThanOrEqual(43);

    const rows = await devicesOf(p.id);
    // One from the sign-up browser, one from this one.
    expect(rows).toHaveLength(2);
    const row = rows.find((r) => r.id === id);
    expect(row).toMatchObject({ user_id: p.id, created_at: NOW, last_used_at: NOW });
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(row?.secret_hash).not.toContain(id);
  });

  it('stays the same device when the same browser signs in again (its last use moves on)', async () => {
    const p = await t.signUp('Again');
    const client = await knownBrowser(p);
    const before = await devicesOf(p.id);
    t.clock.advance(60_000);
    const res = await login(client, p.email, p.password);
    expect(res.status).toBe(200);
    const after = await devicesOf(p.id);
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect(after.map((d) => d.last_used_at)).toContain(t.clock.now().toISOString());
  });
});

describe('no lock-out by someone who knows the email', () => {
  it('failures from unknown browsers never stop the person on a browser that signed in before', async () => {
    const p = await t.signUp('Owner');
    const phone = await knownBrowser(p);
    await lockFromElsewhere(p);
    // A wrong guess on the known phone is still only a wrong guess, not a lock-out.
    expect((await login(phone, p.email, 'a slip of the thumb')).status).toBe(401);
    expect((await login(phone, p.email, p.password)).status).toBe(200);
    expect((await phone.call('auth.me')).status).toBe(200);
  });

  it('unknown browsers stay limited, even after the person signed in on their known one', async () => {
    const p = await t.signUp('StillLimited');
    const phone = await knownBrowser(p);
    await lockFromElsewhere(p);
    expect((await login(phone, p.email, p.password)).status).toBe(200);
    // Whoever is guessing elsewhere got no new tries from the person's sign-in.
    const stranger = await login(t.client('new stranger'), p.email, p.password);
    expect(stranger.status).toBe(429);
    expect(stranger.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);

    t.clock.advance(t.deps.config.rateLimit.windowMs + 1);
    expect((await login(t.client('after a while'), p.email, p.password)).status).toBe(200);
  });

  it('a known browser has its own limit of 10 failures, which stops neither the person’s other browsers nor others', async () => {
    const p = await t.signUp('HeldPhone');
    const phone = await knownBrowser(p, 'phone someone holds');
    const laptop = await knownBrowser(p, 'own laptop');
    for (let i = 0; i < KNOWN_DEVICE_FAILURES_PER_WINDOW; i += 1) {
      expect((await login(phone, p.email, `guess ${i}`)).status, `guess ${i}`).toBe(401);
    }
    const limited = await login(phone, p.email, p.password);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('this browser') } });
    // Ten failures on one known browser: more than the account limit, yet they filled nothing else.
    expect((await login(laptop, p.email, p.password)).status).toBe(200);
    expect((await login(t.client('unknown'), p.email, p.password)).status).toBe(200);
    t.clock.advance(t.deps.config.rateLimit.windowMs + 1);
    expect((await login(phone, p.email, p.password)).status).toBe(200);
  });

  it('a browser known for another account is a stranger to this one (a shared computer)', async () => {
    const p = await t.signUp('Mine');
    const partner = await t.signUp('Theirs');
    const shared = await knownBrowser(partner, 'shared computer');
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
      expect((await login(shared, p.email, `guess ${i}`)).status).toBe(401);
    }
    expect((await login(shared, p.email, p.password)).status).toBe(429);
    expect((await login(t.client('stranger'), p.email, p.password)).status).toBe(429);
  });

  it('a forged or altered cookie, or one a year unused, counts as an unknown browser', async () => {
    const p = await t.signUp('Forged');
    await knownBrowser(p);
    const [device] = await devicesOf(p.id);
    if (!device) throw new Error('no device');
    await lockFromElsewhere(p);
    const forged = `attune_device=${device.id}.${'A'.repeat(43)}`;
    expect(
      (
        await t
          .client('forger')
          .request('POST', '/api/v1/auth/login', { email: p.email, password: p.password }, { cookie: forged })
      ).status,
    ).toBe(429);

    const q = await t.signUp('Dusty');
    const old = await knownBrowser(q, 'old phone');
    t.clock.advance(KNOWN_DEVICE_LIFETIME_MS + 60_000);
    await lockFromElsewhere(q);
    expect((await login(old, q.email, q.password)).status).toBe(429);
  });

  it('a password reset forgets every known browser but the one that reset it', async () => {
    const p = await t.signUp('Reset');
    const phone = await knownBrowser(p, 'phone');
    const resetter = t.client('resetting browser');
    const link = await createResetLink(t.deps, p.id);
    const token = new URL(link.url).searchParams.get('token') ?? '';
    const fresh = 'a brand new private phrase';
    expect((await resetter.call('auth.passwordReset.confirm', { body: { token, password: fresh } })).status).toBe(200);
    const remaining = await devicesOf(p.id);
    expect(remaining).toHaveLength(1);

    // The phone is a stranger now; the resetting browser is the one known device.
    await lockFromElsewhere({ ...p, password: fresh });
    expect((await login(phone, p.email, fresh)).status).toBe(429);
    expect((await resetter.call('auth.logout')).status).toBe(204);
    expect((await login(resetter, p.email, fresh)).status).toBe(200);
  });
});
