import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULSE_ITEMS, pulseWeekAt } from '../../src/domain/pulse.js';
import { pulseScoresOf } from '../../src/features/pulse/pulse.repo.js';
import { DAY_MS, HOUR_MS } from '../../src/shared/time.js';
import { createTestApp, leaveSpace, type Person, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const MISSING = '01890000-0000-7000-8000-000000000000';
const WEEK_MS = 7 * DAY_MS;

/**
 * Moves the clock forward to the next Monday (UTC) plus `days` at hh:mm UTC, so every test starts in
 * a fresh week. London is on UTC or one hour ahead of it: 10:00 UTC is well inside the same day.
 */
function nextWeekAt(days = 2, hhmm = '10:00'): Date {
  const now = t.clock.now();
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const weekday = (now.getUTCDay() + 6) % 7; // 0 = Monday
  const monday = midnight + (7 - weekday) * DAY_MS;
  const [h, m] = hhmm.split(':').map(Number);
  const at = new Date(monday + days * DAY_MS + (h ?? 0) * HOUR_MS + (m ?? 0) * 60_000);
  t.clock.set(at);
  return at;
}

const weekIn = (zone: string, at = t.clock.now()) => pulseWeekAt(at, zone);
const london = () => weekIn('Europe/London');

/** Every statement answered with `rating`, with some overridden. */
function answers(rating = 4, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(PULSE_ITEMS.map((i) => [i.id, rating])), ...over };
}

async function answer(p: Person, body: Record<string, unknown> = {}, week = london()) {
  const res = await p.client.put(`/api/v1/pulse/${week}`, { answers: answers(), ...body });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function setZone(p: Person, timeZone: string) {
  expect((await p.client.patch('/api/v1/me', { timeZone })).status).toBe(200);
}

describe('Pulse: this week’s, answered and changed', () => {
  it('starts empty, with the statements and the scale to answer them on', async () => {
    nextWeekAt();
    const p = await t.signUp('Robin');
    const res = await p.client.get('/api/v1/pulse');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ week: london(), mine: null, history: [], partnerShared: [], hasPartner: false });
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual(PULSE_ITEMS.map((i) => i.id));
    expect(res.body.items[0]).toMatchObject({ area: 'dependability', areaLabel: 'Counting on each other' });
    expect(res.body.scale).toEqual({ min: 1, max: 7, minLabel: 'Not true at all', maxLabel: 'Completely true' });
    // The week starts on its Monday.
    expect(new Date(`${res.body.weekStart}T12:00:00Z`).getUTCDay()).toBe(1);
  });

  it('answers this week, then changes it the same week: still one, same id, score recomputed', async () => {
    nextWeekAt();
    const p = await t.signUp('Alex');
    const first = await answer(p, { answers: answers(4) });
    expect(first).toMatchObject({ week: london(), score: 50, shared: false, editable: true });
    expect(first.answers).toEqual(answers(4));
    t.clock.advance(2 * DAY_MS);
    // 7,7,7,7,7,7,7,1 → mean 6.25 → (5.25/6)×100 = 87.5
    const second = await answer(p, { answers: answers(7, { 'hopeful-about-us': 1 }) });
    expect(second).toMatchObject({ id: first.id, score: 87.5, createdAt: first.createdAt });
    expect(second.updatedAt > first.updatedAt).toBe(true);
    // 1,1,1,1,1,1,1,2 → sum 9, (9−8)×1000/48 = 20.83… → 2.1
    const third = await answer(p, { answers: answers(1, { 'follows-through': 2 }) });
    expect(third.score).toBe(2.1);
    const seen = await p.client.get('/api/v1/pulse');
    expect(seen.body.mine).toEqual(third);
    expect(seen.body.history).toEqual([{ id: first.id, week: london(), weekStart: third.weekStart, score: 2.1, shared: false }]);
  });

  it('refuses another week with 409 not_this_week; last week’s stays as it was; missed weeks are simply absent', async () => {
    nextWeekAt(6, '20:00'); // Sunday evening
    const p = await t.signUp('Sasha');
    const week = london();
    const made = await answer(p, { answers: answers(5) });
    t.clock.advance(4 * HOUR_MS); // Monday 00:00 London (winter) or 01:00 (summer): a new week
    const next = london();
    expect(next).not.toBe(week);
    const late = await p.client.put(`/api/v1/pulse/${week}`, { answers: answers(2) });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('not_this_week');
    expect(late.body.error.message).toMatch(/this week/);
    const ahead = await p.client.put('/api/v1/pulse/2099-W10', { answers: answers(2) });
    expect(ahead.status).toBe(409);
    const seen = await p.client.get('/api/v1/pulse');
    expect(seen.body).toMatchObject({ week: next, mine: null });
    expect(seen.body.history).toMatchObject([{ id: made.id, week, score: made.score }]);
    // Three weeks later, answered again: the weeks between are not there at all.
    t.clock.advance(3 * WEEK_MS);
    const later = await answer(p, { answers: answers(6) });
    const after = await p.client.get('/api/v1/pulse');
    expect(after.body.history.map((h: { id: string }) => h.id)).toEqual([later.id, made.id]);
    expect(after.text).not.toMatch(/missed|skipped/i);
  });

  it('follows each person’s own week: Tokyo is already in next week while Los Angeles is not', async () => {
    // Sunday 16:30 UTC: Monday 01:30 in Tokyo, Sunday morning in Los Angeles.
    nextWeekAt(6, '16:30');
    const { a: tokyo, b: la } = await t.couple(['Haru', 'Jordan']);
    await setZone(tokyo, 'Asia/Tokyo');
    await setZone(la, 'America/Los_Angeles');
    const tokyoWeek = weekIn('Asia/Tokyo');
    const laWeek = weekIn('America/Los_Angeles');
    expect(tokyoWeek).not.toBe(laWeek);
    expect((await tokyo.client.put(`/api/v1/pulse/${laWeek}`, { answers: answers() })).status).toBe(409);
    expect((await la.client.put(`/api/v1/pulse/${tokyoWeek}`, { answers: answers() })).status).toBe(409);
    expect((await answer(tokyo, { shared: true }, tokyoWeek)).week).toBe(tokyoWeek);
    expect((await answer(la, { shared: true }, laWeek)).week).toBe(laWeek);
    expect((await tokyo.client.get('/api/v1/pulse')).body.week).toBe(tokyoWeek);
    const laView = await la.client.get('/api/v1/pulse');
    expect(laView.body.week).toBe(laWeek);
    // Each sees the other's shared score under the week it was given in, in its author's zone.
    expect(laView.body.partnerShared).toMatchObject([{ week: tokyoWeek, score: 50 }]);
  });
});

describe('Pulse: careful input', () => {
  it('names each statement at fault, and refuses a week that is not one', async () => {
    nextWeekAt();
    const p = await t.signUp('Careful');
    const path = `/api/v1/pulse/${london()}`;
    const missing = await p.client.put(path, { answers: answers(4, { 'turns-toward-me': undefined }) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([
      { path: 'answers.turns-toward-me', message: 'Please choose an answer for this one.' },
    ]);
    for (const bad of [0, 8, 3.5, '4']) {
      const res = await p.client.put(path, { answers: answers(4, { 'follows-through': bad }) });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([
        { path: 'answers.follows-through', message: 'Please choose a number from 1 to 7.' },
      ]);
    }
    const extra = await p.client.put(path, { answers: answers(4, { 'not-a-statement': 3 }) });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields[0].path).toBe('answers.not-a-statement');
    for (const b of [{}, { answers: [] }, { answers: answers(), shared: 'yes' }, { answers: answers(), extra: 1 }]) {
      expect((await p.client.put(path, b)).status).toBe(400);
    }
    for (const week of ['2026-48', '2026-W54', '2025-W53', 'latest']) {
      expect((await p.client.put(`/api/v1/pulse/${week}`, { answers: answers() })).status).toBe(400);
    }
    expect((await p.client.delete('/api/v1/pulse/not-an-id')).status).toBe(400);
    expect((await p.client.get('/api/v1/pulse')).body.mine).toBeNull();
  });

  it('keeps the score private by default; sharing waits for a partner (409 no_partner)', async () => {
    nextWeekAt();
    const p = await t.signUp('Solo');
    expect((await answer(p)).shared).toBe(false);
    const res = await p.client.put(`/api/v1/pulse/${london()}`, { answers: answers(), shared: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_partner');
  });

  it('a replay with the same Idempotency-Key answers the first result and changes nothing', async () => {
    nextWeekAt();
    const p = await t.signUp('Replay');
    const headers = { 'Idempotency-Key': '0b7a3c2e-5a0c-4e43-9a40-3f1f0a1b2c3d' };
    const first = await p.client.put(`/api/v1/pulse/${london()}`, { answers: answers(3) }, headers);
    expect(first.status).toBe(200);
    await answer(p, { answers: answers(6) });
    const replay = await p.client.put(`/api/v1/pulse/${london()}`, { answers: answers(3) }, headers);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect((await p.client.get('/api/v1/pulse')).body.mine.answers).toEqual(answers(6));
  });
});

describe('Pulse: history', () => {
  it('shows my last 26 weeks, newest first, and the repo gives the scores by week for progress', async () => {
    nextWeekAt();
    const p = await t.signUp('Steady');
    const weeks: string[] = [];
    for (let i = 0; i < 28; i += 1) {
      if (i !== 5) {
        await answer(p, { answers: answers(1 + (i % 7)) });
        weeks.push(london());
      }
      t.clock.advance(WEEK_MS);
    }
    t.clock.advance(-WEEK_MS); // back into the week of the last answer
    const seen = await p.client.get('/api/v1/pulse');
    expect(seen.body.week).toBe(weeks.at(-1));
    const shown = seen.body.history.map((h: { week: string }) => h.week);
    // 26 weeks back from this one: weeks 2..27 of the loop; week 5 was skipped.
    expect(shown).toEqual(weeks.slice(-25).reverse());
    expect(shown).toHaveLength(25);
    expect(seen.body.history[0]).toMatchObject({ score: 100, shared: false }); // the last answer: all 7s

    const scores = await pulseScoresOf(t.deps.db, p.id, weeks[0] as string, weeks.at(-1) as string);
    expect(scores.map((s) => s.week)).toEqual(weeks);
    expect(scores.map((s) => s.score)).toEqual(
      weeks.map((_, n) => {
        const i = n < 5 ? n : n + 1;
        return Math.round(((i % 7) * 1000) / 6) / 10;
      }),
    );
    expect(new Set(scores.map((s) => s.visibility))).toEqual(new Set(['private']));
    expect(await pulseScoresOf(t.deps.db, p.id, '1999-W01', '1999-W52')).toEqual([]);
  });

  it('deletes one of my pulses, of any week; it leaves my history', async () => {
    nextWeekAt();
    const p = await t.signUp('Tidy');
    const old = await answer(p);
    t.clock.advance(WEEK_MS);
    const now = await answer(p, { answers: answers(6) });
    const del = await p.client.delete(`/api/v1/pulse/${old.id}`);
    expect(del.status).toBe(204);
    expect((await p.client.get('/api/v1/pulse')).body.history.map((h: { id: string }) => h.id)).toEqual([now.id]);
    expect((await p.client.delete(`/api/v1/pulse/${old.id}`)).status).toBe(404);
    expect((await p.client.delete(`/api/v1/pulse/${now.id}`)).status).toBe(204);
    expect((await p.client.get('/api/v1/pulse')).body).toMatchObject({ mine: null, history: [] });
  });
});

describe('Pulse: the answers are mine; the score is shared only when I choose', () => {
  it('the partner never learns of a private pulse, and never sees any answers', async () => {
    nextWeekAt();
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const before = (await b.client.get('/api/v1/pulse')).text;
    const stream = await b.client.stream('/api/v1/events');
    expect(await stream.next()).toMatchObject({ event: 'ready' });
    const missing = await b.client.delete(`/api/v1/pulse/${MISSING}`);

    const made = await answer(a, { answers: answers(6) });
    await answer(a, { answers: answers(5) });
    expect((await b.client.get('/api/v1/pulse')).text).toBe(before);
    const asked = await b.client.delete(`/api/v1/pulse/${made.id}`);
    expect(asked.status).toBe(404);
    expect(asked.text).toBe(missing.text);
    expect(await stream.drain(300)).toEqual([]);

    // Shared: the partner hears of it and sees the score, only the score.
    await answer(a, { answers: answers(5, { 'room-for-feelings': 2 }), shared: true });
    const heard = await stream.drain(300);
    expect(heard.map((e) => e.event)).toEqual(['pulse.changed']);
    expect(heard[0]?.data).toContain(made.id);
    expect(heard[0]?.data).not.toMatch(/score|answers|room-for-feelings/);
    const seen = await b.client.get('/api/v1/pulse');
    // 5×7 + 2 = 37; (37 − 8) × 1000 / 48 = 604.17 → 60.4
    expect(seen.body.partnerShared).toEqual([{ week: london(), weekStart: made.weekStart, score: 60.4 }]);
    expect(seen.text).not.toContain('"answers"');
    expect(seen.text).not.toContain(made.id);
    expect(seen.body.mine).toBeNull();
    const del = await b.client.delete(`/api/v1/pulse/${made.id}`);
    expect(del.status).toBe(403);

    // Private again: told once, as it was; then gone, and later changes say nothing.
    await answer(a, { answers: answers(5), shared: false });
    expect((await stream.drain(300)).map((e) => e.event)).toEqual(['pulse.changed']);
    expect((await b.client.get('/api/v1/pulse')).text).toBe(before);
    await answer(a, { answers: answers(3) });
    await a.client.delete(`/api/v1/pulse/${made.id}`);
    expect(await stream.drain(300)).toEqual([]);
    stream.close();
  });

  it('the author’s own tabs hear about a private pulse; an edit that omits `shared` keeps the choice', async () => {
    nextWeekAt();
    const { a } = await t.couple(['Alex', 'Sam']);
    const stream = await a.client.stream('/api/v1/events');
    expect(await stream.next()).toMatchObject({ event: 'ready' });
    await answer(a);
    expect((await stream.drain(300)).map((e) => e.event)).toEqual(['pulse.changed']);
    await answer(a, { shared: true });
    expect((await answer(a, { answers: answers(2) })).shared).toBe(true);
    stream.close();
  });

  it('sends no notification about a pulse, shared or not', async () => {
    nextWeekAt();
    const { a, b } = await t.couple(['Alex', 'Sam']);
    await answer(a, { shared: true });
    const rows = await t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', b.id).execute();
    expect(rows.filter((r) => r.kind.includes('pulse'))).toEqual([]);
  });

  it('stores the answers as numbers only: nothing a person wrote', async () => {
    nextWeekAt();
    const p = await t.signUp('Plain');
    const made = await answer(p, { answers: answers(7) });
    const row = await t.deps.db.selectFrom('pulses').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers_json)).toEqual(answers(7));
    expect(Number(row.score)).toBe(100);
  });
});

describe('Pulse: joining and leaving a space', () => {
  it('after leaving, each keeps their own pulses; the other’s shared scores leave their view', async () => {
    nextWeekAt();
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const aMade = await answer(a, { shared: true });
    await answer(b, { shared: true });
    expect((await a.client.get('/api/v1/pulse')).body.partnerShared).toHaveLength(1);
    expect((await leaveSpace(b)).status).toBe(200);
    const aView = await a.client.get('/api/v1/pulse');
    expect(aView.body).toMatchObject({ hasPartner: false, partnerShared: [] });
    expect(aView.body.mine.id).toBe(aMade.id);
    const bView = await b.client.get('/api/v1/pulse');
    expect(bView.body).toMatchObject({ hasPartner: false, partnerShared: [] });
    expect(bView.body.mine).not.toBeNull();
    // Still this week, A can change it; omitting `shared` with no partner keeps it for A alone.
    expect((await answer(a, { answers: answers(6) })).shared).toBe(false);
    const reshared = await a.client.put(`/api/v1/pulse/${london()}`, { answers: answers(), shared: true });
    expect(reshared.body.error.code).toBe('no_partner');
  });

  it('a score shared with a former partner is not shared with the next one by an edit that omits `shared`', async () => {
    nextWeekAt();
    const { a, b } = await t.couple(['Lee', 'Former']);
    const made = await answer(a, { shared: true });
    expect((await leaveSpace(b)).status).toBe(200);
    const next = await t.signUp('Next');
    const invite = await next.client.post('/api/v1/space/invites');
    expect((await a.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(200);
    const edited = await answer(a, { answers: answers(6) });
    expect(edited.id).toBe(made.id);
    expect(edited.shared).toBe(false);
    expect((await next.client.get('/api/v1/pulse')).body.partnerShared).toEqual([]);
  });

  it('a solo person’s private pulses come along when they join, and stay private', async () => {
    nextWeekAt();
    const solo = await t.signUp('Morgan');
    const host = await t.signUp('Quinn');
    const made = await answer(solo);
    const invite = await host.client.post('/api/v1/space/invites');
    expect((await solo.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(200);
    const space = await solo.client.get('/api/v1/space');
    const row = await t.deps.db.selectFrom('pulses').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row.space_id).toBe(space.body.id);
    expect(row.visibility).toBe('private');
    expect((await host.client.get('/api/v1/pulse')).body.partnerShared).toEqual([]);
    await answer(solo, { shared: true });
    expect((await host.client.get('/api/v1/pulse')).body.partnerShared).toMatchObject([{ score: 50 }]);
  });
});
