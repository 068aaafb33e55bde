import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The first screen asks whether this browser is signed in without meeting a 401 (which a browser logs
// as an error); /me itself still answers a visitor 401.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/auth/session', () => {
  it('answers 200 with signedIn false for a visitor and true once signed in, while /me still answers a visitor 401', async () => {
    const visitor = t.client('visitor');
    const probe = await visitor.call('auth.session');
    expect(probe.status, probe.text).toBe(200);
    expect(probe.body).toEqual({ signedIn: false });
    expect((await visitor.call('auth.me')).status).toBe(401);

    const p = await t.signUp('Noor');
    const signedIn = await p.client.call('auth.session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({ signedIn: true });

    expect((await p.client.call('auth.logout')).status).toBe(204);
    expect((await p.client.call('auth.session')).body).toEqual({ signedIn: false });
  });
});
