import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../../src/cli/demo-seed.js';
import { DEMO_THERAPIST } from '../../src/cli/demo-therapist.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
// Seeding nine weeks through the API is the precondition of every test here, not a test of its own:
// it runs once, with a generous cap (it ends when the seed is done, well before on an idle machine).
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.app, t.clock);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('demo seed', () => {
  it('creates two partners who can sign in and see each other', async () => {
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
    // Three from Talk and Needs; Daniel's ritual (step 7) is checked below.
    expect(commitments.filter((c: { ritualId: string | null }) => c.ritualId === null)).toHaveLength(3);
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

  it('tells one story: Maya\'s "Is it working?" and her charts agree, and it says what it counted and why not the rest', async () => {
    const { maya, daniel } = await signInBoth();
    const verdicts = async (client: ReturnType<typeof t.client>) => {
      const progress = (await client.get('/api/v1/progress?weeks=12')).body;
      return Object.fromEntries(
        progress.series.map((s: { id: string; kind: string; verdict: { verdict: string } }) => [
          s.kind === 'felt-rate' || s.kind === 'follow-through' ? s.kind : s.id,
          s.verdict.verdict,
        ]),
      ) as Record<string, string>;
    };
    const working = async (client: ReturnType<typeof t.client>) => {
      expect((await client.post('/api/v1/reflection/unlock', { password: DEMO_PASSWORD })).status).toBe(204);
      return (await client.get('/api/v1/reflection/is-it-working')).body;
    };

    // Maya: her needs keep going unmet, and nothing on her charts says otherwise.
    const mayas = await working(maya);
    const mayaCharts = await verdicts(maya);
    expect(mayas.signals.level).toBe('concern');
    for (const chart of ['connected', 'heard', 'pulse', 'felt-rate']) {
      expect(mayaCharts[chart], chart).toBeDefined();
      expect(mayaCharts[chart], chart).not.toBe('improving');
    }
    // What was counted, by name, and what was not, with the reason: the door (outside an agreement)
    // and Daniel's ritual. The door helped her a lot on many evenings; it is shown, not hidden.
    expect(mayas.facts.lastFourWeeks.counted).toEqual(['Ask about your day at dinner, phone in the other room']);
    expect(mayas.facts.lastFourWeeks.leftOut).toEqual(
      expect.arrayContaining([
        { what: 'Tell you at the door how I am, even when it is only "tired"', why: 'outside-agreement' },
        expect.objectContaining({ why: 'ritual' }),
      ]),
    );

    // Daniel: not a concern, and his own charts lean the same way.
    const daniels = await working(daniel);
    const danielCharts = await verdicts(daniel);
    expect(daniels.signals.level).not.toBe('concern');
    expect(danielCharts.connected).toBe('improving');
    expect(danielCharts.heard).toBe('improving');
  });

  it("groups each centre by kind, and what was answered is read: Maya's shared check-ins are one entry for Daniel", async () => {
    const { maya, daniel } = await signInBoth();
    for (const [name, client] of Object.entries({ maya, daniel })) {
      const centre = (await client.get('/api/v1/notifications')).body;
      const kinds = centre.notifications
        .filter((n: { kind: string }) => !n.kind.startsWith('account.'))
        .map((n: { kind: string; readAt: string | null }) => `${n.kind}|${n.readAt === null}`);
      // At most one new and one read entry of each kind (a sign-in to the account is always its own).
      expect(new Set(kinds).size, name).toBe(kinds.length);
      expect(
        centre.notifications.filter(
          (n: { kind: string; readAt: string | null }) => !n.kind.startsWith('account.') && n.readAt === null,
        ).length,
        name,
      ).toBeLessThanOrEqual(5);
      // Needs were all answered: none says it is waiting.
      expect(
        centre.notifications.filter(
          (n: { kind: string; readAt: string | null }) => n.kind === 'need.waiting' && n.readAt === null,
        ),
        name,
      ).toEqual([]);
    }
    const centre = (await daniel.get('/api/v1/notifications')).body;
    const shared = centre.notifications.filter((n: { kind: string }) => n.kind === 'checkin.shared');
    // Daniel answered some of Maya's shared check-ins (read), and the rest wait as one entry with the count.
    expect(shared.map((n: { readAt: string | null }) => n.readAt === null).sort()).toEqual([false, true]);
    expect(shared.find((n: { readAt: string | null }) => n.readAt === null).count).toBeGreaterThan(20);
    expect(shared.find((n: { readAt: string | null }) => n.readAt !== null).count).toBeGreaterThan(5);
  });

  it('holds questions of the day over the weeks: revealed pairs with reactions and replies, and answers only one wrote', async () => {
    const { maya, daniel } = await signInBoth();
    const overview = (await maya.get('/api/v1/closeness')).body;
    expect(overview.hasPartner).toBe(true);
    expect(overview.theme).toBe('memories');
    const earlier: Summary[] = overview.earlier;
    expect(earlier.length).toBeGreaterThanOrEqual(18);
    const revealed = earlier.filter((d) => d.revealed);
    expect(revealed.length).toBeGreaterThanOrEqual(12);
    expect(overview.revealedCount).toBe(revealed.length);
    // Answered by Maya alone (one set aside by Daniel): Daniel sees no trace of her answers.
    const mayaOnly = earlier.filter((d) => d.answeredByMe && !d.revealed);
    expect(mayaOnly.length).toBeGreaterThanOrEqual(3);
    for (const d of mayaOnly) {
      const seen = (await daniel.get(`/api/v1/closeness/questions/${d.question.id}`)).body;
      expect(seen, d.question.id).toMatchObject({ partner: null, revealed: false });
      expect(JSON.stringify(seen)).not.toContain('"answeredAt"');
    }
    // And one answered by Daniel alone.
    const danielsEarlier: Summary[] = (await daniel.get('/api/v1/closeness')).body.earlier;
    expect(danielsEarlier.filter((d) => d.answeredByMe && !d.revealed)).toHaveLength(1);
    // Revealed pairs carry reactions and replies, and one answer was edited after the reveal.
    const pairs = await Promise.all(
      revealed.map(async (d) => (await maya.get(`/api/v1/closeness/questions/${d.question.id}`)).body),
    );
    expect(pairs.every((p) => p.mine && p.partner)).toBe(true);
    expect(pairs.some((p) => p.partnerResponse?.reaction && p.partnerResponse?.reply)).toBe(true);
    expect(pairs.some((p) => p.myResponse?.reaction && p.myResponse?.reply)).toBe(true);
    expect(pairs.some((p) => p.partner.editedAt !== null)).toBe(true);
    // Today's question waits, so home offers it.
    expect((await maya.get('/api/v1/today')).body.closeness).toMatchObject({ answered: false });
  });

  it("holds Daniel's ritual as a commitment for Maya, with weeks of his marks and her acknowledgements", async () => {
    const { maya, daniel } = await signInBoth();
    const mine = (await daniel.get('/api/v1/rituals')).body.rituals.filter((r: { mine: unknown }) => r.mine !== null);
    expect(mine).toHaveLength(1);
    expect(mine[0].mine).toMatchObject({ state: 'active', schedule: { kind: 'daily', by: null } });
    const commitmentId = mine[0].mine.commitmentId;
    const forMaya = (await maya.get('/api/v1/commitments')).body.commitments.find((c: { id: string }) => c.id === commitmentId);
    expect(forMaya).toMatchObject({ actorIsMe: false, ritualId: mine[0].id });
    const today = (await maya.get('/api/v1/today')).body.date;
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 50 * 86_400_000).toISOString().slice(0, 10);
    const log = (await maya.get(`/api/v1/commitments/${commitmentId}/occurrences?from=${from}&to=${today}`)).body.occurrences;
    const marked = log.filter((o: { mark: unknown }) => o.mark !== null);
    expect(marked.filter((o: { mark: { status: string } }) => o.mark.status === 'done').length).toBeGreaterThan(20);
    expect(marked.some((o: { mark: { status: string } }) => o.mark.status === 'missed')).toBe(true);
    expect(log.filter((o: { ack: { noticed: boolean } | null }) => o.ack?.noticed).length).toBeGreaterThan(10);
  });

  it("keeps Maya's journal hers alone: Daniel's For me is empty", async () => {
    const { maya, daniel } = await signInBoth();
    const entries = (await maya.get('/api/v1/journal')).body.entries;
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries.some((e: { promptId: string | null }) => e.promptId !== null)).toBe(true);
    expect(entries.every((e: { mood: string | null; tags: string[] }) => e.mood !== null && e.tags.length > 0)).toBe(true);
    expect((await daniel.get('/api/v1/journal')).body).toMatchObject({ entries: [], more: false });
  });

  it('holds a therapist both consented to, who sees only what both included, with a short log both partners read', async () => {
    const { maya, daniel } = await signInBoth();
    const helen = t.client();
    expect((await helen.post('/api/v1/auth/login', { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD })).status).toBe(200);
    expect((await helen.get('/api/v1/me')).body.role).toBe('therapist');
    const { couples, waiting } = (await helen.get('/api/v1/therapist/couples')).body;
    expect(waiting).toBe(0);
    expect(couples).toEqual([
      expect.objectContaining({ names: ['Maya', 'Daniel'], views: ['agreements', 'commitments', 'figures', 'summary'] }),
    ]);
    // Maya also included their shared check-ins; Daniel did not, so Helen cannot open them.
    expect((await helen.get(`/api/v1/therapist/couples/${couples[0].id}/checkins`)).status).toBe(404);
    for (const client of [maya, daniel]) {
      const [access] = (await client.get('/api/v1/space/therapists')).body.accesses;
      expect(access).toMatchObject({ state: 'active', therapistName: DEMO_THERAPIST.name });
      expect(access.log.map((e: { view: string }) => e.view)).toEqual(
        expect.arrayContaining(['summary', 'commitments', 'figures', 'agreements']),
      );
    }
  });

  it("holds each partner's part of the summary: chosen shared words and a note for the session", async () => {
    const { maya } = await signInBoth();
    const summary = (await maya.get('/api/v1/summary')).body;
    expect([...summary.names].sort()).toEqual(['Daniel', 'Maya']);
    expect(summary.agreements.agreements).toHaveLength(2);
    const parts = Object.fromEntries(summary.parts.map((p: { by: string }) => [p.by, p]));
    expect(parts.Maya.note).toMatch(/box being ticked/);
    expect(parts.Maya.notes.length).toBeGreaterThanOrEqual(2);
    expect(parts.Daniel.note).toMatch(/feel real/);
    expect(parts.Daniel.notes.map((n: { kind: string }) => n.kind)).toEqual(['acknowledgement']);
  });
});

interface Summary {
  question: { id: string };
  answeredByMe: boolean;
  revealed: boolean;
}

async function signInBoth() {
  const people = { maya: t.client(), daniel: t.client() };
  await people.maya.post('/api/v1/auth/login', { email: DEMO_PEOPLE.a.email, password: DEMO_PASSWORD });
  await people.daniel.post('/api/v1/auth/login', { email: DEMO_PEOPLE.b.email, password: DEMO_PASSWORD });
  return people;
}
