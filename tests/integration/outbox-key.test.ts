import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The key that seals writes waiting offline on a device (decision 026): one per person, the same on
// every session of theirs (and after signing out and in again, so what waited is still opened),
// given only to a signed-in session of that person, and never kept by a cache.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/auth/outbox-key', () => {
  it('gives every session of one person the same 32-byte key, another person another key, and nobody signed out any', async () => {
    const p = await t.signUp('Noor');
    const first = await p.client.call('auth.outboxKey');
    expect(first.status, first.text).toBe(200);
    expect(Buffer.from(first.body.key, 'base64url')).toHaveLength(32);
    expect(first.headers.get('cache-control')).toBe('no-store');

    // A second browser of the same person.
    const phone = t.client('phone');
    expect((await phone.call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(200);
    const second = await phone.call('auth.outboxKey');
    expect(second.status).toBe(200);
    expect(second.body.key).toBe(first.body.key);

    // Signing out and in again: what was sealed before is still opened with the key given now.
    expect((await phone.call('auth.logout')).status).toBe(204);
    expect((await phone.call('auth.outboxKey')).status).toBe(401);
    expect((await phone.call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(200);
    expect((await phone.call('auth.outboxKey')).body.key).toBe(first.body.key);

    const other = await t.signUp('Ravi');
    const theirs = await other.client.call('auth.outboxKey');
    expect(theirs.status).toBe(200);
    expect(theirs.body.key).not.toBe(first.body.key);

    const signedOut = await t.client('stranger').call('auth.outboxKey');
    expect(signedOut.status).toBe(401);
    expect(signedOut.text).not.toContain(first.body.key);
  });

  it('a partner in the same space gets their own key, never the other partner’s', async () => {
    const { a, b } = await t.couple(['Ilse', 'Tomas']);
    const keyA = (await a.client.call('auth.outboxKey')).body.key;
    const keyB = (await b.client.call('auth.outboxKey')).body.key;
    expect(keyA).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keyB).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keyA).not.toBe(keyB);
  });
});
