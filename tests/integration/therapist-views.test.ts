import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contracts, contracts, type RouteId } from '../../src/contracts.js';
import { DEFAULT_THERAPIST_VIEWS, THERAPIST_VIEWS, type TherapistView } from '../../src/domain/therapist-access.js';
import { DAY1, DAY2, DAY3, type Story, writeStory } from '../support/couple-story.js';
import { activeTherapist, consent, type TherapistAccess } from '../support/couple-therapist.js';
import { createTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

// The therapist's read-only views (decision 023), through the API on both databases: each view shows
// exactly the couple's shared things, attributed by first name; a canary word written into every
// private place never reaches any answer a therapist can get; a view not included by both partners
// answers exactly like a couple that does not exist; every view opened is logged for the partners.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type ViewId = `therapists.view.${TherapistView}`;
const viewId = (view: TherapistView) => `therapists.view.${view}` as ViewId;

async function view<V extends TherapistView>(
  access: TherapistAccess,
  v: V,
  query?: Record<string, string>,
): Promise<TestResponse<any>> {
  const input = { params: { id: access.accessId }, ...(query ? { query } : {}) };
  return access.therapist.client.call(viewId(v) as RouteId, input as never);
}

async function seen<V extends TherapistView>(access: TherapistAccess, v: V, query?: Record<string, string>) {
  const res = await view(access, v, query);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** The answer for a couple that does not exist: every refusal must be byte-identical to it. */
async function missing(access: TherapistAccess, v: TherapistView = 'agreements'): Promise<string> {
  const res = await view({ ...access, accessId: randomUUID() }, v);
  expect(res.status).toBe(404);
  return res.text;
}

describe('each view', () => {
  let story: Story;
  let access: TherapistAccess;
  beforeAll(async () => {
    story = await writeStory(t);
    access = await activeTherapist(t, story.a, story.b, THERAPIST_VIEWS);
  });

  it('agreements: the agreement with its negotiation, by first name', async () => {
    const body = await seen(access, 'agreements');
    expect(body.names).toEqual(['Maya', 'Daniel']);
    expect(body.agreements).toEqual([
      {
        id: story.agreementId,
        needBy: 'Maya',
        need: story.shared.needA,
        needEdited: false,
        agreedAt: `${DAY1}T09:02:00.000Z`,
        wording: { text: story.shared.proposalB, by: 'Daniel' },
        history: [
          { kind: 'proposal', by: 'Daniel', text: story.shared.proposalB, at: `${DAY1}T09:01:00.000Z` },
          { kind: 'accept', by: 'Maya', text: null, at: `${DAY1}T09:02:00.000Z` },
        ],
      },
    ]);
    expect(body.truncated).toBe(false);
  });

  it('commitments: both partners’ as the one who acts, with both sides of the log', async () => {
    const body = await seen(access, 'commitments', { from: DAY1, to: DAY3 });
    expect(body).toMatchObject({ from: DAY1, to: DAY3 });
    const byB = body.commitments.find((c: any) => c.id === story.commitmentB);
    const byA = body.commitments.find((c: any) => c.id === story.commitmentA);
    expect(byB).toMatchObject({ doer: 'Daniel', for: 'Maya', agreementId: story.agreementId, what: story.shared.whatB });
    expect(byA).toMatchObject({ doer: 'Maya', for: 'Daniel', agreementId: null, what: story.shared.whatA });
    // Day 3 at 09:00: b's day 3 (by 21:00) is not due yet; a's day 3 (by 13:00) neither.
    expect(byB.log).toEqual([
      expect.objectContaining({
        localDate: DAY1,
        counted: true,
        mark: expect.objectContaining({ status: 'done', note: story.shared.markNoteB }),
        ack: expect.objectContaining({ noticed: true, helped: 3 }),
      }),
      expect.objectContaining({ localDate: DAY2, counted: true, mark: expect.objectContaining({ status: 'missed' }), ack: null }),
    ]);
    expect(byB.figures).toEqual({ due: 2, done: 1, noticed: 1, followThrough: 0.5, feltRate: 0.5, gap: 0 });
    expect(byA.figures).toEqual({ due: 2, done: 2, noticed: 1, followThrough: 1, feltRate: 0.5, gap: 0.5 });
  });

  it('figures: overall, per partner and per agreement, with weekly series and verdicts in words', async () => {
    const body = await seen(access, 'figures', { from: DAY1, to: DAY3 });
    expect(body).toMatchObject({ names: ['Maya', 'Daniel'], from: DAY1, to: DAY3, weeks: 1 });
    expect(body.overall.figures).toMatchObject({ due: 4, done: 3, noticed: 2 });
    expect(body.byDoer.map((d: any) => [d.doer, d.figures.done, d.figures.due])).toEqual([
      ['Maya', 2, 2],
      ['Daniel', 1, 2],
    ]);
    expect(body.agreements).toEqual([expect.objectContaining({ agreementId: story.agreementId, about: story.shared.proposalB })]);
    const follow = body.agreements[0].series.find((s: any) => s.kind === 'follow-through');
    expect(follow.points).toEqual([{ at: DAY1, value: 50 }]);
    expect(follow.verdict).toMatchObject({ verdict: 'too-early', n: 1 });
    expect(follow.text).toContain('week of 2026-11-16: 50');
    expect(follow.text).toContain('Too early to tell');
  });

  it('check-ins: only the shared one, with its reply', async () => {
    const body = await seen(access, 'checkins', { from: DAY1, to: DAY3 });
    expect(body.checkins).toEqual([
      {
        id: story.checkinA,
        by: 'Maya',
        date: DAY1,
        connected: 7,
        heard: 6,
        mood: 'hopeful',
        line: story.shared.lineA,
        replies: [{ by: 'Daniel', kind: 'note', reaction: null, text: story.shared.replyB, at: `${DAY1}T09:05:00.000Z` }],
      },
    ]);
    expect(body.scale).toEqual({ min: 0, max: 10 });
  });

  it('conversations: the one held together, with turns, takeaways and the acknowledgement; no draft, no record kept alone', async () => {
    const body = await seen(access, 'conversations');
    expect(body.conversations).toHaveLength(1);
    const [c] = body.conversations;
    expect(c).toMatchObject({ id: story.conversationId, mode: 'two-devices', phase: 'ended', startedBy: 'Maya', rounds: 1 });
    expect(c.turns.map((x: any) => [x.kind, x.by, x.text])).toEqual([
      ['share', 'Maya', story.shared.shareA],
      ['reflect', 'Daniel', story.shared.reflectB],
      ['confirm', 'Maya', null],
      ['takeaway', 'Maya', story.shared.takeawayA],
      ['takeaway', 'Daniel', story.shared.takeawayB],
    ]);
    expect(c.acknowledgements).toEqual([
      {
        by: 'Maya',
        did: story.shared.ackDid,
        effect: story.shared.ackEffect,
        change: story.shared.ackChange,
        at: `${DAY1}T09:05:00.000Z`,
        reply: { by: 'Daniel', felt: 'partly', missing: story.shared.ackMissing, at: `${DAY1}T09:05:00.000Z` },
      },
    ]);
  });

  it('causes: both revealed sets, the comparison and the shared understanding', async () => {
    const body = await seen(access, 'causes');
    expect(body.bothRevealed).toBe(true);
    expect(body.partners.map((p: any) => [p.by, p.understanding])).toEqual([
      ['Maya', story.shared.understandingA],
      ['Daniel', story.shared.understandingB],
    ]);
    expect(body.partners[0].marks.causes).toEqual([
      { id: 'outside-stress', label: 'Stress from outside the relationship', note: story.shared.causeNoteA },
      { id: 'unvoiced-feelings', label: 'Feelings that were never voiced', note: null },
    ]);
    expect(body.comparison).toEqual({
      both: ['Stress from outside the relationship'],
      onlyOne: [
        { by: 'Maya', causes: ['Feelings that were never voiced'] },
        { by: 'Daniel', causes: ['Patterns we fall into'] },
      ],
    });
  });

  it('pulse: only the score shared, never the answers or a score kept private', async () => {
    const body = await seen(access, 'pulse', { from: DAY1, to: DAY3 });
    expect(body.series.map((s: any) => [s.by, s.points])).toEqual([
      ['Maya', [{ at: DAY1, value: expect.any(Number) }]],
      ['Daniel', []],
    ]);
    expect(JSON.stringify(body)).not.toContain('answers');
  });

  it('closeness: the revealed pair with its response; never a held or an unrevealed answer', async () => {
    const body = await seen(access, 'closeness');
    expect(body.pairs).toEqual([
      expect.objectContaining({
        day: DAY2,
        answers: [
          expect.objectContaining({ by: 'Maya', text: story.shared.answerA }),
          expect.objectContaining({ by: 'Daniel', text: story.shared.answerB }),
        ],
        responses: [{ by: 'Maya', reaction: 'moved', reply: story.shared.closeReplyA, talkMore: false }],
      }),
    ]);
  });

  it('summary: agreements and figures (both included them) and no part until a partner chooses one', async () => {
    const body = await seen(access, 'summary', { from: DAY1, to: DAY3 });
    expect(body.names).toEqual(['Maya', 'Daniel']);
    expect(body.agreements.agreements.map((a: any) => a.id)).toEqual([story.agreementId]);
    expect(body.figures.overall.figures).toMatchObject({ due: 4, done: 3 });
    expect(body.parts).toEqual([]);
  });

  it('are refused to a partner (403) and a partner’s routes to a therapist (403), before anything is looked up', async () => {
    const asPartner = await story.a.client.call('therapists.view.agreements', { params: { id: access.accessId } });
    expect(asPartner.status).toBe(403);
    expect((asPartner.body as any).error.code).toBe('therapists_only');
    const asTherapist = await access.therapist.client.call('summary.get');
    expect(asTherapist.status).toBe(403);
    expect((asTherapist.body as any).error.code).toBe('partners_only');
  });
});

describe('a canary in every private place', () => {
  it('never reaches anything a therapist can ask for, and private writes change none of it', async () => {
    const story = await writeStory(t, { bReveals: false });
    const access = await activeTherapist(t, story.a, story.b, THERAPIST_VIEWS);
    const canaries = Object.values(story.canaries);
    expect(canaries.length).toBeGreaterThanOrEqual(11);

    // Every GET a therapist's account may call, whatever the route: views, couples, profile, sessions,
    // the live stream (read below), public ones. A new route a therapist can call joins this by itself.
    const callable = contracts.filter((c) => c.method === 'GET' && c.access !== 'signed-in' && !('stream' in c.success));
    const params: Record<string, string> = { id: access.accessId };
    const answers = async () => {
      const out: Record<string, string> = {};
      for (const c of callable) {
        const names = [...c.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
        if (names.some((n) => !(n in params))) continue; // token routes: a therapist holds no such token here
        const input = names.length ? { params: Object.fromEntries(names.map((n) => [n, params[n]])) } : {};
        const res = await access.therapist.client.call(c.id as RouteId, input as never);
        out[c.id] = `${res.status} ${res.text}`;
      }
      return out;
    };
    const stream = await access.therapist.client.stream('/api/v1/events');
    expect(stream.status).toBe(200);
    const before = await answers();
    for (const v of THERAPIST_VIEWS) expect(before[viewId(v)], v).toMatch(/^200 /);
    expect(before['therapists.couples']).toMatch(/^200 /);

    // More private writes after the first answers: none may change any of them.
    const { a, b } = story;
    await a.client.call('drafts.create', { body: { text: 'CANARY-late-draft' } });
    await b.client.call('bids.create', { body: { kind: 'gesture', text: 'CANARY-late-gesture' } });
    await a.client.call('journal.create', { body: { text: 'CANARY-late-journal' } });
    await a.client.call('safety.put', { body: { answers: { afraid: 'yes' } } } as never);
    await a.client.call('closeness.skip');
    await b.client.call('reflection.unlock', { body: { password: b.password } } as never);
    await b.client.call('reflection.isItWorking');
    const after = await answers();
    const events = await stream.drain(300);
    stream.close();
    const lateCanaries = ['CANARY-late-draft', 'CANARY-late-gesture', 'CANARY-late-journal'];

    for (const [id, text] of Object.entries(after)) {
      for (const canary of [...canaries, ...lateCanaries]) expect(text, `${id} must not hold ${canary}`).not.toContain(canary);
      expect(text, `${id} changed after private writes only`).toBe(before[id]);
    }
    const streamed = JSON.stringify(events);
    for (const canary of [...canaries, ...lateCanaries]) expect(streamed).not.toContain(canary);
    expect(events.filter((e) => e.event !== undefined && e.event !== 'ready')).toEqual([]);

    // And the words really were written: each partner reads their own.
    expect((await a.client.call('drafts.list')).text).toContain('CANARY-late-draft');
    expect((await b.client.call('checkins.get', { params: { id: story.checkinPrivateB } })).text).toContain(
      story.canaries.checkinPrivateB,
    );
  });
});

describe('a view not included by both partners', () => {
  it('answers 404 exactly like a couple that does not exist, and records nothing', async () => {
    const { a, b } = await t.couple(['Ines Park', 'Theo Lind']);
    // a includes everything; b only the defaults: the word views are closed.
    const access = await activeTherapist(t, a, b, THERAPIST_VIEWS, DEFAULT_THERAPIST_VIEWS);
    const body404 = await missing(access);
    for (const v of THERAPIST_VIEWS) {
      const res = await view(access, v);
      if (DEFAULT_THERAPIST_VIEWS.includes(v)) expect(res.status, `${v}: ${res.text}`).toBe(200);
      else {
        expect(res.status, v).toBe(404);
        expect(res.text, v).toBe(body404);
      }
    }
    const log = (await a.client.call('therapists.list')).body.accesses[0]?.log.map((e: any) => e.view);
    expect([...(log ?? [])].sort()).toEqual([...DEFAULT_THERAPIST_VIEWS].sort());

    // Each partner narrowing to what the other did not include closes a view for good.
    await consent(b, access.accessId, ['agreements']);
    expect((await view(access, 'figures')).text).toBe(body404);
    expect((await view(access, 'agreements')).status).toBe(200);

    // Another therapist's access to the same couple, a revoked one: the same 404.
    const other = await activeTherapist(t, a, b, THERAPIST_VIEWS);
    const borrowed = await view({ therapist: other.therapist, accessId: access.accessId }, 'agreements');
    expect(borrowed.text).toBe(body404);
    await a.client.call('therapists.revoke', { params: { id: access.accessId } });
    expect((await view(access, 'agreements')).text).toBe(body404);
  });
});

describe('figures without the agreements', () => {
  it('name each agreement by its place, never by words the partners did not both include', async () => {
    const story = await writeStory(t, { names: ['Kit Ames', 'Jo Vale'] });
    const access = await activeTherapist(t, story.a, story.b, ['figures'], ['figures', 'agreements']);
    const body = await seen(access, 'figures', { from: DAY1, to: DAY3 });
    expect(body.agreements.map((a: any) => [a.agreementId, a.about])).toEqual([[story.agreementId, 'Agreement 1']]);
    expect(body.agreements[0].series.map((s: any) => s.title)).toEqual(['Done as promised: Agreement 1', 'Noticed: Agreement 1']);
    const text = JSON.stringify(body);
    for (const words of [story.shared.needA, story.shared.proposalB]) expect(text).not.toContain(words);
    expect(text).not.toContain(story.shared.whatA); // commitments' words are their own view
    const summary = await view(access, 'summary');
    expect(summary.status).toBe(404); // nobody included the summary
  });
});

describe('the access log', () => {
  it('records each view opened (which view and when, no content), newest first, for both partners', async () => {
    const { a, b } = await t.couple(['Lena Holm', 'Omar Aziz']);
    const access = await activeTherapist(t, a, b, THERAPIST_VIEWS);
    t.clock.set('2026-12-01T10:00:00.000Z');
    await seen(access, 'agreements');
    t.clock.set('2026-12-01T10:05:00.000Z');
    await seen(access, 'checkins');
    t.clock.set('2026-12-01T10:06:00.000Z');
    await seen(access, 'summary');
    // A refused period is refused before the access is opened: nothing recorded.
    const refused = await view(access, 'figures', { from: '2026-12-02', to: '2026-12-01' });
    expect(refused.status).toBe(400);
    for (const p of [a, b]) {
      const entry = (await p.client.call('therapists.list')).body.accesses.find((x: any) => x.id === access.accessId);
      expect(entry?.log).toEqual([
        { view: 'summary', at: '2026-12-01T10:06:00.000Z' },
        { view: 'checkins', at: '2026-12-01T10:05:00.000Z' },
        { view: 'agreements', at: '2026-12-01T10:00:00.000Z' },
      ]);
    }
  });
});

describe('periods', () => {
  it('are bounded: a start after the end, too long a span, or an impossible date answers 400 naming the field', async () => {
    const { a, b } = await t.couple(['Ada Moss', 'Ben Lake']);
    const access = await activeTherapist(t, a, b, THERAPIST_VIEWS);
    t.clock.set('2026-12-06T12:00:00.000Z');
    const field = async (v: TherapistView, query: Record<string, string>) => {
      const res = await view(access, v, query);
      expect(res.status, res.text).toBe(400);
      return res.body.error.fields.map((f: any) => f.path);
    };
    for (const v of ['figures', 'pulse', 'summary'] as const) {
      expect(await field(v, { from: '2026-12-06', to: '2026-12-05' })).toEqual(['from']);
      expect(await field(v, { from: '2025-12-07', to: '2026-12-06' })).toEqual(['to']); // 365 days: over 52 weeks
      expect(await field(v, { from: '2026-02-30' })).toEqual(['from']);
      expect(await field(v, { to: '2026-13-01' })).toEqual(['to']);
      expect((await seen(access, v, { from: '2025-12-08', to: '2026-12-06' })).from).toBe('2025-12-08'); // exactly 52 weeks
    }
    expect(await field('commitments', { from: '2025-12-05', to: '2026-12-06' })).toEqual(['to']); // 367 days
    expect((await seen(access, 'commitments', { from: '2025-12-06', to: '2026-12-06' })).from).toBe('2025-12-06');
    expect(await field('checkins', { from: '2026-09-05', to: '2026-12-06' })).toEqual(['to']); // 93 days
    // Defaults: the last 28 days for the log and check-ins, the last 8 weeks for figures, pulse, summary.
    expect(await seen(access, 'commitments')).toMatchObject({ from: '2026-11-09', to: '2026-12-06' });
    expect(await seen(access, 'checkins')).toMatchObject({ from: '2026-11-09', to: '2026-12-06' });
    expect(await seen(access, 'figures')).toMatchObject({ from: '2026-10-12', to: '2026-12-06', weeks: 8 });
    expect(await seen(access, 'pulse')).toMatchObject({ from: '2026-10-12', to: '2026-12-06' });
    expect(await seen(access, 'summary')).toMatchObject({ from: '2026-10-12', to: '2026-12-06' });
  });
});

// Type check: every view has a contract of its own.
const _views: Record<TherapistView, keyof Contracts> = Object.fromEntries(THERAPIST_VIEWS.map((v) => [v, viewId(v)])) as never;
void _views;
