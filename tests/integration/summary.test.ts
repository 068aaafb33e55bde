import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY1, DAY2, DAY3, type Story, writeStory } from '../support/couple-story.js';
import { activeTherapist, consent } from '../support/couple-therapist.js';
import { createTestApp, type Person, type TestApp } from '../support/test-app.js';

// The printable summary (decision 023), through the API on both databases: the couple's summary for a
// period, each partner's own part (the shared words they include, and a note for the session), which
// appears only when that partner included it, and the therapist's summary, limited to what both
// partners included.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function summary(p: Person, query: { from?: string; to?: string } = { from: DAY1, to: DAY3 }) {
  const res = await p.client.call('summary.get', { query });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function mine(p: Person) {
  const res = await p.client.call('summary.mine');
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function choose(p: Person, notes: string[], note: string | null = null) {
  const res = await p.client.call('summary.mine.put', { body: { notes, note } });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const idOf = (m: Awaited<ReturnType<typeof mine>>, text: string) => {
  const found = m.candidates.find((c) => c.text === text || c.text.includes(text));
  if (!found) throw new Error(`no candidate holding ${text}`);
  return found.id;
};

describe('the couple’s summary', () => {
  let story: Story;
  beforeAll(async () => {
    story = await writeStory(t);
  });

  it('holds the agreements with their history and the figures for the period, the same for both partners', async () => {
    const forA = await summary(story.a);
    expect(forA).toMatchObject({ from: DAY1, to: DAY3, parts: [] });
    expect([...forA.names].sort()).toEqual(['Daniel', 'Maya']);
    expect(forA.agreements?.agreements).toEqual([
      expect.objectContaining({
        id: story.agreementId,
        needBy: 'Maya',
        wording: { text: story.shared.proposalB, by: 'Daniel' },
        history: [
          expect.objectContaining({ kind: 'proposal', by: 'Daniel' }),
          expect.objectContaining({ kind: 'accept', by: 'Maya' }),
        ],
      }),
    ]);
    // Counted by hand (day 3 at 09:00, nothing of day 3 due yet): Daniel's for Maya, day 1 done and
    // noticed, day 2 missed; Maya's for Daniel, day 1 done not noticed, day 2 done and noticed.
    const figures = forA.figures;
    expect(figures?.overall.figures).toEqual({ due: 4, done: 3, noticed: 2, followThrough: 0.75, feltRate: 0.5, gap: 0.25 });
    expect(figures?.byDoer.map((d) => [d.doer, d.figures.followThrough, d.figures.feltRate])).toEqual(
      expect.arrayContaining([
        ['Maya', 1, 0.5],
        ['Daniel', 0.5, 0.5],
      ]),
    );
    const overall = figures?.overall.series.map((s) => [s.id, s.points, s.verdict.verdict]);
    expect(overall).toEqual([
      ['overall:follow-through', [{ at: DAY1, value: 75 }], 'too-early'],
      ['overall:felt-rate', [{ at: DAY1, value: 50 }], 'too-early'],
    ]);
    expect(figures?.agreements).toEqual([
      expect.objectContaining({ agreementId: story.agreementId, figures: expect.objectContaining({ due: 2, done: 1 }) }),
    ]);
    // Nothing of either partner's private places, and the same page for both (but for who reads it).
    const text = JSON.stringify(forA);
    for (const canary of Object.values(story.canaries)) expect(text).not.toContain(canary);
    expect(await summary(story.b)).toEqual(forA);
  });

  it('offers each partner only their own words the other already sees', async () => {
    const m = await mine(story.a);
    expect(m).toMatchObject({ notes: [], note: null, hasPartner: true, updatedAt: null });
    const got = m.candidates.map((c) => [c.kind, c.text, c.date, c.included]);
    expect(got).toHaveLength(6);
    expect(got).toEqual(
      expect.arrayContaining([
        ['checkin-line', story.shared.lineA, DAY1, false],
        ['turn', story.shared.shareA, DAY1, false],
        ['takeaway', story.shared.takeawayA, DAY1, false],
        ['acknowledgement', expect.stringContaining(story.shared.ackDid), DAY1, false],
        ['understanding', story.shared.understandingA, DAY1, false],
        ['closeness-answer', story.shared.answerA, DAY2, false],
      ]),
    );
    expect(m.candidates[0]?.date).toBe(DAY2); // newest first
    expect(m.candidates.find((c) => c.kind === 'closeness-answer')?.about).toEqual(expect.any(String));
    const b = await mine(story.b);
    expect(b.candidates.map((c) => c.text).sort()).toEqual(
      [story.shared.reflectB, story.shared.takeawayB, story.shared.understandingB, story.shared.answerB].sort(),
    );
    const all = JSON.stringify([m, b]);
    for (const canary of Object.values(story.canaries)) expect(all).not.toContain(canary);
  });
});

describe('each partner’s part', () => {
  it('appears only once that partner includes it, and leaves when they take it out', async () => {
    const story = await writeStory(t, { names: ['Rosa Lind', 'Ezra Bell'] });
    const { a, b } = story;
    const m = await mine(a);
    const line = idOf(m, story.shared.lineA);
    const takeaway = idOf(m, story.shared.takeawayA);

    const saved = await choose(a, [line, takeaway], '  I would like to talk about weekends.  ');
    expect(saved.notes.sort()).toEqual([line, takeaway].sort());
    expect(saved.note).toBe('I would like to talk about weekends.');
    expect(
      saved.candidates
        .filter((c) => c.included)
        .map((c) => c.id)
        .sort(),
    ).toEqual([line, takeaway].sort());

    for (const reader of [a, b]) {
      const s = await summary(reader);
      expect(s.parts).toEqual([
        {
          by: 'Rosa',
          notes: expect.arrayContaining([
            expect.objectContaining({ id: line, kind: 'checkin-line', text: story.shared.lineA }),
            expect.objectContaining({ id: takeaway, kind: 'takeaway', text: story.shared.takeawayA }),
          ]),
          note: 'I would like to talk about weekends.',
        },
      ]);
      expect(s.parts[0]?.notes).toHaveLength(2);
    }
    // Ezra's words stay out until Ezra chooses: not even the ones Rosa can read.
    expect(JSON.stringify(await summary(a))).not.toContain(story.shared.reflectB);

    // Ezra includes only a note; Rosa takes everything out.
    await choose(b, [], 'A note from Ezra');
    let s = await summary(a);
    expect(s.parts.map((p) => [p.by, p.notes.length, p.note])).toEqual(
      expect.arrayContaining([
        ['Rosa', 2, 'I would like to talk about weekends.'],
        ['Ezra', 0, 'A note from Ezra'],
      ]),
    );
    expect(s.parts).toHaveLength(2);
    await choose(a, [], null);
    s = await summary(b);
    expect(s.parts.map((p) => p.by)).toEqual(['Ezra']);
    expect(JSON.stringify(s)).not.toContain(story.shared.lineA);
    expect(JSON.stringify(s)).not.toContain('weekends.');
    expect(await mine(a)).toMatchObject({ notes: [], note: null, updatedAt: expect.any(String) });

    // Sending the same choice again changes nothing; a replayed Idempotency-Key answers the same.
    const first = await a.client.call('summary.mine.put', { body: { notes: [line], note: null } }, { 'Idempotency-Key': 'k-1' });
    const again = await a.client.call('summary.mine.put', { body: { notes: [line], note: null } }, { 'Idempotency-Key': 'k-1' });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await choose(a, [line])).notes).toEqual([line]);
  });

  it('drops a chosen note once its words are no longer shared, and refuses what is not the chooser’s to include', async () => {
    const story = await writeStory(t, { names: ['Iris Gale', 'Noah Finch'] });
    const { a, b } = story;
    const line = idOf(await mine(a), story.shared.lineA);
    await choose(a, [line]);
    expect((await summary(b)).parts[0]?.notes.map((n) => n.id)).toEqual([line]);

    // The check-in is made private again (on its own day): it leaves the summary and the choices.
    t.clock.set(`${DAY1}T23:00:00.000Z`);
    const res = await a.client.call('checkins.put', {
      params: { date: DAY1 },
      body: { connected: 7, heard: 6, mood: 'hopeful', line: story.shared.lineA, visibility: 'private' },
    });
    expect(res.status, res.text).toBe(200);
    t.clock.set(`${DAY3}T09:00:00.000Z`);
    expect((await summary(b)).parts).toEqual([]);
    expect((await mine(a)).notes).toEqual([]);
    expect(JSON.stringify(await summary(b))).not.toContain(story.shared.lineA);

    // Not a candidate: an id made up, a private check-in of one's own, the partner's words.
    const partners = idOf(await mine(b), story.shared.reflectB);
    for (const id of ['checkin-line:00000000-0000-7000-8000-000000000000', `checkin-line:${story.checkinPrivateB}`]) {
      const refused = await b.client.call('summary.mine.put', { body: { notes: [partners, id], note: null } });
      expect(refused.status, refused.text).toBe(400);
      expect((refused.body as any).error.fields.map((f: any) => f.path)).toEqual(['notes.1']);
    }
    const byA = await a.client.call('summary.mine.put', { body: { notes: [partners], note: null } });
    expect(byA.status).toBe(400);
    expect((byA.body as any).error.fields.map((f: any) => f.path)).toEqual(['notes.0']);

    // The note: at most 2000 characters, sealed at rest.
    const long = await a.client.call('summary.mine.put', { body: { notes: [], note: 'x'.repeat(2001) } });
    expect(long.status).toBe(400);
    expect((long.body as any).error.fields.map((f: any) => f.path)).toEqual(['note']);
    const secret = `SessionNote${Date.now()}`;
    await choose(a, [], `${secret}${'y'.repeat(2000 - secret.length)}`);
    const rows = await t.deps.db.selectFrom('summary_choices').selectAll().where('user_id', '=', a.id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});

describe('periods', () => {
  it('default to the last 8 weeks, reach 52 weeks at most, and refuse backwards or impossible dates naming the field', async () => {
    const { a } = await t.couple(['Vera Stone', 'Leo Marsh']);
    t.clock.set('2026-12-06T12:00:00.000Z');
    expect(await summary(a, {})).toMatchObject({ from: '2026-10-12', to: '2026-12-06' });
    expect((await summary(a, { from: '2025-12-08', to: '2026-12-06' })).figures?.weeks).toBe(52);
    const field = async (query: { from?: string; to?: string }) => {
      const res = await a.client.call('summary.get', { query });
      expect(res.status, res.text).toBe(400);
      return (res.body as any).error.fields.map((f: any) => f.path);
    };
    expect(await field({ from: '2026-12-06', to: '2026-12-05' })).toEqual(['from']);
    expect(await field({ from: '2025-12-07', to: '2026-12-06' })).toEqual(['to']);
    expect(await field({ from: '2026-02-30' })).toEqual(['from']);
    expect(await field({ to: '2026-02-29' })).toEqual(['to']); // 2026 is not a leap year
  });

  it('works alone too: nothing shared to show, and a note of one’s own', async () => {
    const solo = await t.signUp('Wren Solo');
    const s = await summary(solo, {});
    expect(s).toMatchObject({ names: ['Wren'], agreements: { agreements: [] }, parts: [] });
    expect(await mine(solo)).toMatchObject({ candidates: [], hasPartner: false });
    await choose(solo, [], 'Thoughts for a first session');
    expect((await summary(solo, {})).parts).toEqual([{ by: 'Wren', notes: [], note: 'Thoughts for a first session' }]);
  });
});

describe('the therapist’s summary', () => {
  it('shows only the sections both included, and each partner’s part only as they chose it', async () => {
    const story = await writeStory(t, { names: ['Mira Cole', 'Sol Reyes'] });
    const { a, b } = story;
    // Both include the summary; only Mira includes figures; both include agreements.
    const access = await activeTherapist(t, a, b, ['summary', 'agreements', 'figures'], ['summary', 'agreements']);
    const read = async () => {
      const res = await access.therapist.client.call('therapists.view.summary', {
        params: { id: access.accessId },
        query: { from: DAY1, to: DAY3 },
      });
      expect(res.status, res.text).toBe(200);
      return res.body;
    };
    let s = await read();
    expect(s.figures).toBeNull();
    expect(s.agreements?.agreements.map((x) => x.id)).toEqual([story.agreementId]);
    expect(s.parts).toEqual([]);

    await consent(b, access.accessId, ['summary']);
    s = await read();
    expect(s.agreements).toBeNull();
    expect(s.figures).toBeNull();

    await consent(b, access.accessId, ['summary', 'agreements', 'figures']);
    expect((await read()).figures?.overall.figures).toMatchObject({ due: 4, done: 3 });

    // Sol includes an answer; then takes it out: the therapist sees it only in between.
    const answer = idOf(await mine(b), story.shared.answerB);
    await choose(b, [answer], null);
    s = await read();
    expect(s.parts).toEqual([
      { by: 'Sol', notes: [expect.objectContaining({ id: answer, text: story.shared.answerB })], note: null },
    ]);
    await choose(b, []);
    s = await read();
    expect(s.parts).toEqual([]);
    expect(JSON.stringify(s)).not.toContain(story.shared.answerB);
    for (const canary of Object.values(story.canaries)) expect(JSON.stringify(s)).not.toContain(canary);

    // The words views stay closed: the summary is not a way round them.
    const checkins = await access.therapist.client.call('therapists.view.checkins', { params: { id: access.accessId } });
    expect(checkins.status).toBe(404);
  });
});
