import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinsForDay } from '../../src/features/checkins/checkins.service.js';
import { loadActor } from '../../src/features/spaces/spaces.read.js';
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
const LINE = 'A quiet evening walk, the canary-heron line';

/** Moves the clock forward to the next UTC day at hh:mm (UTC), so every test starts on a fresh day. */
function nextDayAt(hhmm: string): Date {
  const now = t.clock.now();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS);
  const [h, m] = hhmm.split(':').map(Number);
  const at = new Date(day.getTime() + (h ?? 0) * HOUR_MS + (m ?? 0) * 60_000);
  t.clock.set(at);
  return at;
}

/** The local date a zone is on right now, by the test clock. */
function dateIn(zone: string, at = t.clock.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
const london = () => dateIn('Europe/London');

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const body = (over: Record<string, unknown> = {}) => ({
  connected: 7,
  heard: 5,
  mood: 'hopeful',
  line: LINE,
  visibility: 'private',
  ...over,
});

async function checkIn(p: Person, over: Record<string, unknown> = {}, date = london()) {
  const res = await p.client.put(`/api/v1/checkins/${date}`, body(over));
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function setZone(p: Person, timeZone: string) {
  expect((await p.client.patch('/api/v1/me', { timeZone })).status).toBe(200);
}

/** Everything the person can fetch about check-ins. */
async function seenBy(p: Person): Promise<string> {
  const list = await p.client.get('/api/v1/checkins');
  const today = await p.client.get('/api/v1/checkins/today');
  return `${list.text}\n${today.text}`;
}

describe('Check-ins: today’s, written and changed', () => {
  it('writes today’s check-in, then changes it the same day: still one, with the same id', async () => {
    nextDayAt('09:00');
    const { a } = await t.couple(['Alex', 'Sam']);
    const first = await checkIn(a);
    expect(first).toMatchObject({
      mine: true,
      date: london(),
      connected: 7,
      heard: 5,
      mood: 'hopeful',
      line: LINE,
      visibility: 'private',
      editable: true,
      replies: [],
    });
    t.clock.advance(3 * HOUR_MS);
    const second = await checkIn(a, { connected: 3, heard: 8, mood: 'tired', line: '   ' });
    expect(second).toMatchObject({ id: first.id, connected: 3, heard: 8, mood: 'tired', line: null });
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(second.createdAt).toBe(first.createdAt);
    const list = await a.client.get('/api/v1/checkins');
    expect(list.body.checkins.map((c: { id: string }) => c.id)).toEqual([first.id]);
    expect((await a.client.get(`/api/v1/checkins/${first.id}`)).body).toEqual(second);
  });

  it('refuses another day with 409 not_today, in kind words; yesterday’s stays as it was', async () => {
    nextDayAt('12:00');
    const p = await t.signUp('Robin');
    const today = london();
    const made = await checkIn(p);
    for (const date of [shiftDate(today, -2), shiftDate(today, 1)]) {
      const res = await p.client.put(`/api/v1/checkins/${date}`, body());
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('not_today');
      expect(res.body.error.message).toMatch(/today/);
    }
    t.clock.advance(DAY_MS);
    const late = await p.client.put(`/api/v1/checkins/${today}`, body({ mood: 'low' }));
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('not_today');
    const kept = await p.client.get(`/api/v1/checkins/${made.id}`);
    expect(kept.body).toMatchObject({ mood: 'hopeful', editable: false });
    // The new day is open.
    expect((await checkIn(p, { mood: 'calm' })).date).toBe(shiftDate(today, 1));
  });

  it('a check-in made offline before midnight still arrives after it, once, and then stays as it was', async () => {
    nextDayAt('00:20');
    const p = await t.signUp('Sasha');
    const yesterday = shiftDate(london(), -1);
    const late = await p.client.put(`/api/v1/checkins/${yesterday}`, body({ mood: 'tired' }));
    expect(late.status, late.text).toBe(200);
    expect(late.body).toMatchObject({ date: yesterday, mood: 'tired', editable: false });
    const change = await p.client.put(`/api/v1/checkins/${yesterday}`, body({ mood: 'calm' }));
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe('not_today');
    expect((await p.client.get(`/api/v1/checkins/${late.body.id}`)).body.mood).toBe('tired');
  });

  it('follows each person’s own local day: Tokyo is already tomorrow while Los Angeles is still today', async () => {
    // 16:30 UTC: 01:30 the next day in Tokyo, 08:30 or 09:30 the same day in Los Angeles.
    nextDayAt('16:30');
    const { a: tokyo, b: la } = await t.couple(['Haru', 'Jordan']);
    await setZone(tokyo, 'Asia/Tokyo');
    await setZone(la, 'America/Los_Angeles');
    const utcDay = t.clock.now().toISOString().slice(0, 10);
    const tokyoDay = shiftDate(utcDay, 1);
    expect(dateIn('Asia/Tokyo')).toBe(tokyoDay);
    expect(dateIn('America/Los_Angeles')).toBe(utcDay);

    expect((await tokyo.client.put(`/api/v1/checkins/${shiftDate(utcDay, -1)}`, body())).status).toBe(409);
    const t1 = await checkIn(tokyo, { visibility: 'couple' }, tokyoDay);
    expect((await la.client.put(`/api/v1/checkins/${tokyoDay}`, body())).status).toBe(409);
    const l1 = await checkIn(la, { visibility: 'couple' }, utcDay);
    expect(t1.date).toBe(tokyoDay);
    expect(l1.date).toBe(utcDay);

    // Each one's "today" is their own date; the partner's check-in shown is the one for that same date.
    const tokyoToday = await tokyo.client.get('/api/v1/checkins/today');
    expect(tokyoToday.body).toMatchObject({ date: tokyoDay, hasPartner: true, partners: null });
    expect(tokyoToday.body.mine.id).toBe(t1.id);
    const laToday = await la.client.get('/api/v1/checkins/today');
    expect(laToday.body).toMatchObject({ date: utcDay, partners: null });
    expect(laToday.body.mine.id).toBe(l1.id);

    // Tokyo's day ends at its own midnight (15:00 UTC): at 14:59 it can still change, at 15:00 it cannot.
    t.clock.set(new Date(Date.parse(`${tokyoDay}T14:59:00Z`)));
    expect((await tokyo.client.put(`/api/v1/checkins/${tokyoDay}`, body({ visibility: 'couple', mood: 'calm' }))).status).toBe(
      200,
    );
    // Los Angeles is now on Tokyo's date, and sees Tokyo's shared check-in for it.
    expect(dateIn('America/Los_Angeles')).toBe(tokyoDay);
    const laNext = await la.client.get('/api/v1/checkins/today');
    expect(laNext.body).toMatchObject({ date: tokyoDay, mine: null });
    expect(laNext.body.partners).toMatchObject({ id: t1.id, mine: false, mood: 'calm', editable: false });
    t.clock.set(new Date(Date.parse(`${tokyoDay}T15:00:00Z`)));
    const closed = await tokyo.client.put(`/api/v1/checkins/${tokyoDay}`, body({ visibility: 'couple' }));
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('not_today');

    // The same answer through the function the home screen uses.
    const actor = await loadActor(t.deps.db, la.id);
    if (!actor) throw new Error('no actor');
    const day = await checkinsForDay(t.deps, actor, tokyoDay);
    expect(day.mine).toBeNull();
    expect(day.partners?.id).toBe(t1.id);
    const before = await checkinsForDay(t.deps, actor, utcDay);
    expect(before.mine?.id).toBe(l1.id);
    expect(before.partners).toBeNull();
  });
});

describe('Check-ins: careful input', () => {
  it('names the field at fault', async () => {
    nextDayAt('10:00');
    const p = await t.signUp('Careful');
    const path = `/api/v1/checkins/${london()}`;
    const field = async (b: unknown, where = path) => {
      const res = await p.client.put(where, b);
      expect(res.status, res.text).toBe(400);
      return res.body.error.fields.map((f: { path: string }) => f.path);
    };
    expect(await field(body({ connected: 11 }))).toEqual(['connected']);
    expect(await field(body({ connected: -1 }))).toEqual(['connected']);
    expect(await field(body({ heard: 4.5 }))).toEqual(['heard']);
    expect(await field(body({ heard: '5' }))).toEqual(['heard']);
    expect(await field(body({ mood: 'ecstatic' }))).toEqual(['mood']);
    expect(await field(body({ line: 'x'.repeat(281) }))).toEqual(['line']);
    expect(await field(body({ visibility: 'public' }))).toEqual(['visibility']);
    expect(await field(body({ extra: true }))).toEqual(['extra']);
    const { heard: _omit, ...withoutHeard } = body();
    expect(await field(withoutHeard)).toEqual(['heard']);
    expect(await field(body(), '/api/v1/checkins/2026-02-30')).toEqual(['date']);
    expect(await field(body(), '/api/v1/checkins/tomorrow')).toEqual(['date']);
    // 280 characters is fine.
    expect((await p.client.put(path, body({ line: 'y'.repeat(280) }))).status).toBe(200);

    const list = async (q: string) => {
      const res = await p.client.get(`/api/v1/checkins?${q}`);
      expect(res.status, res.text).toBe(400);
      return res.body.error.fields[0].path;
    };
    expect(await list('from=2026-01-01&to=2026-04-03')).toBe('to');
    expect(await list('from=2026-02-01&to=2026-01-01')).toBe('from');
    expect(await list('from=soon')).toBe('from');
    expect(await list('days=3')).toBe('days');
    // At the far ends of the calendar: a 400 naming the field, never a 500.
    expect(await list('from=9999-12-25')).toBe('from');
    expect(await list('to=0100-01-02')).toBe('to');
    expect((await p.client.get('/api/v1/checkins?from=2026-01-01&to=2026-04-02')).status).toBe(200);
    expect((await p.client.get('/api/v1/checkins/not-an-id')).status).toBe(400);
  });

  it('a solo person keeps check-ins private: sharing waits for a partner', async () => {
    nextDayAt('10:00');
    const p = await t.signUp('Solo');
    const res = await p.client.put(`/api/v1/checkins/${london()}`, body({ visibility: 'couple' }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_partner');
    expect((await checkIn(p)).visibility).toBe('private');
  });

  it('seals the line and the notes at rest', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const made = await checkIn(a, { visibility: 'couple' });
    const reply = await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'note', text: 'The canary-wren note' });
    expect(reply.status).toBe(201);
    const row = await t.deps.db.selectFrom('checkins').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row.line_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('canary');
    const replies = await t.deps.db.selectFrom('checkin_replies').selectAll().where('checkin_id', '=', made.id).execute();
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(replies)).not.toContain('canary');
  });
});

describe('Check-ins: private means private', () => {
  it('the partner never learns that a private check-in exists: not in lists, not by id, not by any event', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const before = await seenBy(b);
    const stream = await b.client.stream('/api/v1/events');
    expect(await stream.next()).toMatchObject({ event: 'ready' });

    const made = await checkIn(a);
    await checkIn(a, { mood: 'low' });
    expect(await seenBy(b)).toBe(before);
    const asked = await b.client.get(`/api/v1/checkins/${made.id}`);
    const missing = await b.client.get(`/api/v1/checkins/${MISSING}`);
    expect(asked.status).toBe(404);
    expect(asked.text).toBe(missing.text);
    for (const r of [
      await b.client.delete(`/api/v1/checkins/${made.id}`),
      await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'talk-tonight' }),
    ]) {
      expect(r.status).toBe(404);
      expect(r.text).toBe(missing.text);
    }
    expect(await stream.drain(300)).toEqual([]);

    // Shared: the partner hears it and sees it.
    await checkIn(a, { visibility: 'couple' });
    const heard = await stream.drain(300);
    // …and their notification centre hears that something waits for them (to B's tabs only).
    expect(heard.map((e) => e.event)).toEqual(['checkin.changed', 'notification.created']);
    expect(heard[0]?.data).toContain(made.id);
    expect(heard[0]?.data).not.toContain('canary');
    expect((await b.client.get(`/api/v1/checkins/${made.id}`)).body).toMatchObject({ mine: false, line: LINE });

    // Private again: told once, as it was, so B's screen lets it go; then it is gone for B, and later changes say nothing.
    await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'reaction', reaction: 'hug' });
    await stream.drain(300);
    await checkIn(a, { visibility: 'private' });
    // (B's notification about it is taken back too, which looks exactly like a deletion.)
    expect((await stream.drain(300)).map((e) => e.event)).toEqual(['checkin.changed', 'notification.changed']);
    expect((await b.client.get(`/api/v1/checkins/${made.id}`)).text).toBe(missing.text);
    expect(await seenBy(b)).toBe(before);
    await checkIn(a, { visibility: 'private', mood: 'calm' });
    await a.client.delete(`/api/v1/checkins/${made.id}`);
    expect(await stream.drain(300)).toEqual([]);
    stream.close();
  });

  it('the author’s own tabs hear about a private check-in', async () => {
    nextDayAt('10:00');
    const { a } = await t.couple(['Alex', 'Sam']);
    const stream = await a.client.stream('/api/v1/events');
    expect(await stream.next()).toMatchObject({ event: 'ready' });
    await checkIn(a);
    expect((await stream.drain(300)).map((e) => e.event)).toEqual(['checkin.changed']);
    stream.close();
  });
});

describe('Check-ins: replies', () => {
  it('only the partner answers a shared check-in; the author sees every reply; both hear them live', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const made = await checkIn(a, { visibility: 'couple' });
    const streamA = await a.client.stream('/api/v1/events');
    expect(await streamA.next()).toMatchObject({ event: 'ready' });

    const own = await a.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'talk-tonight' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/partner/);

    const r1 = await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'reaction', reaction: 'heart' });
    expect(r1.status).toBe(201);
    t.clock.advance(1000);
    await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'note', text: '  I felt that too  ' });
    t.clock.advance(1000);
    const r3 = await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'talk-tonight' });
    const shape = [
      { kind: 'reaction', reaction: 'heart', text: null },
      { kind: 'note', reaction: null, text: 'I felt that too' },
      { kind: 'talk-tonight', reaction: null, text: null },
    ];
    expect(r3.body.replies).toMatchObject(shape.map((s) => ({ ...s, byMe: true })));
    const seen = await a.client.get(`/api/v1/checkins/${made.id}`);
    expect(seen.body.replies).toMatchObject(shape.map((s) => ({ ...s, byMe: false })));
    expect((await a.client.get('/api/v1/checkins')).body.checkins[0].replies).toHaveLength(3);
    const heard = await streamA.drain(300);
    expect(heard.map((e) => e.event)).toEqual(['checkin.reply', 'checkin.reply', 'checkin.reply']);
    expect(heard.map((e) => e.data).join()).not.toContain('felt that');
    streamA.close();

    // Invalid replies name their field.
    for (const [b2, path] of [
      [{ kind: 'reaction', reaction: 'thumbs' }, 'reaction'],
      [{ kind: 'note', text: '   ' }, 'text'],
      [{ kind: 'note', text: 'x'.repeat(281) }, 'text'],
      [{ kind: 'shrug' }, 'kind'],
    ] as const) {
      const res = await b.client.post(`/api/v1/checkins/${made.id}/replies`, b2);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.fields[0].path).toBe(path);
    }

    // Made private, the check-in and its replies leave B's view; A keeps seeing them.
    await checkIn(a, { visibility: 'private' });
    expect((await b.client.get(`/api/v1/checkins/${made.id}`)).status).toBe(404);
    expect((await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'talk-tonight' })).status).toBe(404);
    expect((await a.client.get(`/api/v1/checkins/${made.id}`)).body.replies).toHaveLength(3);
  });

  it('a check-in holds a bounded number of replies', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const made = await checkIn(a, { visibility: 'couple' });
    for (let i = 0; i < 20; i += 1) {
      expect((await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'talk-tonight' })).status).toBe(201);
    }
    const more = await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'talk-tonight' });
    expect(more.status).toBe(409);
    expect(more.body.error.code).toBe('enough_replies');
  });

  it('replies sent all at once still stop at the limit', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const made = await checkIn(a, { visibility: 'couple' });
    const sent = await Promise.all(
      Array.from({ length: 26 }, () => b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'talk-tonight' })),
    );
    expect(sent.filter((r) => r.status === 201)).toHaveLength(20);
    expect(sent.filter((r) => r.status === 409).every((r) => r.body.error.code === 'enough_replies')).toBe(true);
    expect((await a.client.get(`/api/v1/checkins/${made.id}`)).body.replies).toHaveLength(20);
  });
});

describe('Check-ins: the remembered default, lists and deleting', () => {
  it('remembers the visibility chosen last and uses it when none is given', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    expect((await a.client.get('/api/v1/checkins/preferences')).body).toEqual({ defaultVisibility: 'private' });
    expect((await a.client.get('/api/v1/checkins/today')).body).toMatchObject({ defaultVisibility: 'private', mine: null });
    await checkIn(a, { visibility: 'couple' });
    expect((await a.client.get('/api/v1/checkins/preferences')).body).toEqual({ defaultVisibility: 'couple' });
    // Each person has their own default.
    expect((await b.client.get('/api/v1/checkins/preferences')).body).toEqual({ defaultVisibility: 'private' });

    t.clock.advance(DAY_MS);
    const { visibility: _v, ...noVisibility } = body();
    const res = await a.client.put(`/api/v1/checkins/${london()}`, noVisibility);
    expect(res.status).toBe(200);
    expect(res.body.visibility).toBe('couple');
    await checkIn(a, { visibility: 'private' });
    expect((await a.client.get('/api/v1/checkins/today')).body.defaultVisibility).toBe('private');
  });

  it('lists the last 14 days by default, mine and my partner’s shared ones, newest first', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const first = london();
    const old = await checkIn(a);
    t.clock.advance(14 * DAY_MS);
    const recentA = await checkIn(a, { visibility: 'couple' });
    t.clock.advance(1000);
    const recentB = await checkIn(b, { visibility: 'couple' });
    t.clock.advance(DAY_MS);
    const latestB = await checkIn(b);

    const listA = await a.client.get('/api/v1/checkins');
    expect(listA.body.to).toBe(london());
    expect(listA.body.from).toBe(shiftDate(london(), -13));
    expect(listA.body.checkins.map((c: { id: string }) => c.id).sort()).toEqual([recentA.id, recentB.id].sort());
    expect(listA.body.checkins.map((c: { id: string }) => c.id)).not.toContain(latestB.id);
    const wide = await a.client.get(`/api/v1/checkins?from=${first}&to=${london()}`);
    expect(wide.body.checkins.map((c: { id: string }) => c.id)).toContain(old.id);
    expect(wide.body.checkins[0].date >= wide.body.checkins.at(-1).date).toBe(true);
    const listB = await b.client.get('/api/v1/checkins');
    expect(listB.body.checkins.map((c: { id: string }) => c.id)).toEqual([latestB.id, recentB.id, recentA.id]);
  });

  it('the author deletes a check-in with its replies; the partner cannot', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const made = await checkIn(a, { visibility: 'couple' });
    await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'talk-tonight' });
    expect((await b.client.delete(`/api/v1/checkins/${made.id}`)).status).toBe(403);
    expect((await a.client.delete(`/api/v1/checkins/${made.id}`)).status).toBe(204);
    expect((await a.client.get(`/api/v1/checkins/${made.id}`)).status).toBe(404);
    expect((await b.client.get(`/api/v1/checkins/${made.id}`)).status).toBe(404);
    const left = await t.deps.db.selectFrom('checkin_replies').select('id').where('checkin_id', '=', made.id).execute();
    expect(left).toEqual([]);
    // Today is open again.
    expect((await checkIn(a)).id).not.toBe(made.id);
  });

  it('a replayed write (same Idempotency-Key) answers the first result and changes nothing', async () => {
    nextDayAt('10:00');
    const p = await t.signUp('Offline');
    const headers = { 'idempotency-key': 'checkin-replay-key-1' };
    const first = await p.client.put(`/api/v1/checkins/${london()}`, body({ mood: 'calm' }), headers);
    expect(first.status).toBe(200);
    await checkIn(p, { mood: 'tired' });
    const replay = await p.client.put(`/api/v1/checkins/${london()}`, body({ mood: 'calm' }), headers);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect((await p.client.get(`/api/v1/checkins/${first.body.id}`)).body.mood).toBe('tired');
  });
});

describe('Check-ins: joining and leaving a space', () => {
  it('after leaving, each keeps their own check-ins; the other’s (and their replies) leave their view', async () => {
    nextDayAt('10:00');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const made = await checkIn(a, { visibility: 'couple' });
    const bOwn = await checkIn(b, { visibility: 'couple' });
    await b.client.post(`/api/v1/checkins/${made.id}/replies`, { kind: 'note', text: 'Proud of you today' });
    expect((await leaveSpace(b)).status).toBe(200);

    const mine = await a.client.get(`/api/v1/checkins/${made.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.replies).toEqual([]);
    expect((await a.client.get('/api/v1/checkins')).text).not.toContain('Proud of you');
    expect((await a.client.get(`/api/v1/checkins/${bOwn.id}`)).status).toBe(404);
    expect((await a.client.get('/api/v1/checkins/today')).body).toMatchObject({ hasPartner: false, partners: null });

    expect((await b.client.get(`/api/v1/checkins/${made.id}`)).status).toBe(404);
    const bList = await b.client.get('/api/v1/checkins');
    expect(bList.body.checkins.map((c: { id: string }) => c.id)).toEqual([bOwn.id]);

    // Still today, A can change it, but no longer share it with no one to share with.
    const reshared = await a.client.put(`/api/v1/checkins/${london()}`, body({ visibility: 'couple' }));
    expect(reshared.status).toBe(409);
    expect(reshared.body.error.code).toBe('no_partner');
    expect((await checkIn(a, { visibility: 'private' })).id).toBe(made.id);
  });

  it('a solo person’s private check-ins come along when they join, and stay private', async () => {
    nextDayAt('10:00');
    const solo = await t.signUp('Morgan');
    const host = await t.signUp('Quinn');
    const made = await checkIn(solo);
    const invite = await host.client.post('/api/v1/space/invites');
    expect((await solo.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(200);
    const space = await solo.client.get('/api/v1/space');
    const row = await t.deps.db.selectFrom('checkins').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row.space_id).toBe(space.body.id);
    expect(row.visibility).toBe('private');
    expect((await host.client.get(`/api/v1/checkins/${made.id}`)).status).toBe(404);
    // Shared now, the partner sees it.
    await checkIn(solo, { visibility: 'couple' });
    expect((await host.client.get(`/api/v1/checkins/${made.id}`)).status).toBe(200);
  });
});
