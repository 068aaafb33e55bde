import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, leaveSpace, type Person, type TestApp } from '../support/test-app.js';

// Bids and affection: a private log. The author logs, lists, marks, changes and deletes; the weekly
// figures follow the author's zone; the partner gets nothing at all, not even an event.

let t: TestApp;
// A Wednesday: 09:00 in London, 22:00 in Auckland.
const NOW = '2026-03-11T09:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await t?.close();
});

const WORDS = 'Asked if they wanted to walk by the river tonight, a canary phrase';

async function log(p: Person, body: Record<string, unknown>): Promise<any> {
  const res = await p.client.post('/api/v1/bids', body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('Bids: my own log', () => {
  it('logs a gesture and a bid, lists them newest first, marks, changes and deletes', async () => {
    const p = await t.signUp('Logger');
    const gesture = await log(p, { kind: 'gesture', text: '  Made them tea  ', at: '2026-03-10T18:00:00Z' });
    expect(gesture).toMatchObject({
      kind: 'gesture',
      text: 'Made them tea',
      at: '2026-03-10T18:00:00.000Z',
      localDate: '2026-03-10',
      response: null,
      fromEarlierSpace: false,
    });
    const bid = await log(p, { kind: 'bid', text: WORDS });
    expect(bid).toMatchObject({ kind: 'bid', text: WORDS, at: NOW, response: null });
    t.clock.advance(1000);
    const blank = await log(p, { kind: 'bid', text: '   ', response: 'toward' });
    expect(blank).toMatchObject({ text: null, response: 'toward' });

    const list = await p.client.get('/api/v1/bids');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ from: '2026-02-26', to: '2026-03-11', timeZone: 'Europe/London', truncated: false });
    expect(list.body.bids.map((b: { id: string }) => b.id)).toEqual([blank.id, bid.id, gesture.id]);

    const marked = await p.client.patch(`/api/v1/bids/${bid.id}`, { response: 'away' });
    expect(marked.status, marked.text).toBe(200);
    expect(marked.body).toMatchObject({ response: 'away', text: WORDS });
    const changedMind = await p.client.patch(`/api/v1/bids/${bid.id}`, { response: 'toward', text: null });
    expect(changedMind.body).toMatchObject({ response: 'toward', text: null });
    const unmarked = await p.client.patch(`/api/v1/bids/${bid.id}`, { response: null });
    expect(unmarked.body.response).toBeNull();
    expect((await p.client.get(`/api/v1/bids/${bid.id}`)).body).toMatchObject({ id: bid.id, response: null });

    // Turning a marked bid into a gesture clears its response: a gesture has none.
    const turned = await p.client.patch(`/api/v1/bids/${blank.id}`, { kind: 'gesture' });
    expect(turned.body).toMatchObject({ kind: 'gesture', response: null });

    expect((await p.client.delete(`/api/v1/bids/${gesture.id}`)).status).toBe(204);
    expect((await p.client.get(`/api/v1/bids/${gesture.id}`)).status).toBe(404);
    expect((await p.client.delete(`/api/v1/bids/${gesture.id}`)).status).toBe(404);
    const after = await p.client.get('/api/v1/bids');
    expect(after.body.bids.map((b: { id: string }) => b.id)).toEqual([blank.id, bid.id]);
  });

  it('lists a chosen window of local days in my zone, at most 92 days', async () => {
    const p = await t.signUp('Window');
    expect((await p.client.patch('/api/v1/me', { timeZone: 'Pacific/Auckland' })).status).toBe(200);
    // 23:30 UTC on 1 March is already 2 March in Auckland.
    const late = await log(p, { kind: 'bid', at: '2026-03-01T23:30:00Z' });
    const early = await log(p, { kind: 'bid', at: '2026-02-28T12:00:00Z' });
    expect(late.localDate).toBe('2026-03-02');
    const march = await p.client.get('/api/v1/bids?from=2026-03-02&to=2026-03-02');
    expect(march.body.bids.map((b: { id: string }) => b.id)).toEqual([late.id]);
    const feb = await p.client.get('/api/v1/bids?from=2026-02-01&to=2026-03-01');
    expect(feb.body.bids.map((b: { id: string }) => b.id)).toEqual([early.id]);

    // 30 November to 2 March is 93 days, counting both.
    const tooWide = await p.client.get('/api/v1/bids?from=2025-11-30&to=2026-03-02');
    expect(tooWide.status).toBe(400);
    expect(tooWide.body.error.fields).toEqual([{ path: 'to', message: expect.stringContaining('92 days') }]);
    const backwards = await p.client.get('/api/v1/bids?from=2026-03-05&to=2026-03-01');
    expect(backwards.body.error.fields[0].path).toBe('from');
    const notADate = await p.client.get('/api/v1/bids?from=2026-02-30');
    expect(notADate.status).toBe(400);
    expect(notADate.body.error.fields[0].path).toBe('from');
    const exactly92 = await p.client.get('/api/v1/bids?from=2025-12-01&to=2026-03-02');
    expect(exactly92.status).toBe(200);
    expect(exactly92.body.bids).toHaveLength(2);
  });

  it('refuses bad input, naming the field', async () => {
    const p = await t.signUp('Careful');
    const future = await p.client.post('/api/v1/bids', { kind: 'bid', at: '2026-03-11T10:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([{ path: 'at', message: expect.any(String) }]);
    // A phone clock a few seconds ahead is fine: it counts as now.
    const drift = await log(p, { kind: 'bid', at: '2026-03-11T09:00:20Z' });
    expect(drift.at).toBe(NOW);
    const ancient = await p.client.post('/api/v1/bids', { kind: 'bid', at: '2024-01-01T10:00:00Z' });
    expect(ancient.body.error.fields[0].path).toBe('at');
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'hug' }, 'kind'],
      [{}, 'kind'],
      [{ kind: 'bid', at: 'yesterday' }, 'at'],
      // A day that does not exist is refused, not rolled over into March.
      [{ kind: 'bid', at: '2026-02-30T10:00:00Z' }, 'at'],
      [{ kind: 'bid', response: 'ignored' }, 'response'],
      [{ kind: 'gesture', response: 'toward' }, 'response'],
      [{ kind: 'bid', text: 'x'.repeat(281) }, 'text'],
      [{ kind: 'bid', partnerId: randomUUID() }, 'partnerId'],
    ];
    for (const [body, field] of cases) {
      const res = await p.client.post('/api/v1/bids', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const gesture = await log(p, { kind: 'gesture' });
    const patch = await p.client.patch(`/api/v1/bids/${gesture.id}`, { response: 'toward' });
    expect(patch.status).toBe(400);
    expect(patch.body.error.fields[0].path).toBe('response');
    const patchFuture = await p.client.patch(`/api/v1/bids/${gesture.id}`, { at: '2026-04-01T00:00:00Z' });
    expect(patchFuture.body.error.fields[0].path).toBe('at');
    expect((await p.client.get('/api/v1/bids/summary?weeks=0')).body.error.fields[0].path).toBe('weeks');
    expect((await p.client.get('/api/v1/bids/summary?weeks=53')).body.error.fields[0].path).toBe('weeks');
    expect((await p.client.get('/api/v1/bids/summary?weeks=two')).status).toBe(400);
    // At the far ends of the calendar: a 400 naming the field, never a 500.
    expect((await p.client.get('/api/v1/bids?from=9999-12-25')).body.error.fields[0].path).toBe('from');
    expect((await p.client.get('/api/v1/bids?to=0100-01-02')).body.error.fields[0].path).toBe('to');
    expect((await p.client.get('/api/v1/bids/not-an-id')).body.error.fields[0].path).toBe('id');
  });

  it('logs once when the same write is sent twice with one Idempotency-Key', async () => {
    const { a, b } = await t.couple(['Twice', 'Once']);
    const key = { 'idempotency-key': `bid-${randomUUID()}` };
    const first = await a.client.post('/api/v1/bids', { kind: 'bid', text: WORDS }, key);
    const again = await a.client.post('/api/v1/bids', { kind: 'bid', text: WORDS }, key);
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await a.client.get('/api/v1/bids')).body.bids).toHaveLength(1);
    // Keys belong to one person: the partner sending the same key gets their own bid, never mine.
    const theirs = await b.client.post('/api/v1/bids', { kind: 'bid', text: WORDS }, key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('seals the words at rest', async () => {
    const p = await t.signUp('Sealed');
    const bid = await log(p, { kind: 'bid', text: WORDS });
    const row = await t.deps.db.selectFrom('bids').selectAll().where('id', '=', bid.id).executeTakeFirstOrThrow();
    expect(row.text_sealed).toMatch(/^v1\./);
    expect(row.text_sealed).not.toContain('canary');
    expect(row.visibility).toBe('private');
    expect(JSON.stringify(row)).not.toContain('canary');
  });
});

describe('Bids: the weekly figures', () => {
  it('counts per Monday-start week in my zone, with the turning-toward ratio over marked bids', async () => {
    const p = await t.signUp('Figures');
    expect((await p.client.patch('/api/v1/me', { timeZone: 'Pacific/Auckland' })).status).toBe(200);
    // This week in Auckland runs Mon 9 – Sun 15 March; last week Mon 2 – Sun 8 March.
    // Sunday 8 March 12:30 UTC is already Monday 9 March, 01:30, in Auckland: this week.
    await log(p, { kind: 'bid', at: '2026-03-08T12:30:00Z', response: 'toward' });
    await log(p, { kind: 'bid', at: '2026-03-10T08:00:00Z', response: 'toward' });
    await log(p, { kind: 'bid', at: '2026-03-10T09:00:00Z', response: 'against' });
    await log(p, { kind: 'bid', at: '2026-03-10T10:00:00Z' });
    await log(p, { kind: 'gesture', at: '2026-03-10T11:00:00Z' });
    // Sunday 8 March 10:00 UTC is 23:00 on Sunday in Auckland: last week.
    await log(p, { kind: 'bid', at: '2026-03-08T10:00:00Z', response: 'away' });
    await log(p, { kind: 'bid', at: '2026-03-03T10:00:00Z' });
    // Before the window.
    await log(p, { kind: 'bid', at: '2026-02-27T10:00:00Z', response: 'toward' });

    const res = await p.client.get('/api/v1/bids/summary?weeks=2');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      from: '2026-03-02',
      to: '2026-03-15',
      timeZone: 'Pacific/Auckland',
      weeks: [
        { weekStart: '2026-03-02', gestures: 0, bids: 2, toward: 0, away: 1, against: 0, unmarked: 1, ratio: 0 },
        { weekStart: '2026-03-09', gestures: 1, bids: 4, toward: 2, away: 0, against: 1, unmarked: 1, ratio: 2 / 3 },
      ],
      total: { gestures: 1, bids: 6, toward: 2, away: 1, against: 1, unmarked: 2, ratio: 0.5 },
    });

    const byDefault = await p.client.get('/api/v1/bids/summary');
    expect(byDefault.body.weeks).toHaveLength(12);
    expect(byDefault.body.weeks[0].weekStart).toBe('2025-12-22');
    expect(byDefault.body.total).toMatchObject({ bids: 7, toward: 3, ratio: 0.6 });
  });

  it('is null where no bid is marked', async () => {
    const p = await t.signUp('Unmarked');
    await log(p, { kind: 'bid' });
    const res = await p.client.get('/api/v1/bids/summary?weeks=1');
    expect(res.body.weeks).toEqual([
      { weekStart: '2026-03-09', gestures: 0, bids: 1, toward: 0, away: 0, against: 0, unmarked: 1, ratio: null },
    ]);
    expect(res.body.total.ratio).toBeNull();
  });

  it('counts only bids of the space I share now; earlier ones stay in my log', async () => {
    const { a, b } = await t.couple(['Ash', 'Birch']);
    const earlier = await log(a, { kind: 'bid', response: 'away' });
    await leaveSpace(a);
    const list = await a.client.get('/api/v1/bids');
    expect(list.body.bids).toEqual([expect.objectContaining({ id: earlier.id, fromEarlierSpace: true })]);
    expect((await a.client.get('/api/v1/bids/summary?weeks=1')).body.total.bids).toBe(0);
    expect((await b.client.get('/api/v1/bids')).body.bids).toEqual([]);
  });

  it('brings a solo person’s log along when they join a partner', async () => {
    const solo = await t.signUp('Solo');
    const mine = await log(solo, { kind: 'bid', response: 'toward' });
    const host = await t.signUp('Host');
    const invite = await host.client.post('/api/v1/space/invites');
    expect((await solo.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(200);
    expect((await solo.client.get(`/api/v1/bids/${mine.id}`)).body.fromEarlierSpace).toBe(false);
    expect((await solo.client.get('/api/v1/bids/summary?weeks=1')).body.total.toward).toBe(1);
    expect((await host.client.get(`/api/v1/bids/${mine.id}`)).status).toBe(404);
  });
});

describe('Bids: the partner sees nothing', () => {
  it('not in lists, not one by one, not in figures, and a 404 identical to a missing id', async () => {
    const { a, b } = await t.couple(['Cedar', 'Dune']);
    const bid = await log(a, { kind: 'bid', text: WORDS, response: 'toward' });
    await log(a, { kind: 'gesture', text: 'Left a note in their bag, canary two' });

    const list = await b.client.get('/api/v1/bids');
    expect(list.status).toBe(200);
    expect(list.body.bids).toEqual([]);
    const summary = await b.client.get('/api/v1/bids/summary');
    expect(summary.body.total).toEqual({ gestures: 0, bids: 0, toward: 0, away: 0, against: 0, unmarked: 0, ratio: null });
    for (const res of [list, summary]) expect(res.text).not.toContain('canary');

    const missing = randomUUID();
    const pairs: [string, string, unknown?][] = [
      ['GET', `/api/v1/bids/${bid.id}`],
      ['PATCH', `/api/v1/bids/${bid.id}`, { response: 'against' }],
      ['DELETE', `/api/v1/bids/${bid.id}`],
    ];
    for (const [method, path, body] of pairs) {
      const hidden = await b.client.request(method, path, body);
      const absent = await b.client.request(method, path.replace(bid.id, missing), body);
      expect(hidden.status, `${method} ${path}`).toBe(404);
      expect(hidden.text).toBe(absent.text);
      expect([...hidden.headers.keys()].sort()).toEqual([...absent.headers.keys()].sort());
    }
    // Nothing the partner tried changed anything.
    expect((await a.client.get(`/api/v1/bids/${bid.id}`)).body).toMatchObject({ response: 'toward', text: WORDS });

    // Nor does the partner's own log mix with mine.
    const theirs = await log(b, { kind: 'gesture' });
    expect((await a.client.get('/api/v1/bids')).body.bids.map((x: { id: string }) => x.id)).not.toContain(theirs.id);
    expect((await a.client.get(`/api/v1/bids/${theirs.id}`)).status).toBe(404);
  });

  it('publishes no event at all: the partner’s stream hears nothing, and neither does the events table', async () => {
    const { a, b } = await t.couple(['Elm', 'Fern']);
    const [streamA, streamB] = await Promise.all([a.client.stream('/api/v1/events'), b.client.stream('/api/v1/events')]);
    expect((await streamA.next())?.event).toBe('ready');
    expect((await streamB.next())?.event).toBe('ready');
    const before = await t.deps.db.selectFrom('events').select('id').execute();

    const bid = await log(a, { kind: 'bid', text: WORDS });
    await a.client.patch(`/api/v1/bids/${bid.id}`, { response: 'away' });
    const gesture = await log(a, { kind: 'gesture' });
    await a.client.delete(`/api/v1/bids/${gesture.id}`);
    await a.client.get('/api/v1/bids/summary');

    expect(await streamB.drain(400)).toEqual([]);
    expect(await streamA.drain(100)).toEqual([]);
    streamA.close();
    streamB.close();
    const after = await t.deps.db.selectFrom('events').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});
