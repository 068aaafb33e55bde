import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../../src/cli/demo-seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('demo seed', () => {
  it('creates two partners who can sign in and see each other', async () => {
    await seedDemo(t.app);
    const maya = t.client();
    expect((await maya.post('/api/v1/auth/login', { email: DEMO_PEOPLE.a.email, password: DEMO_PASSWORD })).status).toBe(200);
    expect((await maya.get('/api/v1/space')).body.partner.name).toBe('Daniel');
  });
});
