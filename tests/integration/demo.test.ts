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

  it('holds one finished conversation with an acknowledgement both can see, and a draft only Maya can', async () => {
    const people = { maya: t.client(), daniel: t.client() };
    await people.maya.post('/api/v1/auth/login', { email: DEMO_PEOPLE.a.email, password: DEMO_PASSWORD });
    await people.daniel.post('/api/v1/auth/login', { email: DEMO_PEOPLE.b.email, password: DEMO_PASSWORD });
    for (const [name, client] of Object.entries(people)) {
      const list = await client.get('/api/v1/conversations');
      expect(list.status, name).toBe(200);
      expect(list.body.finishedCount, name).toBe(1);
      expect(list.body.conversations, name).toHaveLength(1);
      const [talk] = list.body.conversations;
      expect(talk, name).toMatchObject({ mode: 'two-devices', phase: 'ended', rounds: 2, startedByMe: name === 'maya' });
      const view = await client.get(`/api/v1/conversations/${talk.id}`);
      expect(view.body, name).toMatchObject({ myTakeaway: true, partnerTakeaway: true });
      expect(
        view.body.turns.map((x: { kind: string }) => x.kind),
        name,
      ).toEqual(['share', 'reflect', 'confirm', 'share', 'reflect', 'confirm', 'takeaway', 'takeaway']);
      const acks = await client.get(`/api/v1/conversations/${talk.id}/acknowledgements`);
      expect(acks.body, name).toMatchObject({
        open: true,
        acknowledgements: [{ byMe: name === 'daniel', reply: { byMe: name === 'maya', felt: 'true' } }],
      });
    }
    expect((await people.maya.get('/api/v1/drafts')).body.drafts).toHaveLength(1);
    expect((await people.daniel.get('/api/v1/drafts')).body.drafts).toEqual([]);
  });
});
