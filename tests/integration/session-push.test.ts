import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createResetLink } from '../../src/features/auth/password-reset.service.js';
import { sendPush } from '../../src/features/push/push.service.js';
import { type PushService, startPushService } from '../support/push-service.js';
import { createTestApp, type Person, type TestApp, type TestClient } from '../support/test-app.js';
import { newBrowserKeys } from '../support/web-push-decrypt.js';

// Ending sessions ends what they opened (decision 024). A push subscription belongs to the session
// that saved it: signing that session out (here or from another device) removes it; signing out
// everywhere and a password reset remove every subscription of the person. A phone signed out
// no longer hears when the person has not yet checked in.

let t: TestApp;
let service: PushService;

beforeAll(async () => {
  [t, service] = await Promise.all([createTestApp(), startPushService()]);
});
beforeEach(() => {
  t.clock.set('2026-03-02T09:00:00.000Z');
  service.received.length = 0;
});
afterAll(async () => {
  await Promise.all([t?.close(), service?.close()]);
});

async function signIn(p: Person, label: string): Promise<TestClient> {
  const client = t.client(label);
  expect((await client.call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(200);
  return client;
}

async function currentSessionId(client: TestClient): Promise<string> {
  const list = await client.call('auth.sessions.list');
  const id = list.body.sessions.find((s) => s.current)?.id;
  if (!id) throw new Error('not signed in');
  return id;
}

/** Turns push on from this browser; answers the subscription's id and the push service path it uses. */
async function turnOnPush(client: TestClient): Promise<{ id: string; name: string }> {
  const name = randomUUID();
  const browser = newBrowserKeys(randomBytes(16));
  const res = await client.call('push.subscribe', { body: { endpoint: service.endpoint(name), keys: browser.json } });
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id, name };
}

const rowsOf = async (userId: string) =>
  (
    await t.deps.db
      .selectFrom('push_subscriptions')
      .select(['id', 'session_id'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute()
  ).map((r) => ({ id: r.id, session: r.session_id }));

const reachedPaths = () => service.received.map((r) => r.path).sort();

describe('a push subscription belongs to the session that saved it', () => {
  it('records the session; saved again from a later session, it moves to that one', async () => {
    const p = await t.signUp('Recorded');
    const first = await currentSessionId(p.client);
    const sub = await turnOnPush(p.client);
    expect(await rowsOf(p.id)).toEqual([{ id: sub.id, session: first }]);

    // The same browser after its cookies were cleared: a new session, the same push address.
    const cleared = await signIn(p, 'same browser, cookies cleared');
    const second = await currentSessionId(cleared);
    const keys = newBrowserKeys(randomBytes(16)).json;
    const again = await cleared.call('push.subscribe', { body: { endpoint: service.endpoint(sub.name), keys } });
    expect(again.status).toBe(201);
    expect(await rowsOf(p.id)).toEqual([{ id: sub.id, session: second }]);
    // Signing the first session out now leaves it: it belongs to the second.
    expect((await cleared.call('auth.sessions.delete', { params: { id: first } })).status).toBe(204);
    expect(await rowsOf(p.id)).toEqual([{ id: sub.id, session: second }]);
    expect((await cleared.call('auth.logout')).status).toBe(204);
    expect(await rowsOf(p.id)).toEqual([]);
  });
});

describe('signing one session out removes the push subscriptions made from it, and only those', () => {
  it('auth.logout: this browser’s go, the phone’s stay and still hear', async () => {
    const p = await t.signUp('LogsOut');
    const phone = await signIn(p, 'phone');
    const here = await turnOnPush(p.client);
    const there = await turnOnPush(phone);
    expect((await p.client.call('auth.logout')).status).toBe(204);
    expect(await rowsOf(p.id)).toEqual([{ id: there.id, session: await currentSessionId(phone) }]);

    expect(await sendPush(t.deps, p.id)).toEqual({ sent: 1, removed: 0 });
    expect(reachedPaths()).toEqual([`/push/${there.name}`]);
    expect(reachedPaths()).not.toContain(`/push/${here.name}`);
  });

  it('auth.sessions.delete: signing the phone out from the laptop stops the phone’s push', async () => {
    const { a, b } = await t.couple(['Rhea', 'Saul']);
    const phone = await signIn(a, 'phone');
    const phoneSession = await currentSessionId(phone);
    const onPhone = await turnOnPush(phone);
    const onLaptop = await turnOnPush(a.client);
    const partners = await turnOnPush(b.client);

    expect((await a.client.call('auth.sessions.delete', { params: { id: phoneSession } })).status).toBe(204);
    expect((await rowsOf(a.id)).map((r) => r.id)).toEqual([onLaptop.id]);
    expect((await rowsOf(b.id)).map((r) => r.id)).toEqual([partners.id]);
    expect(await sendPush(t.deps, a.id)).toEqual({ sent: 1, removed: 0 });
    expect(reachedPaths()).not.toContain(`/push/${onPhone.name}`);
  });
});

describe('signing out everywhere and a password reset remove every subscription of the person', () => {
  /** A subscription saved before sessions were recorded (migration 0020 left it without one). */
  async function olderSubscription(client: TestClient, userId: string) {
    const sub = await turnOnPush(client);
    await t.deps.db.updateTable('push_subscriptions').set({ session_id: null }).where('id', '=', sub.id).execute();
    expect((await rowsOf(userId)).find((r) => r.id === sub.id)?.session).toBeNull();
    return sub;
  }

  it('sign out everywhere: none left, older ones included; the partner’s stay', async () => {
    const { a, b } = await t.couple(['Tova', 'Ugo']);
    const phone = await signIn(a, 'phone');
    await turnOnPush(phone);
    await turnOnPush(a.client);
    await olderSubscription(phone, a.id);
    const partners = await turnOnPush(b.client);
    expect(await rowsOf(a.id)).toHaveLength(3);

    expect((await phone.call('auth.sessions.signOutEverywhere')).status).toBe(204);
    expect(await rowsOf(a.id)).toEqual([]);
    expect(await sendPush(t.deps, a.id)).toEqual({ sent: 0, removed: 0 });
    expect((await rowsOf(b.id)).map((r) => r.id)).toEqual([partners.id]);
  });

  it('a password reset: none left, older ones included', async () => {
    const p = await t.signUp('Resets');
    const phone = await signIn(p, 'phone');
    await turnOnPush(phone);
    await olderSubscription(p.client, p.id);
    const link = await createResetLink(t.deps, p.id);
    const token = new URL(link.url).searchParams.get('token') ?? '';
    const res = await t
      .client('resetter')
      .call('auth.passwordReset.confirm', { body: { token, password: 'a new long phrase now' } });
    expect(res.status).toBe(200);
    expect(await rowsOf(p.id)).toEqual([]);
    expect(await sendPush(t.deps, p.id)).toEqual({ sent: 0, removed: 0 });
  });
});
