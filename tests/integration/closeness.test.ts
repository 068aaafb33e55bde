import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS, questionById, type ThemeId } from '../../src/domain/closeness/deck.js';
import { allowedDepths, questionOfTheDay } from '../../src/domain/closeness/offer.js';
import { addDays } from '../../src/domain/zoned-time.js';
import { routeTable } from '../../src/routes.js';
import { createTestApp, type Person, type TestApp } from '../support/test-app.js';

// Step 7, closeness (docs/decisions/021), through the API on SQLite and PostgreSQL: the question of
// the day per space and local date, the reveal on the second answer, privacy before it (the
// partner's every response byte-identical), responses after it, skips, answers written alone,
// depth from revealed pairs, themes from the next day, and home's offer.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const MISSING = 'knowing-999';
const HOUR = 3_600_000;

const spaceOf = async (p: Person) => (await p.client.call('spaces.get')).body.id;

async function today(p: Person) {
  const res = await p.client.call('closeness.today');
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function overview(p: Person) {
  const res = await p.client.call('closeness.overview');
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function pair(p: Person, questionId: string) {
  const res = await p.client.call('closeness.pair', { params: { questionId } });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const answer = (p: Person, questionId: string, text: string) =>
  p.client.call('closeness.answer', { params: { questionId }, body: { text } });

async function answered(p: Person, questionId: string, text: string) {
  const res = await answer(p, questionId, text);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function inZone(p: Person, timeZone: string) {
  const res = await p.client.call('auth.updateMe', { body: { timeZone } });
  expect(res.status, res.text).toBe(200);
}

/** What a missing question answers: every refusal below must be byte-identical to it. */
async function missingBody(p: Person): Promise<string> {
  const res = await p.client.call('closeness.pair', { params: { questionId: MISSING } });
  expect(res.status).toBe(404);
  return res.text;
}

async function rawAnswers(spaceId: string) {
  return t.deps.db.selectFrom('closeness_answers').selectAll().where('space_id', '=', spaceId).orderBy('answered_at').execute();
}

async function centre(p: Person) {
  const res = await p.client.call('notifications.list');
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('the question of the day', () => {
  it('is the same for both partners on the same local date, chosen once from the light questions and kept', async () => {
    t.clock.set('2026-03-02T10:00:00.000Z'); // London is on UTC until late March
    const { a, b } = await t.couple(['Ash', 'Bay']);
    const spaceId = await spaceOf(a);
    const first = await today(a);
    const expected = questionOfTheDay({
      spaceSeed: spaceId,
      day: '2026-03-02',
      revealedCount: 0,
      theme: null,
      askedIds: new Set(),
    });
    expect(first.question).toEqual({ id: expected.id, text: expected.text, theme: expected.theme, depth: 'light' });
    expect(first.mine).toBeNull();
    expect(first.partner).toBeNull();
    expect((await today(b)).question.id).toBe(expected.id);

    // A reveal later today changes what a new day may offer, never today's question.
    await answered(a, expected.id, 'The smell of rain on the way home');
    await answered(b, expected.id, 'A song I had forgotten about');
    t.clock.advance(6 * HOUR);
    expect((await today(b)).question.id).toBe(expected.id);
    expect((await overview(a)).day).toBe('2026-03-02');
    const days = await t.deps.db
      .selectFrom('closeness_days')
      .select(['day', 'question_id'])
      .where('space_id', '=', spaceId)
      .execute();
    expect(days).toEqual([{ day: '2026-03-02', question_id: expected.id }]);
  });

  it('gives partners in Auckland and London the same question for the same date, hours apart', async () => {
    // 12:00 in London on 2 March is 01:00 on 3 March in Auckland (UTC+13 until April).
    t.clock.set('2026-03-02T12:00:00.000Z');
    const { a: london, b: auckland } = await t.couple(['Lon', 'Akl']);
    await inZone(auckland, 'Pacific/Auckland');
    const spaceId = await spaceOf(london);

    const akl3 = await overview(auckland);
    expect(akl3.day).toBe('2026-03-03');
    const q3 = questionOfTheDay({ spaceSeed: spaceId, day: '2026-03-03', revealedCount: 0, theme: null, askedIds: new Set() });
    expect(akl3.today.question.id).toBe(q3.id);
    const lon2 = await overview(london);
    expect(lon2.day).toBe('2026-03-02');
    const q2 = questionOfTheDay({
      spaceSeed: spaceId,
      day: '2026-03-02',
      revealedCount: 0,
      theme: null,
      askedIds: new Set([q3.id]),
    });
    expect(lon2.today.question.id).toBe(q2.id);
    expect(q2.id).not.toBe(q3.id);
    const missing = await missingBody(london);

    // Auckland answers its 3 March question; for London it is not a question day yet: 404, like a missing one.
    await answered(auckland, q3.id, 'Breakfast outside before the heat');
    const early = await london.client.call('closeness.pair', { params: { questionId: q3.id } });
    expect(early.status).toBe(404);
    expect(early.text).toBe(missing);
    const earlyAnswer = await answer(london, q3.id, 'Too soon');
    expect(earlyAnswer.status).toBe(404);
    expect(earlyAnswer.text).toBe(missing);

    // A day later London meets the same question, and its answer reveals both.
    t.clock.set('2026-03-03T12:00:00.000Z');
    const lon3 = await today(london);
    expect(lon3.question.id).toBe(q3.id);
    expect(lon3.partner).toBeNull();
    const revealed = await answered(london, q3.id, 'Walking the long way to the station');
    expect(revealed.partner?.text).toBe('Breakfast outside before the heat');
    expect((await pair(auckland, q3.id)).revealed).toBe(true);
    expect((await overview(auckland)).day).toBe('2026-03-04');
  });
});

describe('answers and the reveal', () => {
  for (const order of ['a first', 'b first'] as const) {
    it(`reveals both on the second answer (${order}), in one transaction`, async () => {
      t.clock.set('2026-03-05T09:00:00.000Z');
      const couple = await t.couple(['Cedar', 'Dune']);
      const [first, second] = order === 'a first' ? [couple.a, couple.b] : [couple.b, couple.a];
      const spaceId = await spaceOf(first);
      const { question } = await today(first);

      const one = await answered(first, question.id, 'I have been thinking about the garden');
      expect(one).toEqual({
        question,
        mine: { text: 'I have been thinking about the garden', answeredAt: '2026-03-05T09:00:00.000Z', editedAt: null },
        partner: null,
      });
      expect((await today(second)).partner).toBeNull();
      expect((await pair(second, question.id)).revealed).toBe(false);
      expect((await rawAnswers(spaceId)).map((r) => [r.visibility, r.revealed_at])).toEqual([['private', null]]);

      t.clock.advance(HOUR);
      const two = await answered(second, question.id, 'Mostly about the week ahead');
      expect(two.mine?.text).toBe('Mostly about the week ahead');
      expect(two.partner).toEqual({
        text: 'I have been thinking about the garden',
        answeredAt: '2026-03-05T09:00:00.000Z',
        editedAt: null,
      });
      const back = await pair(first, question.id);
      expect(back).toMatchObject({
        revealed: true,
        mine: { text: 'I have been thinking about the garden' },
        partner: { text: 'Mostly about the week ahead', answeredAt: '2026-03-05T10:00:00.000Z' },
      });
      const rows = await rawAnswers(spaceId);
      expect(rows.map((r) => [r.author_id, r.visibility, r.held, r.revealed_at])).toEqual([
        [first.id, 'couple', 0, rows[1]?.revealed_at],
        [second.id, 'couple', 0, rows[1]?.revealed_at],
      ]);
      expect(rows[1]?.revealed_at).not.toBeNull();
      expect((await overview(first)).revealedCount).toBe(1);
    });
  }

  it("keeps a first answer, a change to it and a skip from the partner's every response, stream and centre", async () => {
    t.clock.set('2026-03-06T09:00:00.000Z');
    const { a, b } = await t.couple(['Elm', 'Fern']);
    const { question } = await today(a);
    const partnerGets = routeTable.filter((r) => r.method === 'GET' && !r.path.includes(':') && !r.success.stream);
    expect(partnerGets.map((r) => r.id)).toEqual(
      expect.arrayContaining(['closeness.today', 'closeness.overview', 'closeness.deck', 'today.get', 'notifications.list']),
    );

    async function snapshot(): Promise<Record<string, string>> {
      const seen: Record<string, string> = {};
      for (const route of partnerGets) {
        const res = await b.client.get(route.path);
        seen[route.path] = `${res.status} ${res.text}`;
      }
      const one = await b.client.call('closeness.pair', { params: { questionId: question.id } });
      seen.pair = `${one.status} ${one.text}`;
      const notifications = await b.client.call('notifications.list');
      seen.notifications = `${notifications.status} ${notifications.text}`;
      return seen;
    }
    async function stored() {
      const n = async (table: 'events' | 'notifications') =>
        Number(
          (
            await t.deps.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return { events: await n('events'), notifications: await n('notifications') };
    }

    const before = await snapshot();
    expect(await snapshot()).toEqual(before); // the partner's own reads are stable on their own
    expect(before.pair).toMatch(/^200 /);
    const counts = await stored();
    const live = await b.client.stream('/api/v1/events');
    expect((await live.drain(300)).map((e) => e.event)).toEqual(['ready']);

    await answered(a, question.id, 'Something only I know I wrote');
    expect(await live.drain(400)).toEqual([]);
    expect(await snapshot()).toEqual(before);

    await answered(a, question.id, 'Something I changed my mind about');
    expect(await live.drain(400)).toEqual([]);
    expect(await snapshot()).toEqual(before);

    expect((await a.client.call('closeness.skip')).status).toBe(204);
    expect((await overview(a)).today.skipped).toBe(true);
    expect(await live.drain(400)).toEqual([]);
    expect(await snapshot()).toEqual(before);

    expect((await a.client.call('closeness.unskip')).status).toBe(204);
    expect(await live.drain(400)).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(await stored()).toEqual(counts);
    live.close();

    // And the reveal does change it: the check above can see a difference.
    await answered(b, question.id, 'My own answer');
    expect(await snapshot()).not.toEqual(before);
  });

  it('chooses one question when both ask at once, and reveals when both answer at once', async () => {
    t.clock.set('2026-03-06T18:00:00.000Z');
    const { a, b } = await t.couple(['Lime', 'Maple']);
    const [fromA, fromB] = await Promise.all([today(a), today(b)]);
    expect(fromA.question.id).toBe(fromB.question.id);
    const spaceId = await spaceOf(a);
    expect(await t.deps.db.selectFrom('closeness_days').select('day').where('space_id', '=', spaceId).execute()).toHaveLength(1);
    const id = fromA.question.id;
    const [one, two] = await Promise.all([answer(a, id, 'At once, mine'), answer(b, id, 'At once, theirs')]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect((await pair(a, id)).partner?.text).toBe('At once, theirs');
    expect((await pair(b, id)).partner?.text).toBe('At once, mine');
    expect((await rawAnswers(spaceId)).map((r) => r.visibility)).toEqual(['couple', 'couple']);
  });

  it('publishes one closeness event to each partner on the reveal, and tells the first to answer', async () => {
    t.clock.set('2026-03-07T09:00:00.000Z');
    const { a, b } = await t.couple(['Gale', 'Heath']);
    const outsider = await t.signUp('Isle');
    const { question } = await today(a);
    const streams = await Promise.all([a, b, outsider].map((p) => p.client.stream('/api/v1/events')));
    for (const s of streams) await s.next();

    await answered(a, question.id, 'The first answer');
    const quiet = await Promise.all(streams.map((s) => s.drain(300)));
    expect(quiet).toEqual([[], [], []]);
    expect((await centre(a)).notifications).toEqual([]);

    await answered(b, question.id, 'The second answer');
    const [toA, toB, toOutsider] = await Promise.all(streams.map((s) => s.drain(400)));
    const closeness = (events: { event?: string; data: string }[] = []) => events.filter((e) => e.event === 'closeness.changed');
    expect(closeness(toA).map((e) => JSON.parse(e.data))).toEqual([
      { kind: 'closeness.changed', subjectId: question.id, at: expect.any(String) },
    ]);
    expect(closeness(toB)).toHaveLength(1);
    expect(toA?.map((e) => e.event)).toEqual(['closeness.changed', 'notification.created']);
    expect(toB?.map((e) => e.event)).toEqual(['closeness.changed']);
    expect(toOutsider).toEqual([]);
    for (const s of streams) s.close();

    expect((await centre(a)).notifications).toEqual([
      expect.objectContaining({ kind: 'closeness.revealed', subjectId: question.id, readAt: null }),
    ]);
    expect((await centre(b)).notifications).toEqual([]);
  });

  it('shows a change after the reveal to both, with editedAt, and tells the space', async () => {
    t.clock.set('2026-03-08T09:00:00.000Z');
    const { a, b } = await t.couple(['Ivy', 'Juniper']);
    const { question } = await today(a);
    await answered(a, question.id, 'Before');
    await answered(b, question.id, 'Theirs');
    const live = await b.client.stream('/api/v1/events');
    await live.next();
    t.clock.advance(2 * HOUR);
    const edited = await answered(a, question.id, 'After, with a little more');
    expect(edited.mine).toEqual({
      text: 'After, with a little more',
      answeredAt: '2026-03-08T09:00:00.000Z',
      editedAt: '2026-03-08T11:00:00.000Z',
    });
    expect((await live.drain(400)).map((e) => e.event)).toEqual(['closeness.changed']);
    live.close();
    expect((await pair(b, question.id)).partner).toEqual(edited.mine);
  });

  it('takes answers for an earlier question day not yet revealed; any other question answers 404 like a missing one', async () => {
    t.clock.set('2026-03-09T09:00:00.000Z');
    const { a, b } = await t.couple(['Kelp', 'Lark']);
    const missing = await missingBody(a);
    const day1 = (await today(a)).question;
    await today(b);
    await answered(b, day1.id, 'Yesterday, for me');

    // Day 2: only the partner looks. Day 3: a looks again.
    t.clock.set('2026-03-10T09:00:00.000Z');
    const day2 = (await today(b)).question;
    t.clock.set('2026-03-11T09:00:00.000Z');
    const day3 = (await today(a)).question;
    expect(new Set([day1.id, day2.id, day3.id]).size).toBe(3);

    // Day 1 was offered to a and is not revealed: a's answer now reveals it.
    const late = await answered(a, day1.id, 'Two days late, and that is fine');
    expect(late.partner?.text).toBe('Yesterday, for me');
    const p1 = await pair(a, day1.id);
    expect(p1).toMatchObject({ day: '2026-03-09', revealed: true });
    // A revealed pair can still be changed.
    expect((await answered(a, day1.id, 'Changed')).mine?.editedAt).toBe('2026-03-11T09:00:00.000Z');

    // Day 2 was never offered to a: it is not theirs, and not even in their list (it would tell them b opened the app).
    for (const res of [
      await answer(a, day2.id, 'Not mine'),
      await a.client.call('closeness.pair', { params: { questionId: day2.id } }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.text).toBe(missing);
    }
    const listed = (await overview(a)).earlier.map((e) => [e.day, e.question.id, e.answeredByMe, e.revealed]);
    expect(listed).toEqual([['2026-03-09', day1.id, true, true]]);
    expect((await overview(b)).earlier.map((e) => e.day)).toEqual(['2026-03-10', '2026-03-09']);

    // A question of the deck this space was never asked, and one no deck holds: the same 404.
    const never = QUESTIONS.find((q) => ![day1.id, day2.id, day3.id].includes(q.id))?.id ?? '';
    for (const id of [never, MISSING]) {
      const res = await answer(a, id, 'Anything');
      expect(res.status).toBe(404);
      expect(res.text).toBe(missing);
    }
    expect((await rawAnswers(await spaceOf(a))).length).toBe(2);
  });

  it('keeps answers and replies sealed at rest', async () => {
    t.clock.set('2026-03-12T09:00:00.000Z');
    const { a, b } = await t.couple(['Moss', 'Nettle']);
    const { question } = await today(a);
    await answered(a, question.id, 'CanaryAnswerHeron5521');
    await answered(b, question.id, 'CanaryAnswerOtter8830');
    const res = await b.client.call('closeness.respond', {
      params: { questionId: question.id },
      body: { reply: 'CanaryReplyWillow4417' },
    });
    expect(res.status, res.text).toBe(200);
    const spaceId = await spaceOf(a);
    const raw = JSON.stringify([
      await rawAnswers(spaceId),
      await t.deps.db.selectFrom('closeness_responses').selectAll().where('space_id', '=', spaceId).execute(),
    ]);
    expect(raw).toContain(question.id); // the rows are really there
    for (const canary of ['CanaryAnswerHeron5521', 'CanaryAnswerOtter8830', 'CanaryReplyWillow4417']) {
      expect(raw).not.toContain(canary);
    }
  });
});

describe('after the reveal: reactions, one reply, talk more', () => {
  it('refuses each before the reveal with the body of a missing question', async () => {
    t.clock.set('2026-03-13T09:00:00.000Z');
    const { a, b } = await t.couple(['Oak', 'Pine']);
    const missing = await missingBody(a);
    const { question } = await today(a);
    await today(b);
    await answered(a, question.id, 'Only mine so far');
    for (const p of [a, b]) {
      const params = { questionId: question.id };
      const refused = [
        await p.client.call('closeness.respond', { params, body: { reaction: 'moved' } }),
        await p.client.call('closeness.respond', { params, body: { reply: 'A reply' } }),
        await p.client.call('closeness.talkMore', { params }),
      ];
      for (const res of refused) {
        expect(res.status).toBe(404);
        expect(res.text).toBe(missing);
      }
    }
    const spaceId = await spaceOf(a);
    expect(await t.deps.db.selectFrom('closeness_responses').selectAll().where('space_id', '=', spaceId).execute()).toEqual([]);
    expect((await b.client.call('drafts.list')).body.drafts).toEqual([]);
    expect((await a.client.call('drafts.list')).body.drafts).toEqual([]);
  });

  it('shows my reaction and my one reply to both, replaced when I change them', async () => {
    t.clock.set('2026-03-14T09:00:00.000Z');
    const { a, b } = await t.couple(['Quill', 'Reed']);
    const { question } = await today(a);
    await answered(a, question.id, 'Mine');
    await answered(b, question.id, 'Theirs');
    const live = await a.client.stream('/api/v1/events');
    await live.next();
    const params = { questionId: question.id };

    const reacted = await b.client.call('closeness.respond', { params, body: { reaction: 'grateful' } });
    expect(reacted.status, reacted.text).toBe(200);
    expect(reacted.body.myResponse).toEqual({
      reaction: 'grateful',
      reply: null,
      talkMore: false,
      updatedAt: '2026-03-14T09:00:00.000Z',
    });
    t.clock.advance(HOUR);
    const replied = await b.client.call('closeness.respond', { params, body: { reply: '  I did not know that  ' } });
    expect(replied.body.myResponse).toEqual({
      reaction: 'grateful',
      reply: 'I did not know that',
      talkMore: false,
      updatedAt: '2026-03-14T10:00:00.000Z',
    });
    expect((await pair(a, question.id)).partnerResponse).toEqual(replied.body.myResponse);

    const changed = await b.client.call('closeness.respond', { params, body: { reaction: null, reply: 'Thank you for this' } });
    expect(changed.body.myResponse).toMatchObject({ reaction: null, reply: 'Thank you for this' });
    const cleared = await b.client.call('closeness.respond', { params, body: { reply: '' } });
    expect(cleared.body.myResponse).toMatchObject({ reaction: null, reply: null });
    expect((await pair(a, question.id)).partnerResponse).toMatchObject({ reaction: null, reply: null });
    expect((await live.drain(400)).map((e) => e.event)).toEqual([
      'closeness.changed',
      'closeness.changed',
      'closeness.changed',
      'closeness.changed',
    ]);
    live.close();
    // One row per person and pair, whatever was sent.
    expect(
      await t.deps.db
        .selectFrom('closeness_responses')
        .select('author_id')
        .where('question_id', '=', question.id)
        .where('author_id', 'in', [a.id, b.id])
        .execute(),
    ).toEqual([{ author_id: b.id }]);
  });

  it('starts one private Talk draft on the question, once, and shows my partner only that I would like to talk', async () => {
    t.clock.set('2026-03-15T09:00:00.000Z');
    const { a, b } = await t.couple(['Sorrel', 'Tansy']);
    const { question } = await today(a);
    await answered(a, question.id, 'Mine');
    await answered(b, question.id, 'Theirs');
    const params = { questionId: question.id };

    const first = await a.client.call('closeness.talkMore', { params });
    expect(first.status, first.text).toBe(201);
    const again = await a.client.call('closeness.talkMore', { params });
    expect(again.body).toEqual(first.body);
    const drafts = (await a.client.call('drafts.list')).body.drafts;
    expect(drafts.map((d) => [d.id, d.text])).toEqual([
      [first.body.draftId, `I would like to talk more about: ${question.text}`],
    ]);
    expect((await b.client.call('drafts.list')).body.drafts).toEqual([]);

    const mine = await pair(a, question.id);
    expect(mine.talkDraftId).toBe(first.body.draftId);
    expect(mine.myResponse).toMatchObject({ talkMore: true, reaction: null, reply: null });
    const theirs = await b.client.call('closeness.pair', { params });
    expect(theirs.body.partnerResponse).toMatchObject({ talkMore: true });
    expect(theirs.body.talkDraftId).toBeNull();
    expect(theirs.text).not.toContain(first.body.draftId);
  });
});

describe('skipping', () => {
  it('is mine alone, never counted, and can be undone', async () => {
    t.clock.set('2026-03-16T09:00:00.000Z');
    const { a, b } = await t.couple(['Umber', 'Vale']);
    const { question } = await today(a);
    expect((await a.client.call('closeness.skip')).status).toBe(204);
    expect((await a.client.call('closeness.skip')).status).toBe(204); // twice is the same
    expect((await overview(a)).today).toMatchObject({ skipped: true, mine: null });
    expect((await overview(b)).today.skipped).toBe(false);
    expect((await pair(b, question.id)).skipped).toBe(false);
    expect((await a.client.call('closeness.unskip')).status).toBe(204);
    expect((await overview(a)).today.skipped).toBe(false);
    expect((await a.client.call('closeness.skip')).status).toBe(204);

    // The next day it is simply an earlier day I set aside; it changes nothing about what is offered.
    t.clock.set('2026-03-17T09:00:00.000Z');
    const next = await overview(a);
    expect(next.earlier).toEqual([
      expect.objectContaining({ day: '2026-03-16', skipped: true, answeredByMe: false, revealed: false }),
    ]);
    expect(next.revealedCount).toBe(0);
    expect(next.today.skipped).toBe(false);
    expect((await overview(b)).earlier).toEqual([expect.objectContaining({ day: '2026-03-16', skipped: false })]);
  });
});

describe('answers written alone', () => {
  it('holds them through a partner joining; the partner sees one only when its author shares it', async () => {
    t.clock.set('2026-03-18T09:00:00.000Z');
    const a = await t.signUp('Willow');
    const { question } = await today(a);
    const held = await answered(a, question.id, 'Written before you were here');
    expect(held.partner).toBeNull();
    const alone = await a.client.call('closeness.share', { params: { questionId: question.id } });
    expect(alone.status).toBe(409);
    expect(alone.text).toContain('"code":"no_partner"');

    const b = await t.signUp('Yarrow');
    const invite = await a.client.call('spaces.invites.create');
    expect((await b.client.call('spaces.invites.accept', { params: { token: invite.body.token } })).status).toBe(200);
    expect((await today(b)).question.id).toBe(question.id); // b joined a's space: the same question day
    const answeredByB = await answered(b, question.id, 'Mine, after joining');
    expect(answeredByB.partner).toBeNull(); // a's answer is held: no reveal
    expect(await pair(b, question.id)).toMatchObject({ revealed: false, partner: null });
    const mineA = await overview(a);
    expect(mineA.today).toMatchObject({ mineHeld: true, revealed: false, partner: null });
    expect(mineA.held).toEqual([
      { day: '2026-03-18', question: expect.objectContaining({ id: question.id }), answeredAt: '2026-03-18T09:00:00.000Z' },
    ]);
    expect((await centre(b)).notifications).toEqual([]);

    // b cannot share what is not held; a shares, which reveals both.
    const notHeld = await b.client.call('closeness.share', { params: { questionId: question.id } });
    expect(notHeld.status).toBe(404);
    expect(notHeld.text).toBe(await missingBody(b));
    const shared = await a.client.call('closeness.share', { params: { questionId: question.id } });
    expect(shared.status, shared.text).toBe(200);
    expect(shared.body).toMatchObject({ revealed: true, mineHeld: false, partner: { text: 'Mine, after joining' } });
    expect(await pair(b, question.id)).toMatchObject({ revealed: true, partner: { text: 'Written before you were here' } });
    expect((await centre(b)).notifications).toEqual([
      expect.objectContaining({ kind: 'closeness.revealed', subjectId: question.id }),
    ]);
    expect((await overview(a)).held).toEqual([]);
    const again = await a.client.call('closeness.share', { params: { questionId: question.id } });
    expect(again.status).toBe(404);
  });

  it('shows a shared answer at once; the partner may answer it after, which reveals the pair', async () => {
    t.clock.set('2026-03-19T09:00:00.000Z');
    const a = await t.signUp('Zinnia');
    const { question } = await today(a);
    await answered(a, question.id, 'Alone, then shared');
    const b = await t.signUp('Aster');
    const invite = await a.client.call('spaces.invites.create');
    await b.client.call('spaces.invites.accept', { params: { token: invite.body.token } });
    const shared = await a.client.call('closeness.share', { params: { questionId: question.id } });
    expect(shared.body).toMatchObject({ revealed: false, mineHeld: false, partner: null });
    const seen = await pair(b, question.id);
    expect(seen).toMatchObject({ revealed: false, mine: null, partner: { text: 'Alone, then shared' } });
    const early = await b.client.call('closeness.respond', { params: { questionId: question.id }, body: { reaction: 'smile' } });
    expect(early.status).toBe(404);
    expect((await answered(b, question.id, 'And mine')).partner?.text).toBe('Alone, then shared');
    expect(await pair(a, question.id)).toMatchObject({ revealed: true, partner: { text: 'And mine' } });
  });

  it("brings a joiner's held answers along, still held, and never shows them to the partner", async () => {
    t.clock.set('2026-03-20T09:00:00.000Z');
    const a = await t.signUp('Basil');
    const b = await t.signUp('Clover');
    const { question } = await today(b);
    await answered(b, question.id, 'CanaryHeldWhileAlone');
    await today(a);
    const invite = await a.client.call('spaces.invites.create');
    await b.client.call('spaces.invites.accept', { params: { token: invite.body.token } });
    const spaceId = await spaceOf(a);
    expect((await rawAnswers(spaceId)).map((r) => [r.author_id, r.held, r.visibility])).toEqual([[b.id, 1, 'private']]);
    expect((await overview(b)).held.map((h) => h.question.id)).toEqual([question.id]);
    const look = await a.client.call('closeness.pair', { params: { questionId: question.id } });
    expect([200, 404]).toContain(look.status);
    expect(look.text).not.toContain('CanaryHeldWhileAlone');
    expect(JSON.stringify(await overview(a))).not.toContain('CanaryHeldWhileAlone');
  });
});

describe('depth and theme', () => {
  it('grows depth with revealed pairs only, never with answers not revealed or skips', async () => {
    const start = '2026-01-01';
    t.clock.set(`${start}T10:00:00.000Z`);
    const { a, b } = await t.couple(['Dahlia', 'Elder']);
    const spaceId = await spaceOf(a);
    const asked = new Set<string>();
    let revealed = 0;
    const depths: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const day = addDays(start, i);
      t.clock.set(`${day}T10:00:00.000Z`);
      const { question } = await today(a);
      const expected = questionOfTheDay({ spaceSeed: spaceId, day, revealedCount: revealed, theme: null, askedIds: asked });
      expect(question.id, day).toBe(expected.id);
      expect(allowedDepths(revealed, day), day).toContain(question.depth);
      asked.add(question.id);
      depths.push(question.depth);
      // The first six days: only a answers and b skips (nothing revealed); then both answer each day.
      await answered(a, question.id, `Answer of ${day}`);
      if (i < 6) {
        expect((await b.client.call('closeness.skip')).status).toBe(204);
      } else {
        await answered(b, question.id, `Their answer of ${day}`);
        revealed += 1;
      }
      expect((await overview(b)).revealedCount).toBe(revealed);
    }
    // Days 0-12 were chosen with at most 6 revealed pairs: light only, though a had answered 12 of them.
    expect(depths.slice(0, 13)).toEqual(Array(13).fill('light'));
    expect(revealed).toBe(24);
    // With 21 revealed pairs and more, deep questions may come, and only on every other day.
    t.clock.set(`${addDays(start, 30)}T10:00:00.000Z`);
    const after = await overview(a);
    expect(after.revealedCount).toBe(24);
    expect(after.earlier).toHaveLength(30);
    expect(after.earlier.filter((e) => e.revealed)).toHaveLength(24);
    const pairs = await t.deps.db
      .selectFrom('closeness_answers')
      .select(sql<number>`count(*)`.as('n'))
      .where('space_id', '=', spaceId)
      .where('revealed_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(pairs.n)).toBe(48);
  });

  it("applies a theme change from the changer's next local day; today's question stays", async () => {
    t.clock.set('2026-04-06T10:00:00.000Z'); // 11:00 in London (summer time), 22:00 in Auckland
    const { a, b } = await t.couple(['Fennel', 'Gorse']);
    const spaceId = await spaceOf(a);
    const live = await b.client.stream('/api/v1/events');
    await live.next();
    const set = await a.client.call('closeness.theme', { body: { theme: 'memories' } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ day: '2026-04-06', theme: null, nextTheme: { theme: 'memories', from: '2026-04-07' } });
    expect((await live.drain(400)).map((e) => e.event)).toEqual(['closeness.changed']);
    live.close();
    const q6 = questionOfTheDay({ spaceSeed: spaceId, day: '2026-04-06', revealedCount: 0, theme: null, askedIds: new Set() });
    expect(set.body.today.question.id).toBe(q6.id);
    expect((await today(b)).question.id).toBe(q6.id);

    t.clock.set('2026-04-07T10:00:00.000Z');
    const next = await overview(b);
    expect(next).toMatchObject({ theme: 'memories', nextTheme: null });
    const q7 = questionOfTheDay({
      spaceSeed: spaceId,
      day: '2026-04-07',
      revealedCount: 0,
      theme: 'memories' as ThemeId,
      askedIds: new Set([q6.id]),
    });
    expect(next.today.question).toMatchObject({ id: q7.id, theme: 'memories' });

    // b moves to Auckland, where it is already 8 April: their change starts on their 9 April.
    t.clock.set('2026-04-07T13:00:00.000Z');
    await inZone(b, 'Pacific/Auckland');
    const fromAuckland = await b.client.call('closeness.theme', { body: { theme: 'hopes' } });
    expect(fromAuckland.body).toMatchObject({
      day: '2026-04-08',
      theme: 'memories',
      nextTheme: { theme: 'hopes', from: '2026-04-09' },
    });
    expect(await overview(a)).toMatchObject({
      day: '2026-04-07',
      theme: 'memories',
      nextTheme: { theme: 'hopes', from: '2026-04-09' },
    });
    t.clock.set('2026-04-08T10:00:00.000Z');
    expect((await today(a)).question.theme).toBe('memories');
    t.clock.set('2026-04-09T10:00:00.000Z');
    expect((await today(a)).question.theme).toBe('hopes');
  });
});

describe('home', () => {
  it("offers today's question on /today with my own answered state, and nothing once my safety check raised concern", async () => {
    t.clock.set('2026-03-21T09:00:00.000Z');
    const { a, b } = await t.couple(['Hazel', 'Iris']);
    const home = await a.client.call('today.get');
    expect(home.status, home.text).toBe(200);
    const { question } = await today(a);
    expect(home.body.closeness).toEqual({ questionId: question.id, text: question.text, answered: false, skipped: false });
    expect(home.body).toMatchObject({ date: '2026-03-21', zone: 'Europe/London', checkins: { mine: null, partners: null } });
    await answered(a, question.id, 'Mine');
    expect((await a.client.call('today.get')).body.closeness).toEqual({
      questionId: question.id,
      text: question.text,
      answered: true,
      skipped: false,
    });
    // b sets it aside: home stops offering it to b (and a's home is unchanged).
    expect((await b.client.call('closeness.skip')).status).toBe(204);
    expect((await b.client.call('today.get')).body.closeness).toEqual({
      questionId: question.id,
      text: question.text,
      answered: false,
      skipped: true,
    });
    expect((await a.client.call('today.get')).body.closeness).toMatchObject({ answered: true, skipped: false });

    expect((await a.client.call('safety.put', { body: { answers: { afraid: 'yes' } } })).status).toBe(200);
    expect((await a.client.call('today.get')).body.closeness).toBeNull();
    expect((await b.client.call('today.get')).body.closeness).not.toBeNull();
    // The question itself stays open to a, on the closeness screen they choose to visit.
    expect((await today(a)).question.id).toBe(question.id);
  });

  it('offers a question from the deck for a person alone as well', async () => {
    t.clock.set('2026-03-22T09:00:00.000Z');
    const p = await t.signUp('Juno');
    const home = (await p.client.call('today.get')).body.closeness;
    expect(home).not.toBeNull();
    expect(questionById(home?.questionId ?? '')?.depth).toBe('light');
  });
});
