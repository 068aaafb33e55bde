import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, leaveSpace, type Person, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

// 2026-11-23 is a Monday. London is on UTC in November, so local times read as UTC there.
const MONDAY = '2026-11-23';
const MINUTE = 60_000;
const DAILY_9PM = { kind: 'daily', by: '21:00' } as const;

async function coupleAt(at: string, zoneA?: string): Promise<{ a: Person; b: Person }> {
  t.clock.set(at);
  const pair = await t.couple(['Alex', 'Sam']);
  if (zoneA) expect((await pair.a.client.patch('/api/v1/me', { timeZone: zoneA })).status).toBe(200);
  return pair;
}

async function commit(p: Person, body: Record<string, unknown> = {}) {
  const res = await p.client.post('/api/v1/commitments', {
    agreementId: null,
    what: 'Ask about your day at dinner, phone away',
    schedule: DAILY_9PM,
    startsOn: MONDAY,
    ...body,
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; [k: string]: any };
}

const occPath = (id: string, key: string, side: 'mark' | 'ack') =>
  `/api/v1/commitments/${id}/occurrences/${encodeURIComponent(key)}/${side}`;
const mark = (p: Person, id: string, key: string, body: Record<string, unknown>) => p.client.put(occPath(id, key, 'mark'), body);
const ack = (p: Person, id: string, key: string, body: Record<string, unknown>) => p.client.put(occPath(id, key, 'ack'), body);
const occurrences = async (p: Person, id: string, from: string, to: string) => {
  const res = await p.client.get(`/api/v1/commitments/${id}/occurrences?from=${from}&to=${to}`);
  expect(res.status, res.text).toBe(200);
  return res.body.occurrences as any[];
};
const figures = async (p: Person, from: string, to: string) => {
  const res = await p.client.get(`/api/v1/figures?from=${from}&to=${to}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('Commitments: making them', () => {
  it('waits for a partner: a solo person gets 409 no_partner, for commitments and appreciations alike', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const solo = await t.signUp('Solo');
    const res = await solo.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Walk together',
      schedule: DAILY_9PM,
      startsOn: MONDAY,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_partner');
    const appreciation = await solo.client.post('/api/v1/appreciations', { text: 'Made tea', on: MONDAY });
    expect(appreciation.status).toBe(409);
    const list = await solo.client.get('/api/v1/commitments');
    expect(list.body).toMatchObject({ commitments: [], hasPartner: false, truncated: false });
  });

  it('is made directly or from an agreement; both partners see it, the actor from their side', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const need = await a.client.post('/api/v1/needs', { text: 'Ask about my day at dinner, most evenings' });
    await a.client.post(`/api/v1/needs/${need.body.id}/share`);
    const agreed = await b.client.post(`/api/v1/needs/${need.body.id}/respond`, { kind: 'accept' });
    const agreementId = agreed.body.agreementId as string;

    const fromAgreement = await commit(b, { agreementId, what: 'Ask about your day at dinner' });
    expect(fromAgreement).toMatchObject({
      agreementId,
      actorIsMe: true,
      state: 'active',
      what: 'Ask about your day at dinner',
      schedule: DAILY_9PM,
      described: 'Every day, by 21:00',
      zone: 'Europe/London',
      startsOn: MONDAY,
      endedAt: null,
      pauses: [],
      canChange: true,
    });
    expect(fromAgreement.versions).toHaveLength(1);
    t.clock.advance(1000);
    const direct = await commit(a, {
      schedule: { kind: 'weekdays', days: [1, 4], by: null },
      what: 'Cook on Mondays and Thursdays',
    });
    expect(direct).toMatchObject({ agreementId: null, described: 'Mondays and Thursdays' });

    const seenByA = await a.client.get('/api/v1/commitments');
    expect(seenByA.status).toBe(200);
    expect(seenByA.body.commitments.map((c: any) => [c.id, c.actorIsMe, c.canChange])).toEqual([
      [direct.id, true, true],
      [fromAgreement.id, false, false],
    ]);
    const one = await a.client.get(`/api/v1/commitments/${fromAgreement.id}`);
    expect(one.body).toMatchObject({ actorIsMe: false, what: 'Ask about your day at dinner' });

    const row = await t.deps.db
      .selectFrom('commitment_versions')
      .selectAll()
      .where('commitment_id', '=', direct.id)
      .executeTakeFirstOrThrow();
    expect(row.what_sealed).toMatch(/^v1\./);
    expect(row.what_sealed).not.toContain('Cook');
  });

  it('refuses what cannot work, naming the field', async () => {
    const { a } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const outsider = await t.signUp('Other');
    const post = (body: Record<string, unknown>) =>
      a.client.post('/api/v1/commitments', { agreementId: null, what: 'Walk', schedule: DAILY_9PM, startsOn: MONDAY, ...body });
    const field = async (body: Record<string, unknown>) => {
      const res = await post(body);
      expect(res.status, res.text).toBe(400);
      return res.body.error.fields[0].path;
    };
    expect(await field({ startsOn: '2026-11-22' })).toBe('startsOn');
    expect(await field({ startsOn: '2028-11-23' })).toBe('startsOn');
    expect(await field({ what: '   ' })).toBe('what');
    expect(await field({ what: 'x'.repeat(301) })).toBe('what');
    expect(await field({ schedule: { kind: 'weekly', times: 8 } })).toMatch(/^schedule/);
    expect(await field({ schedule: { kind: 'weekdays', days: [], by: null } })).toMatch(/^schedule/);
    expect(await field({ schedule: { kind: 'daily', by: '25:00' } })).toMatch(/^schedule/);
    expect(await field({ schedule: { kind: 'once', date: MONDAY, by: '07:00' } })).toBe('schedule.date');
    expect(await field({ schedule: { kind: 'fortnightly' } })).toMatch(/^schedule/);
    // Another couple's agreement answers exactly like one that does not exist.
    const need = await outsider.client.post('/api/v1/needs', { text: 'Something of theirs' });
    expect(await field({ agreementId: need.body.id })).toBe('agreementId');
  });

  it('answers dates at the far ends of the calendar with 400 or 404, never a 500', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    const weekly = await commit(a, { schedule: { kind: 'weekly', times: 3 } });
    for (const path of [
      `/api/v1/commitments/${c.id}/occurrences?from=9999-12-25`,
      `/api/v1/commitments/${c.id}/occurrences?to=0100-01-02`,
      '/api/v1/figures?from=9999-12-25',
      '/api/v1/appreciations?from=9999-12-25',
    ]) {
      const res = await a.client.get(path);
      expect(res.status, `${path}: ${res.text}`).toBe(400);
      expect(res.body.error.fields[0].path).toMatch(/^(from|to)$/);
    }
    for (const [who, id, key, side, body] of [
      [a, c.id, '9999-12-31', 'mark', { status: 'done' }],
      [a, c.id, '0100-01-01', 'mark', { status: 'done' }],
      [a, weekly.id, '9999-12-27#1', 'mark', { status: 'done' }],
      [b, c.id, '9999-12-31', 'ack', { noticed: true }],
    ] as const) {
      const res = await who.client.put(occPath(id, key, side), body);
      expect(res.status, `${key} ${side}: ${res.text}`).toBe(404);
    }
    const far = await a.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Someday',
      schedule: { kind: 'once', date: '9999-12-31', by: '23:59' },
      startsOn: MONDAY,
    });
    expect(far.status, far.text).toBe(400);
    expect(far.body.error.fields[0].path).toBe('schedule.date');
  });

  it('a change is a new dated version: old occurrences keep the old words and schedule', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a, { what: 'Text you at lunch' });
    t.clock.set('2026-11-24T12:00:00.000Z');
    expect((await b.client.patch(`/api/v1/commitments/${c.id}`, { what: 'Something else' })).status).toBe(403);
    const changed = await a.client.patch(`/api/v1/commitments/${c.id}`, {
      what: 'Call you at lunch',
      schedule: { kind: 'daily', by: '18:00' },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ what: 'Call you at lunch', described: 'Every day, by 18:00' });
    expect(changed.body.versions.map((v: any) => [v.what, v.from])).toEqual([
      ['Text you at lunch', `${MONDAY}T08:00:00.000Z`],
      ['Call you at lunch', '2026-11-24T12:00:00.000Z'],
    ]);
    // The same again changes nothing.
    const again = await a.client.patch(`/api/v1/commitments/${c.id}`, { what: 'Call you at lunch' });
    expect(again.body.versions).toHaveLength(2);
    expect((await a.client.patch(`/api/v1/commitments/${c.id}`, {})).status).toBe(400);

    const list = await occurrences(b, c.id, MONDAY, '2026-11-26');
    expect(list.map((o) => [o.key, o.due, o.what])).toEqual([
      [MONDAY, `${MONDAY}T21:00:00.000Z`, 'Text you at lunch'],
      ['2026-11-24', '2026-11-24T18:00:00.000Z', 'Call you at lunch'],
      ['2026-11-25', '2026-11-25T18:00:00.000Z', 'Call you at lunch'],
      ['2026-11-26', '2026-11-26T18:00:00.000Z', 'Call you at lunch'],
    ]);
    expect(list[0]).toMatchObject({ actorIsMe: false, duePassed: true, counted: true, canMark: false, canAck: true });
    expect(list[3]).toMatchObject({ duePassed: false, counted: false, canAck: false, opensOn: '2026-11-26' });
  });
  it('after one of us leaves, the actor keeps the record as it was; the other no longer sees it', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    await mark(a, c.id, MONDAY, { status: 'done' });
    const acked = await b.client.put(`/api/v1/commitments/${c.id}/occurrences/${MONDAY}/ack`, { noticed: true, helped: 3 });
    expect(acked.status, acked.text).toBe(200);
    expect((await occurrences(a, c.id, MONDAY, MONDAY))[0]?.ack).toMatchObject({ noticed: true, helped: 3 });
    expect((await leaveSpace(b)).status).toBe(200);
    expect((await b.client.get(`/api/v1/commitments/${c.id}`)).status).toBe(404);
    expect((await a.client.get('/api/v1/commitments')).body.commitments).toEqual([]);
    const kept = await a.client.get(`/api/v1/commitments/${c.id}`);
    expect(kept.body).toMatchObject({ actorIsMe: true, canChange: false });
    const closed = await mark(a, c.id, MONDAY, { status: 'missed' });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('space_closed');
    // The actor keeps their own side; the other's acknowledgement leaves their view with the space.
    expect((await occurrences(a, c.id, MONDAY, MONDAY))[0]).toMatchObject({
      canMark: false,
      mark: { status: 'done' },
      ack: null,
    });
  });
});

describe('The log: two sides', () => {
  it('the actor marks done or missed with an honest date; the receiver says whether they noticed', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const outsider = await t.signUp('Outsider');
    const c = await commit(a, { schedule: { kind: 'daily', by: null } });

    const done = await mark(a, c.id, MONDAY, { status: 'done', note: 'Nearly forgot, a distinctive canary note' });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({
      key: MONDAY,
      due: '2026-11-24T00:00:00.000Z',
      counted: true,
      duePassed: false,
      mark: {
        status: 'done',
        doneOn: MONDAY,
        note: 'Nearly forgot, a distinctive canary note',
        markedAt: `${MONDAY}T08:00:00.000Z`,
      },
      ack: null,
    });
    expect(done.body.mark.undoUntil).toBe(`${MONDAY}T08:10:00.000Z`);
    const row = await t.deps.db
      .selectFrom('occurrence_marks')
      .selectAll()
      .where('commitment_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.note_sealed).toMatch(/^v1\./);
    expect(row.note_sealed).not.toContain('canary');
    expect(row.author_id).toBe(a.id);

    // Marking the same again changes nothing, not even the time it was marked.
    t.clock.advance(2 * MINUTE);
    const repeat = await mark(a, c.id, MONDAY, { status: 'done', note: 'Nearly forgot, a distinctive canary note' });
    expect(repeat.body.mark.markedAt).toBe(`${MONDAY}T08:00:00.000Z`);

    // Tomorrow has not started; a done date cannot be ahead of today.
    const early = await mark(a, c.id, '2026-11-24', { status: 'done' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_yet');
    const ahead = await mark(a, c.id, MONDAY, { status: 'done', doneOn: '2026-11-24' });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error.fields[0].path).toBe('doneOn');
    expect((await mark(a, c.id, '2026-11-20', { status: 'done' })).status).toBe(404);
    expect((await mark(a, c.id, 'once', { status: 'done' })).status).toBe(404);
    expect((await mark(a, c.id, 'tuesday', { status: 'done' })).status).toBe(400);

    // Each side is its own.
    expect((await mark(b, c.id, MONDAY, { status: 'missed' })).status).toBe(403);
    expect((await ack(a, c.id, MONDAY, { noticed: true })).status).toBe(403);
    expect((await b.client.delete(occPath(c.id, MONDAY, 'mark'))).status).toBe(403);

    const noticed = await ack(b, c.id, MONDAY, { noticed: true, helped: 2 });
    expect(noticed.status, noticed.text).toBe(200);
    expect(noticed.body).toMatchObject({ actorIsMe: false, ack: { noticed: true, helped: 2 }, mark: { status: 'done' } });
    expect(noticed.body.mark.undoUntil).toBeNull();
    expect((await ack(b, c.id, MONDAY, { noticed: false, helped: 2 })).status).toBe(400);
    const changedMind = await ack(b, c.id, MONDAY, { noticed: false });
    expect(changedMind.body.ack).toMatchObject({ noticed: false, helped: null });
    const ackRow = await t.deps.db
      .selectFrom('occurrence_acks')
      .selectAll()
      .where('commitment_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(ackRow.author_id).toBe(b.id);

    // The next day, honestly: Tuesday's done on Tuesday, marked on Wednesday.
    t.clock.set('2026-11-25T09:00:00.000Z');
    const late = await mark(a, c.id, '2026-11-24', { status: 'done', doneOn: '2026-11-24' });
    expect(late.body.mark).toMatchObject({ doneOn: '2026-11-24', markedAt: '2026-11-25T09:00:00.000Z' });
    const before = await mark(a, c.id, '2026-11-24', { status: 'done', doneOn: MONDAY });
    expect(before.status).toBe(400);
    const missed = await mark(a, c.id, '2026-11-25', { status: 'missed', doneOn: '2026-11-25', note: 'Worked late' });
    expect(missed.body.mark).toMatchObject({ status: 'missed', doneOn: null, note: 'Worked late' });

    // Someone who cannot see the commitment gets the answer for one that does not exist.
    const missingId = '01890000-0000-7000-8000-000000000000';
    for (const [path, send] of [
      [`/api/v1/commitments/${c.id}`, (p: string) => outsider.client.get(p)],
      [`/api/v1/commitments/${c.id}/occurrences`, (p: string) => outsider.client.get(p)],
      [occPath(c.id, MONDAY, 'mark'), (p: string) => outsider.client.put(p, { status: 'done' })],
      [occPath(c.id, MONDAY, 'ack'), (p: string) => outsider.client.put(p, { noticed: true })],
      [`/api/v1/commitments/${c.id}/pause`, (p: string) => outsider.client.post(p)],
    ] as const) {
      const hidden = await send(path);
      const missing = await send(path.replace(c.id, missingId));
      expect(hidden.status).toBe(404);
      expect(hidden.text).toBe(missing.text);
    }
  });

  it('a mark can be taken back within ten minutes, then it stays (and can still be changed)', async () => {
    const { a } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    expect((await mark(a, c.id, MONDAY, { status: 'done' })).status).toBe(200);
    t.clock.advance(9 * MINUTE);
    expect((await a.client.delete(occPath(c.id, MONDAY, 'mark'))).status).toBe(204);
    expect((await a.client.delete(occPath(c.id, MONDAY, 'mark'))).status).toBe(404);
    expect((await mark(a, c.id, MONDAY, { status: 'done' })).status).toBe(200);
    t.clock.advance(11 * MINUTE);
    const undo = await a.client.delete(occPath(c.id, MONDAY, 'mark'));
    expect(undo.status).toBe(409);
    expect(undo.body.error.code).toBe('too_late');
    const changed = await mark(a, c.id, MONDAY, { status: 'missed' });
    expect(changed.body.mark.status).toBe('missed');
  });

  it('a replayed write with the same Idempotency-Key changes nothing', async () => {
    const { a } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    const key = { 'idempotency-key': 'mark-monday-once' };
    const first = await a.client.put(occPath(c.id, MONDAY, 'mark'), { status: 'done' }, key);
    t.clock.advance(MINUTE);
    const replay = await a.client.put(occPath(c.id, MONDAY, 'mark'), { status: 'done' }, key);
    expect(replay.status).toBe(200);
    expect(replay.body.mark.markedAt).toBe(first.body.mark.markedAt);
  });

  it('tells the partner live, with ids and kinds only', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a, { what: 'A private-sounding canary promise' });
    const stream = await b.client.stream('/api/v1/events');
    await stream.next();
    await mark(a, c.id, MONDAY, { status: 'done', note: 'canary note' });
    await b.client.post('/api/v1/appreciations', { text: 'canary thanks', on: MONDAY });
    await a.client.post(`/api/v1/commitments/${c.id}/pause`);
    const events = await stream.drain();
    stream.close();
    expect(events.map((e) => e.event)).toEqual(['log.changed', 'appreciation.added', 'commitment.changed']);
    expect(JSON.parse(events[0]?.data ?? '{}')).toMatchObject({ kind: 'log.changed', subjectId: c.id });
    expect(JSON.stringify(events)).not.toContain('canary');
    await a.client.post(`/api/v1/commitments/${c.id}/resume`);
    t.clock.advance(MINUTE);
    const aStream = await a.client.stream('/api/v1/events');
    await aStream.next();
    const acked = await ack(b, c.id, MONDAY, { noticed: true });
    expect(acked.status, acked.text).toBe(200);
    expect((await aStream.drain()).map((e) => e.event)).toEqual(['ack.changed', 'notification.created']);
    aStream.close();
  });
});

describe('Pauses, the end, and figures', () => {
  it('paused days are shown as paused and left out of every figure; the numbers match a hand count', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    t.clock.set(`${MONDAY}T22:00:00.000Z`);
    await mark(a, c.id, MONDAY, { status: 'done' });
    await ack(b, c.id, MONDAY, { noticed: true, helped: 3 });
    t.clock.set('2026-11-24T10:00:00.000Z');
    expect((await b.client.post(`/api/v1/commitments/${c.id}/pause`)).status).toBe(403);
    const paused = await a.client.post(`/api/v1/commitments/${c.id}/pause`);
    expect(paused.body).toMatchObject({ state: 'paused', pauses: [{ from: '2026-11-24T10:00:00.000Z', until: null }] });
    // Pausing again changes nothing.
    expect((await a.client.post(`/api/v1/commitments/${c.id}/pause`)).body.pauses).toHaveLength(1);
    const inPause = await mark(a, c.id, '2026-11-24', { status: 'done' });
    expect(inPause.status).toBe(409);
    expect(inPause.body.error.code).toBe('paused');
    t.clock.set('2026-11-26T10:00:00.000Z');
    const resumed = await a.client.post(`/api/v1/commitments/${c.id}/resume`);
    expect(resumed.body).toMatchObject({ state: 'active', pauses: [{ until: '2026-11-26T10:00:00.000Z' }] });
    t.clock.set('2026-11-26T22:00:00.000Z');
    await mark(a, c.id, '2026-11-26', { status: 'missed', note: 'Train was cancelled' });
    t.clock.set('2026-11-28T22:00:00.000Z');
    await mark(a, c.id, '2026-11-28', { status: 'done' });
    await ack(b, c.id, '2026-11-28', { noticed: false });
    t.clock.set('2026-11-29T10:00:00.000Z');

    const list = await occurrences(a, c.id, MONDAY, '2026-11-29');
    expect(list.map((o) => [o.key, o.paused, o.counted])).toEqual([
      [MONDAY, false, true],
      ['2026-11-24', true, false],
      ['2026-11-25', true, false],
      ['2026-11-26', false, true],
      ['2026-11-27', false, true],
      ['2026-11-28', false, true],
      ['2026-11-29', false, false],
    ]);
    // Counted: Mon (done, noticed), Thu (missed), Fri (not marked), Sat (done, not noticed).
    const expected = { due: 4, done: 2, noticed: 1, followThrough: 0.5, feltRate: 0.25, gap: 0.25 };
    const mine = await figures(a, MONDAY, '2026-11-29');
    expect(mine).toMatchObject({ from: MONDAY, to: '2026-11-29', mine: expected });
    expect(mine.partners).toMatchObject({ due: 0, followThrough: null, gap: null });
    expect(mine.commitments).toEqual([{ id: c.id, what: expect.any(String), actorIsMe: true, figures: expected }]);
    const theirs = await figures(b, MONDAY, '2026-11-29');
    expect(theirs).toMatchObject({ mine: { due: 0 }, partners: expected });
    expect(theirs.commitments[0].actorIsMe).toBe(false);

    const bad = await a.client.get('/api/v1/figures?from=2025-11-01&to=2026-11-29');
    expect(bad.status).toBe(400);
    expect((await a.client.get('/api/v1/figures?from=2026-11-29&to=2026-11-01')).status).toBe(400);
    expect((await a.client.get(`/api/v1/commitments/${c.id}/occurrences?from=2026-01-01&to=2026-11-29`)).status).toBe(400);
  });

  it('two tabs pausing at once make one pause', async () => {
    const { a } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    const all = await Promise.all(Array.from({ length: 4 }, () => a.client.post(`/api/v1/commitments/${c.id}/pause`)));
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const view = await a.client.get(`/api/v1/commitments/${c.id}`);
    expect(view.body.pauses).toEqual([{ from: `${MONDAY}T08:00:00.000Z`, until: null }]);
  });

  it('versions and pauses are bounded, so reading a commitment never grows without end', async () => {
    const { a } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    for (let i = 1; i < 100; i++) {
      t.clock.advance(60_000);
      expect((await a.client.patch(`/api/v1/commitments/${c.id}`, { what: `Wording ${i}` })).status).toBe(200);
    }
    const tooMany = await a.client.patch(`/api/v1/commitments/${c.id}`, { what: 'One more' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('too_many_changes');
    for (let i = 0; i < 200; i++) {
      t.clock.advance(60_000);
      expect((await a.client.post(`/api/v1/commitments/${c.id}/pause`)).status).toBe(200);
      expect((await a.client.post(`/api/v1/commitments/${c.id}/resume`)).status).toBe(200);
    }
    const again = await a.client.post(`/api/v1/commitments/${c.id}/pause`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('too_many_changes');
    // 500 requests in a row: a safety cap for a busy two-core machine, not a measure of speed.
  }, 120_000);

  it('ending stops new occurrences; the ended commitment stays as it was', async () => {
    const { a } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    t.clock.set('2026-11-25T10:00:00.000Z');
    const ended = await a.client.post(`/api/v1/commitments/${c.id}/end`);
    expect(ended.body).toMatchObject({ state: 'ended', endedAt: '2026-11-25T10:00:00.000Z', canChange: false });
    expect((await occurrences(a, c.id, MONDAY, '2026-11-29')).map((o) => o.key)).toEqual([MONDAY, '2026-11-24']);
    for (const res of [
      await a.client.patch(`/api/v1/commitments/${c.id}`, { what: 'Again' }),
      await a.client.post(`/api/v1/commitments/${c.id}/pause`),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('ended');
    }
    // What was due before the end can still be marked honestly.
    expect((await mark(a, c.id, '2026-11-24', { status: 'done', doneOn: '2026-11-24' })).status).toBe(200);
    expect((await a.client.post(`/api/v1/commitments/${c.id}/end`)).body.endedAt).toBe('2026-11-25T10:00:00.000Z');
  });

  it('n times a week and a one-off, for an actor in New York across the clocks going back on 1 November 2026', async () => {
    // Monday 26 October 2026, 08:00 in New York (EDT, UTC−4).
    const { a, b } = await coupleAt('2026-10-26T12:00:00.000Z', 'America/New_York');
    const weekly = await commit(a, { schedule: { kind: 'weekly', times: 3 }, startsOn: '2026-10-26', what: 'Plan an evening' });
    expect(weekly).toMatchObject({ zone: 'America/New_York', described: '3 times a week' });
    const daily = await commit(a, { schedule: DAILY_9PM, startsOn: '2026-10-30' });
    const once = await commit(a, { schedule: { kind: 'once', date: '2026-11-01', by: '10:00' }, startsOn: '2026-10-26' });

    // Starting at 08:00 on Monday leaves six days of that week: ceil(3 × 6 / 7) = 3 slots, all due
    // when the week ends at midnight, which after the change is 05:00 UTC.
    const slots = await occurrences(a, weekly.id, '2026-10-26', '2026-11-01');
    expect(slots.map((o) => [o.key, o.due, o.localDate, o.opensOn])).toEqual([
      ['2026-10-26#1', '2026-11-02T05:00:00.000Z', '2026-11-01', '2026-10-26'],
      ['2026-10-26#2', '2026-11-02T05:00:00.000Z', '2026-11-01', '2026-10-26'],
      ['2026-10-26#3', '2026-11-02T05:00:00.000Z', '2026-11-01', '2026-10-26'],
    ]);
    const days = await occurrences(a, daily.id, '2026-10-30', '2026-11-02');
    expect(days.map((o) => [o.key, o.due])).toEqual([
      ['2026-10-30', '2026-10-31T01:00:00.000Z'],
      ['2026-10-31', '2026-11-01T01:00:00.000Z'],
      ['2026-11-01', '2026-11-02T02:00:00.000Z'],
      ['2026-11-02', '2026-11-03T02:00:00.000Z'],
    ]);
    expect((await occurrences(a, once.id, '2026-10-26', '2026-11-08')).map((o) => [o.key, o.due, o.opensOn])).toEqual([
      ['once', '2026-11-01T15:00:00.000Z', '2026-10-26'],
    ]);

    // Slots of a week can be kept on any of its days; next week's cannot be marked yet.
    t.clock.set('2026-10-27T23:00:00.000Z'); // Tuesday 19:00 in New York
    expect((await mark(a, weekly.id, '2026-10-26#1', { status: 'done' })).body.mark.doneOn).toBe('2026-10-27');
    expect((await mark(a, weekly.id, '2026-11-02#1', { status: 'done' })).status).toBe(409);
    expect((await mark(a, once.id, 'once', { status: 'done' })).status).toBe(200);
    // Saturday 31 October, 23:30 in New York is already Sunday in London (B's zone).
    t.clock.set('2026-11-01T03:30:00.000Z');
    expect((await mark(a, weekly.id, '2026-10-26#2', { status: 'done', doneOn: '2026-10-31' })).status).toBe(200);
    await mark(a, daily.id, '2026-10-30', { status: 'done', doneOn: '2026-10-30' });
    await mark(a, daily.id, '2026-10-31', { status: 'done' });
    await ack(b, weekly.id, '2026-10-26#1', { noticed: true, helped: 3 });
    await ack(b, daily.id, '2026-10-31', { noticed: true });
    await ack(b, once.id, 'once', { noticed: true, helped: 1 });

    // Monday 2 November, 07:00 in New York: the week is over.
    t.clock.set('2026-11-02T12:00:00.000Z');
    // Counted for 26 Oct – 1 Nov: 3 weekly slots (2 done, 1 noticed), daily 30, 31 Oct and 1 Nov
    // (2 done, 1 noticed), the one-off (done, noticed): due 7, done 5, noticed 3.
    const f = await figures(b, '2026-10-26', '2026-11-01');
    expect(f.partners).toMatchObject({ due: 7, done: 5, noticed: 3 });
    expect(f.partners.followThrough).toBeCloseTo(5 / 7);
    expect(f.partners.feltRate).toBeCloseTo(3 / 7);
    expect(f.partners.gap).toBeCloseTo(2 / 7);
    const byId = Object.fromEntries(f.commitments.map((c: any) => [c.id, c.figures]));
    expect(byId[weekly.id]).toMatchObject({ due: 3, done: 2, noticed: 1 });
    expect(byId[daily.id]).toMatchObject({ due: 3, done: 2, noticed: 1 });
    expect(byId[once.id]).toMatchObject({ due: 1, done: 1, noticed: 1 });
  });
});

describe('Today, appreciations and what was said', () => {
  it('today lists mine to mark (with the overdue) and my partner’s done ones waiting for me', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const c = await commit(a);
    t.clock.set('2026-11-25T09:00:00.000Z');
    await mark(a, c.id, '2026-11-24', { status: 'done', doneOn: '2026-11-24' });
    const mine = await a.client.get('/api/v1/log/today');
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body).toMatchObject({ date: '2026-11-25', zone: 'Europe/London' });
    expect(mine.body.toMark.map((o: any) => o.key)).toEqual([MONDAY, '2026-11-25']);
    expect(mine.body.toAcknowledge).toEqual([]);
    expect(mine.body.figures).toMatchObject({ mine: { due: 2, done: 1 } });
    const theirs = await b.client.get('/api/v1/log/today');
    expect(theirs.body.toMark).toEqual([]);
    expect(theirs.body.toAcknowledge.map((o: any) => [o.key, o.canAck])).toEqual([['2026-11-24', true]]);
    await ack(b, c.id, '2026-11-24', { noticed: true });
    expect((await b.client.get('/api/v1/log/today')).body.toAcknowledge).toEqual([]);
  });

  it('appreciations are shared with the partner, sealed at rest, and dated honestly', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const outsider = await t.signUp('Away');
    const res = await b.client.post('/api/v1/appreciations', { text: 'You made soup when I was tired, canary', on: MONDAY });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ byMe: true, on: MONDAY, text: 'You made soup when I was tired, canary' });
    expect((await b.client.post('/api/v1/appreciations', { text: 'Later', on: '2026-11-24' })).status).toBe(400);
    expect((await b.client.post('/api/v1/appreciations', { text: ' ', on: MONDAY })).status).toBe(400);
    const row = await t.deps.db.selectFrom('appreciations').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row.text_sealed).not.toContain('canary');
    const seen = await a.client.get(`/api/v1/appreciations?from=${MONDAY}&to=${MONDAY}`);
    expect(seen.body).toMatchObject({ from: MONDAY, to: MONDAY, truncated: false });
    expect(seen.body.appreciations).toEqual([expect.objectContaining({ id: res.body.id, byMe: false })]);
    expect((await outsider.client.get('/api/v1/appreciations')).body.appreciations).toEqual([]);
  });

  it('shows the latest acknowledgement each of us wrote in Talk beside the commitments', async () => {
    const { a, b } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const convo = await a.client.post('/api/v1/conversations', { mode: 'two-devices' });
    expect(convo.status, convo.text).toBe(201);
    await a.client.patch(`/api/v1/conversations/${convo.body.id}`, { action: 'close' });
    await a.client.post(`/api/v1/conversations/${convo.body.id}/turns`, { kind: 'takeaway', text: 'Slow down' });
    await b.client.post(`/api/v1/conversations/${convo.body.id}/turns`, { kind: 'takeaway', text: 'Say what I need' });
    const ACK = { did: 'I stopped asking about your day', effect: 'You felt alone at home', change: 'I will ask at dinner' };
    const written = await a.client.post(`/api/v1/conversations/${convo.body.id}/acknowledgements`, ACK);
    expect(written.status, written.text).toBe(201);
    await b.client.post(`/api/v1/conversations/${convo.body.id}/acknowledgements/${written.body.id}/reply`, { felt: 'partly' });
    const seenByB = await b.client.get('/api/v1/commitments');
    expect(seenByB.body.acknowledgements).toEqual({
      mine: null,
      partners: expect.objectContaining({ ...ACK, byMe: false, reply: expect.objectContaining({ byMe: true, felt: 'partly' }) }),
    });
    expect((await a.client.get('/api/v1/commitments')).body.acknowledgements.mine).toMatchObject({ ...ACK, byMe: true });
  });

  it('finds each person’s latest acknowledgement through an index, not by reading every couple’s', async () => {
    const { a } = await coupleAt(`${MONDAY}T08:00:00.000Z`);
    const space = (await a.client.get('/api/v1/space')).body;
    const query = t.deps.db
      .selectFrom('acknowledgements')
      .select(['id', 'created_at'])
      .where('author_id', '=', a.id)
      .where('space_id', '=', space.id)
      .where('visibility', '=', 'couple')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .compile();
    const plan = await t.deps.db.connection().execute(async (conn) => {
      if (t.database.kind === 'postgres') await sql`SET enable_seqscan = off`.execute(conn);
      const prefix = t.database.kind === 'postgres' ? 'EXPLAIN ' : 'EXPLAIN QUERY PLAN ';
      const rows = (await conn.executeQuery(CompiledQuery.raw(prefix + query.sql, [...query.parameters]))).rows;
      if (t.database.kind === 'postgres') await sql`RESET enable_seqscan`.execute(conn);
      return JSON.stringify(rows);
    });
    expect(plan).toContain('acknowledgements_author_space_idx');
  });
});
