import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createResetLink } from '../../src/features/auth/password-reset.service.js';
import { invitedTherapist } from '../support/couple-therapist.js';
import { type PushService, startPushService } from '../support/push-service.js';
import { createTestApp, type Person, type TestApp, type TestClient } from '../support/test-app.js';
import { newBrowserKeys } from '../support/web-push-decrypt.js';

// Changing the password while signed in (decision 024): POST /api/v1/auth/password with the current
// and the new one. The current one is the re-authentication; the change ends every other session of
// the person, removes every push subscription of theirs, forgets every known browser but this one,
// and never leaves an Idempotency-Key answer behind.

let t: TestApp;
let service: PushService;
const NEW = 'a fresh and different phrase of mine';
const NOW = '2026-03-02T09:00:00.000Z';

beforeAll(async () => {
  [t, service] = await Promise.all([createTestApp(), startPushService()]);
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await Promise.all([t?.close(), service?.close()]);
});

const change = (client: TestClient, currentPassword: string, newPassword: string, headers?: Record<string, string>) =>
  client.call('auth.password', { body: { currentPassword, newPassword } }, headers);

async function signIn(p: Person, password = p.password, label = 'another browser'): Promise<TestClient> {
  const client = t.client(label);
  const res = await client.call('auth.login', { body: { email: p.email, password } });
  expect(res.status, res.text).toBe(200);
  return client;
}

const signsIn = async (email: string, password: string) =>
  (await t.client().call('auth.login', { body: { email, password } })).status;

async function turnOnPush(client: TestClient): Promise<string> {
  const browser = newBrowserKeys(randomBytes(16));
  const res = await client.call('push.subscribe', { body: { endpoint: service.endpoint(randomUUID()), keys: browser.json } });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const pushRowsOf = (userId: string) =>
  t.deps.db.selectFrom('push_subscriptions').select('id').where('user_id', '=', userId).execute();

const devicesOf = (userId: string) =>
  t.deps.db.selectFrom('known_devices').select('id').where('user_id', '=', userId).orderBy('id').execute();

describe('a new password while signed in', () => {
  it('answers 204; the new password signs in and the old one no longer does; this session stays', async () => {
    const p = await t.signUp('Changer');
    const res = await change(p.client, p.password, NEW);
    expect(res.status, res.text).toBe(204);
    expect(res.text).toBe('');
    expect((await p.client.call('auth.me')).status).toBe(200);
    expect(await signsIn(p.email, p.password)).toBe(401);
    expect(await signsIn(p.email, NEW)).toBe(200);
  });

  it('ends every other session of the person at once (their open streams too), and nobody else’s', async () => {
    const { a, b } = await t.couple(['Ines', 'Jory']);
    const phone = await signIn(a, a.password, 'phone');
    const laptop = await signIn(a, a.password, 'laptop');
    const stream = await phone.stream('/api/v1/events');
    await stream.next();

    expect((await change(a.client, a.password, NEW)).status).toBe(204);
    expect((await phone.call('auth.me')).status).toBe(401);
    expect((await laptop.call('auth.me')).status).toBe(401);
    expect(await stream.next(2000)).toBeNull();
    expect(stream.ended).toBe(true);
    stream.close();
    const sessions = await a.client.call('auth.sessions.list');
    expect(sessions.body.sessions).toHaveLength(1);
    expect(sessions.body.sessions[0]?.current).toBe(true);
    // The partner's own session is untouched.
    expect((await b.client.call('auth.me')).status).toBe(200);
  });

  it('removes every push subscription of the person, this browser’s too, and none of the partner’s', async () => {
    const { a, b } = await t.couple(['Kira', 'Lou']);
    const phone = await signIn(a, a.password, 'phone');
    await turnOnPush(a.client);
    await turnOnPush(phone);
    const partners = await turnOnPush(b.client);
    expect(await pushRowsOf(a.id)).toHaveLength(2);

    expect((await change(a.client, a.password, NEW)).status).toBe(204);
    expect(await pushRowsOf(a.id)).toEqual([]);
    expect((await a.client.call('push.get')).body.subscriptions).toEqual([]);
    expect(await pushRowsOf(b.id)).toEqual([{ id: partners }]);
  });

  it('forgets every known browser but this one', async () => {
    const p = await t.signUp('Forgetful');
    const ids = async () => (await devicesOf(p.id)).map((d) => d.id);
    const signUpDevices = await ids();
    const phone = await signIn(p, p.password, 'phone');
    const phoneDevice = (await ids()).filter((id) => !signUpDevices.includes(id));
    await signIn(p, p.password, 'tablet');
    expect(signUpDevices).toHaveLength(1);
    expect(phoneDevice).toHaveLength(1);
    expect(await ids()).toHaveLength(3);

    expect((await change(phone, p.password, NEW)).status).toBe(204);
    expect(await ids()).toEqual(phoneDevice);
  });

  it('counts as the re-authentication: a sensitive action right after needs no other password', async () => {
    const { a } = await t.couple(['Mona', 'Ned']);
    expect((await a.client.call('spaces.leave')).body).toMatchObject({ error: { code: 'reauth_required' } });
    expect((await change(a.client, a.password, NEW)).status).toBe(204);
    expect((await a.client.call('spaces.leave')).status).toBe(200);
  });

  it('makes waiting reset links stop working', async () => {
    const p = await t.signUp('Linked');
    const link = await createResetLink(t.deps, p.id);
    expect((await change(p.client, p.password, NEW)).status).toBe(204);
    const token = new URL(link.url).searchParams.get('token') ?? '';
    const reset = await t.client().call('auth.passwordReset.confirm', { body: { token, password: 'someone else’s phrase' } });
    expect(reset.status).toBe(400);
    expect(reset.body).toMatchObject({ error: { code: 'reset_link_invalid' } });
    expect(await signsIn(p.email, NEW)).toBe(200);
  });

  it('is open to a therapist’s account too', async () => {
    const { a } = await t.couple(['Ola', 'Pim']);
    const { therapist } = await invitedTherapist(t, a);
    expect((await change(therapist.client, therapist.password, NEW)).status).toBe(204);
    expect(await signsIn(therapist.email, NEW)).toBe(200);
  });
});

describe('the current password is the re-authentication', () => {
  it('a wrong one answers 401 wrong_password at its field, and changes nothing', async () => {
    const p = await t.signUp('Wrong');
    const phone = await signIn(p, p.password, 'phone');
    await turnOnPush(phone);
    const res = await change(p.client, 'not my password at all', NEW);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      error: { code: 'wrong_password', fields: [{ path: 'currentPassword', message: expect.any(String) }] },
    });
    expect((await phone.call('auth.me')).status).toBe(200);
    expect(await pushRowsOf(p.id)).toHaveLength(1);
    expect(await signsIn(p.email, p.password)).toBe(200);
    expect(await signsIn(p.email, NEW)).toBe(401);
  });

  it('wrong ones count in the same limit as /auth/reauth (429 past it, for both), until the window passes', async () => {
    const p = await t.signUp('Guesser');
    const limit = t.deps.config.rateLimit.signInFailuresPerAccount;
    for (let i = 1; i < limit; i += 1) {
      expect((await p.client.call('auth.reauth', { body: { password: `guess ${i}` } })).status).toBe(401);
    }
    expect((await change(p.client, 'one more guess', NEW)).status).toBe(401);
    const limited = await change(p.client, p.password, NEW);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await p.client.call('auth.reauth', { body: { password: p.password } })).status).toBe(429);
    expect(await signsIn(p.email, NEW)).toBe(401);

    t.clock.advance(t.deps.config.rateLimit.windowMs + 1);
    expect((await change(p.client, p.password, NEW)).status).toBe(204);
  });

  it('the new one follows the rules of every new password, named at its field', async () => {
    const p = await t.signUp('Rules');
    const fieldOf = async (currentPassword: string, newPassword: string) => {
      const res = await change(p.client, currentPassword, newPassword);
      expect(res.status, res.text).toBe(400);
      return (res.body as unknown as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    };
    expect(await fieldOf(p.password, 'short')).toEqual(['newPassword']);
    expect(await fieldOf(p.password, 'password123')).toEqual(['newPassword']);
    expect(await fieldOf(p.password, `my ${p.email.split('@')[0]} phrase`)).toEqual(['newPassword']);
    expect(await fieldOf(p.password, p.password)).toEqual(['newPassword']);
    expect(await fieldOf('', NEW)).toEqual(['currentPassword']);
    expect((await p.client.post('/api/v1/auth/password', { currentPassword: p.password })).status).toBe(400);
    expect((await p.client.post('/api/v1/auth/password', { currentPassword: p.password, newPassword: NEW, x: 1 })).status).toBe(
      400,
    );
    // Nothing changed.
    expect(await signsIn(p.email, p.password)).toBe(200);
  });

  it('is refused to a signed-out visitor', async () => {
    const p = await t.signUp('Visitor');
    expect((await change(t.client(), p.password, NEW)).status).toBe(401);
    expect(await signsIn(p.email, p.password)).toBe(200);
  });
});

describe('nothing about a password is stored', () => {
  it('keeps no Idempotency-Key row or answer: the same key is answered afresh each time', async () => {
    const p = await t.signUp('NoReplay');
    const headers = { 'idempotency-key': 'password-change-key-0001' };
    const first = await change(p.client, p.password, NEW, headers);
    expect(first.status).toBe(204);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same request with the same key runs again: the current password is now the new one, so
    // it is refused, where a stored answer would have replayed the 204.
    const again = await change(p.client, p.password, NEW, headers);
    expect(again.status).toBe(401);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect((await change(p.client, NEW, 'and yet another long phrase', headers)).status).toBe(204);
    const rows = await t.deps.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', p.id).execute();
    expect(rows).toEqual([]);
    const anyRow = await t.deps.db
      .selectFrom('idempotency_keys')
      .select('route_id')
      .where('route_id', '=', 'auth.password')
      .execute();
    expect(anyRow).toEqual([]);
  });
});
