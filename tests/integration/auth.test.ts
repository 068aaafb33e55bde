import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_SIGNIN_FAILURES: '5' } });
});
afterAll(async () => {
  await t?.close();
});

describe('sign-up', () => {
  it('answers 201 with id, email and name, and a hardened session cookie', async () => {
    const c = t.client();
    const res = await c.post('/api/v1/auth/signup', {
      email: '  Robin.Hart@Example.ORG ',
      password: 'quiet mornings by the sea',
      name: ' Robin ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: 'robin.hart@example.org', name: 'Robin' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^attune_session=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: res.body.id, email: 'robin.hart@example.org', name: 'Robin', timeZone: 'UTC' });
  });

  it('refuses an email already registered, whatever its case or spaces (409)', async () => {
    const p = await t.signUp('Casey');
    const res = await t
      .client()
      .post('/api/v1/auth/signup', { email: ` ${p.email.toUpperCase()} `, password: 'another fine long phrase', name: 'Other' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
  });

  it('refuses short and common passwords kindly, naming the field', async () => {
    const short = await t.client().post('/api/v1/auth/signup', { email: 'short@example.org', password: 'abc', name: 'Short' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toEqual([{ path: 'password', message: expect.stringContaining('at least 10 characters') }]);
    const common = await t
      .client()
      .post('/api/v1/auth/signup', { email: 'common@example.org', password: 'Password123', name: 'Common' });
    expect(common.status).toBe(400);
    expect(common.body.error.fields[0]).toEqual({ path: 'password', message: expect.stringContaining('most common') });
    expect(common.body.error.fields[0].message).not.toContain('!');
  });

  it('rejects an unknown time zone without creating the account', async () => {
    const res = await t.client().post('/api/v1/auth/signup', {
      email: 'tz@example.org',
      password: 'a fine long phrase',
      name: 'Tz',
      timeZone: 'Mars/Olympus',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('timeZone');
    const again = await t
      .client()
      .post('/api/v1/auth/signup', { email: 'tz@example.org', password: 'a fine long phrase', name: 'Tz' });
    expect(again.status).toBe(201);
  });

  it('sets Secure on the cookie when PUBLIC_URL is https', async () => {
    const https = await createTestApp({ env: { PUBLIC_URL: 'https://attune.example.org' } });
    try {
      const res = await https.app.request('https://attune.example.org/api/v1/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://attune.example.org' },
        body: JSON.stringify({ email: 'secure@example.org', password: 'a fine long phrase', name: 'Sec' }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('set-cookie')).toMatch(/Secure/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    } finally {
      await https.close();
    }
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with any case of the email and rotates the session', async () => {
    const p = await t.signUp('Jordan');
    const before = p.client.sessionCookie();
    const res = await p.client.post('/api/v1/auth/login', { email: p.email.toUpperCase(), password: p.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: p.id, email: p.email, name: 'Jordan' });
    expect(p.client.sessionCookie()).not.toBe(before);
    // The old token no longer works.
    const stale = t.client();
    const old = await stale.get('/api/v1/me', { cookie: `attune_session=${before}` });
    expect(old.status).toBe(401);
  });

  it('answers wrong credentials with the same 401 body whether or not the account exists', async () => {
    const p = await t.signUp('Morgan');
    const wrong = await t.client().post('/api/v1/auth/login', { email: p.email, password: 'not my password at all' });
    const unknown = await t
      .client()
      .post('/api/v1/auth/login', { email: 'nobody@example.org', password: 'not my password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toBe(unknown.text);
  });

  it('signs out with 204, after which /me is 401', async () => {
    const p = await t.signUp('Quinn');
    expect((await p.client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await p.client.get('/api/v1/me')).status).toBe(401);
  });

  it('limits sign-in failures per account with 429 and Retry-After, and the window passes', async () => {
    const p = await t.signUp('Riley');
    for (let i = 0; i < 5; i++) {
      expect((await t.client().post('/api/v1/auth/login', { email: p.email, password: `wrong guess ${i}xx` })).status).toBe(401);
    }
    const limited = await t.client().post('/api/v1/auth/login', { email: p.email, password: p.password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('rate_limited');
    // Another account is not affected.
    const other = await t.signUp('Other');
    expect((await t.client().post('/api/v1/auth/login', { email: other.email, password: other.password })).status).toBe(200);
    t.clock.advance(16 * 60_000);
    expect((await t.client().post('/api/v1/auth/login', { email: p.email, password: p.password })).status).toBe(200);
  });

  it('holds the limit against a burst of simultaneous guesses', async () => {
    const p = await t.signUp('Burst');
    const guesses = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        t.client().post('/api/v1/auth/login', { email: p.email, password: `simultaneous guess ${i}` }),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
  });

  it('renews the cookie as the session is used, so daily use keeps a person signed in', async () => {
    const p = await t.signUp('Daily');
    for (let day = 0; day < 40; day++) {
      t.clock.advance(24 * 3600_000);
      const res = await p.client.get('/api/v1/me');
      expect(res.status, `day ${day}`).toBe(200);
      expect(res.headers.get('set-cookie') ?? '').toMatch(/Max-Age=2592000/);
    }
  });

  it('expires a session after 30 days without use', async () => {
    const p = await t.signUp('Sky');
    t.clock.advance(31 * 24 * 3600_000);
    expect((await p.client.get('/api/v1/me')).status).toBe(401);
  });
});

describe('profile and sessions', () => {
  it('changes name and time zone, and validates them', async () => {
    const p = await t.signUp('Avery');
    const res = await p.client.patch('/api/v1/me', { name: 'Ave', timeZone: 'America/Chicago' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Ave', timeZone: 'America/Chicago' });
    const bad = await p.client.patch('/api/v1/me', { timeZone: 'Nowhere/Place' });
    expect(bad.status).toBe(400);
    expect((await p.client.get('/api/v1/me')).body.timeZone).toBe('America/Chicago');
  });

  it('lists my sessions, signs one out, and signs out everywhere', async () => {
    const p = await t.signUp('Blake');
    const second = t.client('second device');
    await second.post(
      '/api/v1/auth/login',
      { email: p.email, password: p.password },
      { 'user-agent': 'Mozilla/5.0 (Android 14) Chrome/130.0 Mobile' },
    );
    const list = await p.client.get('/api/v1/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    expect(list.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.body.sessions.find((s: { current: boolean }) => !s.current);
    expect(other.device).toBe('Chrome on Android');
    expect((await p.client.delete(`/api/v1/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await p.client.get('/api/v1/me')).status).toBe(200);

    const third = t.client('third');
    await third.post('/api/v1/auth/login', { email: p.email, password: p.password });
    expect((await p.client.post('/api/v1/auth/sessions/sign-out-everywhere')).status).toBe(204);
    expect((await third.get('/api/v1/me')).status).toBe(401);
    expect((await p.client.get('/api/v1/me')).status).toBe(401);
  });
});
