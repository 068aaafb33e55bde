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
    await seedDemo(t.app, t.clock);
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
      // Maya also recorded two talks held in person (private to her, counted for her).
      expect(list.body.finishedCount, name).toBe(name === 'maya' ? 3 : 1);
      const live = list.body.conversations.filter((c: { mode: string }) => c.mode === 'two-devices');
      expect(live, name).toHaveLength(1);
      const [talk] = live;
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

  it('holds six weeks of step 4: commitments, both sides of the log, check-ins and the private bids of Maya', async () => {
    const maya = t.client();
    const daniel = t.client();
    await maya.post('/api/v1/auth/login', { email: DEMO_PEOPLE.a.email, password: DEMO_PASSWORD });
    await daniel.post('/api/v1/auth/login', { email: DEMO_PEOPLE.b.email, password: DEMO_PASSWORD });
    const commitments = (await maya.get('/api/v1/commitments')).body.commitments;
    expect(commitments).toHaveLength(3);
    const today = (await maya.get('/api/v1/today')).body;
    const from = new Date(Date.parse(`${today.date}T00:00:00Z`) - 41 * 86_400_000).toISOString().slice(0, 10);
    const figures = (await maya.get(`/api/v1/figures?from=${from}&to=${today.date}`)).body;
    // Daniel's side (Maya's "partners") and Maya's own both have weeks of due, done and noticed occurrences.
    expect(figures.partners.due).toBeGreaterThan(40);
    expect(figures.partners.done).toBeGreaterThan(20);
    expect(figures.partners.noticed).toBeGreaterThan(10);
    expect(figures.partners.followThrough).toBeGreaterThan(0.4);
    expect(figures.partners.followThrough).toBeLessThan(1);
    expect(figures.mine.due).toBeGreaterThanOrEqual(5);
    // Check-ins on many days, some of Daniel's kept private.
    const mine = (await maya.get(`/api/v1/checkins?from=${from}&to=${today.date}`)).body.checkins;
    expect(mine.filter((c: { mine: boolean }) => c.mine).length).toBeGreaterThanOrEqual(40);
    const seenOfDaniel = mine.filter((c: { mine: boolean }) => !c.mine).length;
    expect(seenOfDaniel).toBeGreaterThan(15);
    expect(seenOfDaniel).toBeLessThan(40);
    // Bids are Maya's alone.
    const summary = (await maya.get('/api/v1/bids/summary?weeks=6')).body;
    expect(JSON.stringify(summary)).toMatch(/toward/);
    expect(
      (await daniel.get(`/api/v1/bids?from=${from}&to=${today.date}`)).body.bids.every(
        (b: { kind: string }) => b.kind === 'gesture',
      ),
    ).toBe(true);
  });

  it("meets the concern rule in Maya's private reflection, not in Daniel's, and both see charts with verdicts", async () => {
    const people = { maya: t.client(), daniel: t.client() };
    await people.maya.post('/api/v1/auth/login', { email: DEMO_PEOPLE.a.email, password: DEMO_PASSWORD });
    await people.daniel.post('/api/v1/auth/login', { email: DEMO_PEOPLE.b.email, password: DEMO_PASSWORD });
    const levels: Record<string, string> = {};
    for (const [name, client] of Object.entries(people)) {
      expect((await client.post('/api/v1/reflection/unlock', { password: DEMO_PASSWORD })).status, name).toBe(204);
      const working = await client.get('/api/v1/reflection/is-it-working');
      expect(working.status, working.text).toBe(200);
      levels[name] = working.body.signals.level;
      const progress = await client.get('/api/v1/progress?weeks=12');
      expect(progress.status, progress.text).toBe(200);
      expect(progress.body.series.length, name).toBeGreaterThanOrEqual(3);
      for (const series of progress.body.series) {
        expect(['too-early', 'improving', 'steady', 'declining']).toContain(series.verdict.verdict);
      }
      const pulse = progress.body.series.find((x: { id: string }) => x.id === 'pulse');
      expect(pulse?.points.length, name).toBeGreaterThanOrEqual(8);
    }
    expect(levels).toEqual({ maya: 'concern', daniel: expect.not.stringMatching(/^concern$/) });
  });
});
