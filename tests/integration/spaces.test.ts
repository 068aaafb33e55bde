import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, freshReauth, leaveSpace, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('a space of my own', () => {
  it('exists from sign-up, with me alone in it', async () => {
    const p = await t.signUp('Iris');
    const res = await p.client.get('/api/v1/space');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      members: [{ id: p.id, name: 'Iris', you: true }],
      partner: null,
      openInvites: 0,
      notice: null,
    });
  });
});

describe('invites', () => {
  it('are single-use links of at least 128 random bits, shown once, valid for 7 days', async () => {
    const p = await t.signUp('June');
    const res = await p.client.post('/api/v1/space/invites');
    expect(res.status).toBe(201);
    expect(Buffer.from(res.body.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(res.body.url).toBe(`http://localhost:3000/join/${res.body.token}`);
    expect(new Date(res.body.expiresAt).getTime() - new Date(res.body.createdAt).getTime()).toBe(7 * 24 * 3600_000);
    const list = await p.client.get('/api/v1/space/invites');
    expect(list.body.invites).toEqual([{ id: res.body.id, createdAt: res.body.createdAt, expiresAt: res.body.expiresAt }]);
    expect(list.text).not.toContain(res.body.token);
    expect((await p.client.get('/api/v1/space')).body.openInvites).toBe(1);
  });

  it('shows who it is from to whoever holds the link, signed in or not', async () => {
    const p = await t.signUp('Kai');
    const invite = await p.client.post('/api/v1/space/invites');
    const preview = await t.client().get(`/api/v1/invites/${invite.body.token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ inviterName: 'Kai', expiresAt: invite.body.expiresAt });
    const bogus = await t.client().get(`/api/v1/invites/${'A'.repeat(43)}`);
    expect(bogus.status).toBe(404);
    expect(bogus.body.error.code).toBe('invite_invalid');
  });

  it('can be withdrawn, after which it no longer works', async () => {
    const p = await t.signUp('Lee');
    const q = await t.signUp('Mo');
    const invite = await p.client.post('/api/v1/space/invites');
    expect((await p.client.delete(`/api/v1/space/invites/${invite.body.id}`)).status).toBe(204);
    expect((await p.client.get('/api/v1/space/invites')).body.invites).toEqual([]);
    const accept = await q.client.post(`/api/v1/invites/${invite.body.token}/accept`);
    expect(accept.status).toBe(404);
  });

  it('expires after 7 days', async () => {
    const p = await t.signUp('Nia');
    const q = await t.signUp('Oak');
    const invite = await p.client.post('/api/v1/space/invites');
    t.clock.advance(7 * 24 * 3600_000 + 1000);
    expect((await q.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(404);
    expect((await t.client().get(`/api/v1/invites/${invite.body.token}`)).status).toBe(404);
  });

  it('cannot be accepted by the person who made it', async () => {
    const p = await t.signUp('Pat');
    const invite = await p.client.post('/api/v1/space/invites');
    const res = await p.client.post(`/api/v1/invites/${invite.body.token}/accept`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('own_invite');
  });
});

describe('joining', () => {
  it('puts two people in one space, each seeing the other by name', async () => {
    const { a, b } = await t.couple(['Rae', 'Sol']);
    const spaceA = await a.client.get('/api/v1/space');
    const spaceB = await b.client.get('/api/v1/space');
    expect(spaceA.body.id).toBe(spaceB.body.id);
    expect(spaceA.body.partner).toEqual({ id: b.id, name: 'Sol' });
    expect(spaceB.body.partner).toEqual({ id: a.id, name: 'Rae' });
    expect(spaceA.body.members).toHaveLength(2);
    // The partner's email is not part of the shared view.
    expect(spaceA.text).not.toContain(b.email);
  });

  it('holds two members, never more, and a used link cannot be used again', async () => {
    const a = await t.signUp('Tam');
    const invite1 = await a.client.post('/api/v1/space/invites');
    const invite2 = await a.client.post('/api/v1/space/invites');
    const b = await t.signUp('Uma');
    const c = await t.signUp('Vic');
    expect((await b.client.post(`/api/v1/invites/${invite1.body.token}/accept`)).status).toBe(200);
    expect((await c.client.post(`/api/v1/invites/${invite1.body.token}/accept`)).status).toBe(404);
    // Joining closed every other open link of the space.
    expect((await c.client.post(`/api/v1/invites/${invite2.body.token}/accept`)).status).toBe(404);
    expect((await a.client.post('/api/v1/space/invites')).status).toBe(409);
    expect((await c.client.get('/api/v1/space')).body.partner).toBeNull();
  });

  it('lets only one of two people racing for one link join', async () => {
    const a = await t.signUp('Wren');
    const invite = await a.client.post('/api/v1/space/invites');
    const racers = await Promise.all([t.signUp('Xan'), t.signUp('Yas'), t.signUp('Zed')]);
    const results = await Promise.all(racers.map((r) => r.client.post(`/api/v1/invites/${invite.body.token}/accept`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 404, 404]);
    expect((await a.client.get('/api/v1/space')).body.members).toHaveLength(2);
  });

  it('lets a person accepting two invites at once join only one space', async () => {
    const [x, y, joiner] = await Promise.all([t.signUp('Xia'), t.signUp('Yul'), t.signUp('Joy')]);
    const [ix, iy] = await Promise.all([x.client.post('/api/v1/space/invites'), y.client.post('/api/v1/space/invites')]);
    const results = await Promise.all([
      joiner.client.post(`/api/v1/invites/${ix.body.token}/accept`),
      joiner.client.post(`/api/v1/invites/${iy.body.token}/accept`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const partners = [(await x.client.get('/api/v1/space')).body.partner, (await y.client.get('/api/v1/space')).body.partner];
    expect(partners.filter(Boolean)).toHaveLength(1);
  });

  it('refuses someone who already shares a space', async () => {
    const { b } = await t.couple(['Ada', 'Ben']);
    const other = await t.signUp('Cy');
    const invite = await other.client.post('/api/v1/space/invites');
    const res = await b.client.post(`/api/v1/invites/${invite.body.token}/accept`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_shared');
  });
});

describe('leaving', () => {
  it('closes the space for both; the other sees only a neutral notice; both can invite again', async () => {
    const { a, b } = await t.couple(['Dee', 'Eve']);
    const shared = (await a.client.get('/api/v1/space')).body.id;
    await freshReauth(a);
    const left = await a.client.post('/api/v1/space/leave');
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ partner: null, notice: null, members: [{ id: a.id, you: true }] });
    expect(left.body.id).not.toBe(shared);

    const after = await b.client.get('/api/v1/space');
    expect(after.body.partner).toBeNull();
    expect(after.body.id).not.toBe(shared);
    expect(after.body.notice).toEqual({ id: expect.any(String), kind: 'partner-left', at: expect.any(String) });
    // Neutral: the notice does not name the person who left.
    expect(JSON.stringify(after.body.notice)).not.toContain('Dee');
    expect(after.text).not.toContain('Dee');

    expect((await b.client.delete(`/api/v1/space/notices/${after.body.notice.id}`)).status).toBe(204);
    expect((await b.client.get('/api/v1/space')).body.notice).toBeNull();

    expect((await a.client.post('/api/v1/space/invites')).status).toBe(201);
    expect((await b.client.post('/api/v1/space/invites')).status).toBe(201);
  });

  it('handles both partners leaving at the same moment', async () => {
    const { a, b } = await t.couple(['Ori', 'Pia']);
    await freshReauth(a);
    await freshReauth(b);
    const results = await Promise.all([a.client.post('/api/v1/space/leave'), b.client.post('/api/v1/space/leave')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await a.client.get('/api/v1/space')).body.partner).toBeNull();
    expect((await b.client.get('/api/v1/space')).body.partner).toBeNull();
  });

  it('answers 409 when there is no one to leave', async () => {
    const p = await t.signUp('Flo');
    const res = await p.client.post('/api/v1/space/leave');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_shared');
  });

  it('lets former partners share a space again through a new invite', async () => {
    const { a, b } = await t.couple(['Gus', 'Hal']);
    await leaveSpace(b);
    const invite = await b.client.post('/api/v1/space/invites');
    expect((await a.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(200);
    expect((await a.client.get('/api/v1/space')).body.partner).toEqual({ id: b.id, name: 'Hal' });
  });
});
