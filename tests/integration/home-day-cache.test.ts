import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaceGeneration } from '../../src/db/change-generations.js';
import { countedTables, UNCOUNTED_TABLES } from '../../src/db/migrations/0025_change_generations.js';
import { SAFETY_QUESTIONS } from '../../src/domain/safety.js';
import { createTestApp, freshReauth, type Person, type TestApp } from '../support/test-app.js';
import { testDbKind } from '../support/test-db.js';

// Each person's computed home day is kept in memory until something in it changes (decision 030), on
// SQLite and PostgreSQL. What must hold: a kept day is never older than the data it shows, whoever
// wrote the data and however (a route, the partner, a write straight into the database), and time
// alone changes it at the instant it should (a due time, an undo window closing, local midnight).

const kind = testDbKind();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-25T10:00:00.000Z');
});
afterAll(async () => {
  await t?.close();
});

const counts = () => ({ ...t.deps.homeDays.counts });
async function today(p: Person) {
  const res = await p.client.get('/api/v1/today');
  expect(res.status, res.text).toBe(200);
  return res.body;
}
async function spaceOf(p: Person): Promise<string> {
  return (await p.client.get('/api/v1/space')).body.id as string;
}

describe('the kept home day', () => {
  it('is answered again from memory while nothing changed, the same answer', async () => {
    const { a } = await t.couple(['Aster', 'Briar']);
    // The first look of a day stores the day's question (a write to the space), so the second is
    // computed again; from then on nothing changes.
    await today(a);
    const first = await today(a);
    const before = counts();
    const again = await today(a);
    expect(again).toEqual(first);
    expect(counts()).toEqual({ kept: before.kept + 1, computed: before.computed });
  });

  it("is computed again after my partner's write, and shows it", async () => {
    const { a, b } = await t.couple(['Cedar', 'Dune']);
    const created = await b.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Ask how the day went',
      schedule: { kind: 'daily', by: null },
      startsOn: '2026-11-25',
    });
    expect(created.status, created.text).toBe(201);
    await today(a);
    const key = (await today(b)).act.toMark[0].key as string;
    expect(
      (await b.client.put(`/api/v1/commitments/${created.body.id}/occurrences/${key}/mark`, { status: 'done' })).status,
    ).toBe(200);
    const before = counts();
    const after = await today(a);
    expect(after.act.toAcknowledge.map((o: { key: string }) => o.key)).toEqual([key]);
    expect(counts().computed).toBe(before.computed + 1);
  });

  it('is computed again after a write straight into the database, not through any route', async () => {
    const { a } = await t.couple(['Elm', 'Fern']);
    expect((await today(a)).zone).toBe('Europe/London');
    const generation = await spaceGeneration(t.deps.db, await spaceOf(a));
    await sql`UPDATE users SET time_zone = ${'Asia/Tokyo'} WHERE id = ${a.id}`.execute(t.deps.db);
    expect(await spaceGeneration(t.deps.db, await spaceOf(a))).not.toBe(generation);
    expect((await today(a)).zone).toBe('Asia/Tokyo');
  });

  it('changes with time alone: a due time passing, the undo window closing, local midnight', async () => {
    t.clock.set('2026-11-25T12:00:00.000Z');
    const { a } = await t.couple(['Gale', 'Heath']);
    const evening = await a.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Put the phone away at dinner',
      schedule: { kind: 'daily', by: '18:05' },
      startsOn: '2026-11-25',
    });
    expect(evening.status, evening.text).toBe(201);
    const open = (await today(a)).act.toMark[0];
    expect(open.due).toBe('2026-11-25T18:05:00.000Z');
    expect(open.duePassed).toBe(false);

    // A millisecond before it falls due, the kept day still holds; at the due time it does not.
    t.clock.set('2026-11-25T18:04:59.999Z');
    expect((await today(a)).act.toMark[0].duePassed).toBe(false);
    t.clock.set('2026-11-25T18:05:00.000Z');
    expect((await today(a)).act.toMark[0].duePassed).toBe(true);

    // Marked at 18:05: it can be taken back for ten minutes, and the day says until when.
    const mark = await a.client.put(`/api/v1/commitments/${evening.body.id}/occurrences/${open.key}/mark`, {
      status: 'done',
    });
    expect(mark.status, mark.text).toBe(200);
    const marked = () => today(a).then((d) => d.act.recent.find((o: { key: string }) => o.key === open.key).mark);
    expect((await marked()).undoUntil).toBe('2026-11-25T18:15:00.000Z');
    t.clock.set('2026-11-25T18:15:00.000Z');
    expect((await marked()).undoUntil).toBe('2026-11-25T18:15:00.000Z');
    t.clock.set('2026-11-25T18:15:00.001Z');
    expect((await marked()).undoUntil).toBeNull();

    // London's midnight: the same second on either side of it is another day.
    t.clock.set('2026-11-25T23:59:59.999Z');
    expect((await today(a)).date).toBe('2026-11-25');
    t.clock.set('2026-11-26T00:00:00.000Z');
    expect((await today(a)).date).toBe('2026-11-26');
    t.clock.set('2026-11-25T10:00:00.000Z');
  });

  it('is never given to another person, nor to me once I am in another space', async () => {
    const { a, b } = await t.couple(['Iris', 'Juno']);
    const line = 'canary-kept-day-private-line';
    const put = await a.client.put('/api/v1/checkins/2026-11-25', {
      connected: 6,
      heard: 5,
      mood: 'calm',
      line,
      visibility: 'private',
    });
    expect(put.status, put.text).toBe(200);
    for (let i = 0; i < 3; i += 1) {
      expect((await today(a)).checkins.mine.line).toBe(line);
      const partners = await b.client.get('/api/v1/today');
      expect(partners.body.checkins).toEqual({ mine: null, partners: null });
      expect(partners.text).not.toContain(line);
    }
    // Leaving the space: the day kept for the old space is not reused.
    const space = await spaceOf(a);
    await freshReauth(a);
    const left = await a.client.post('/api/v1/space/leave');
    expect(left.status, left.text).toBe(200);
    expect(await spaceOf(a)).not.toBe(space);
    const before = counts();
    await today(a);
    expect(counts().computed).toBe(before.computed + 1);
  });

  it('a change to my own row in a space I have left reaches the space I am in now', async () => {
    const { a, b } = await t.couple(['Quince', 'Rue']);
    const line = 'canary-written-before-the-space-closed';
    const put = await a.client.put('/api/v1/checkins/2026-11-25', {
      connected: 4,
      heard: 4,
      mood: 'okay',
      line,
      visibility: 'private',
    });
    expect(put.status, put.text).toBe(200);
    await freshReauth(b);
    expect((await b.client.post('/api/v1/space/leave')).status).toBe(200);
    // Today's check-in is mine wherever it was written: home shows it, and keeps that day.
    await today(a);
    expect((await today(a)).checkins.mine?.line).toBe(line);
    expect((await a.client.delete(`/api/v1/checkins/${put.body.id}`)).status).toBe(204);
    expect((await today(a)).checkins.mine).toBeNull();
  });

  it('drops days past their time in a sweep, whether or not anyone asks again, and forgets a person at once', async () => {
    t.clock.set('2026-11-25T10:00:00.000Z');
    t.deps.homeDays.sweep(); // days the tests above kept at other times
    const { a, b } = await t.couple(['Sorrel', 'Tansy']);
    await today(a);
    await today(b);
    const kept = t.deps.homeDays.size;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(t.deps.homeDays.sweep()).toBe(0);
    t.deps.homeDays.forget(a.id);
    expect(t.deps.homeDays.size).toBe(kept - 1);
    // Past the quarter hour every day kept so far has gone, though nobody asked for it.
    t.clock.set('2026-11-25T10:15:00.000Z');
    expect(t.deps.homeDays.sweep()).toBe(kept - 1);
    expect(t.deps.homeDays.size).toBe(0);
    t.clock.set('2026-11-25T10:00:00.000Z');
  });

  it('many writes of both partners at once all succeed, each counted', async () => {
    const { a, b } = await t.couple(['Kestrel', 'Linden']);
    const space = await spaceOf(a);
    const before = Number(await spaceGeneration(t.deps.db, space));
    const writes = [a, b].flatMap((p) =>
      Array.from({ length: 6 }, (_, i) =>
        p.client.post('/api/v1/needs', { text: `I would like us to plan something small together, idea ${i + 1}` }),
      ),
    );
    const answers = await Promise.all(writes);
    for (const res of answers) expect(res.status, res.text).toBe(201);
    expect(Number(await spaceGeneration(t.deps.db, space))).toBeGreaterThanOrEqual(before + 12);
  });
});

describe('the change count (migration 0025)', () => {
  it('counts every table of the schema, or names it as left out', async () => {
    const counted = new Set(countedTables().map((c) => c.table));
    const uncounted = new Set<string>(UNCOUNTED_TABLES);
    const tables =
      kind === 'sqlite'
        ? (
            await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(
              t.deps.db,
            )
          ).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(
              t.deps.db,
            )
          ).rows.map((r) => r.name);
    for (const table of tables) expect(counted.has(table) || uncounted.has(table), table).toBe(true);
    for (const table of counted) expect(uncounted.has(table), table).toBe(false);
    // And each counted table really has its triggers.
    const triggers =
      kind === 'sqlite'
        ? (await sql<{ name: string }>`SELECT tbl_name AS name FROM sqlite_master WHERE type = 'trigger'`.execute(t.deps.db)).rows
        : (
            await sql<{
              name: string;
            }>`SELECT c.relname AS name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal`.execute(
              t.deps.db,
            )
          ).rows;
    const perTable = new Map<string, number>();
    for (const { name } of triggers) perTable.set(name, (perTable.get(name) ?? 0) + 1);
    for (const table of counted) expect(perTable.get(table), table).toBe(kind === 'sqlite' ? 3 : 1);
  });

  it("a person's own row without a space (a safety check) counts against the space they are in now", async () => {
    const { a } = await t.couple(['Maple', 'Nettle']);
    const space = await spaceOf(a);
    const before = await spaceGeneration(t.deps.db, space);
    const saved = await a.client.put('/api/v1/safety', {
      answers: Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.id, 'no'])),
    });
    expect(saved.status, saved.text).toBe(200);
    expect(await spaceGeneration(t.deps.db, space)).not.toBe(before);
  });
});

describe('HOME_DAYS_KEPT=0', () => {
  it('keeps no day: each look is computed, with the same answer', async () => {
    const none = await createTestApp({ env: { HOME_DAYS_KEPT: '0' } });
    try {
      const { a } = await none.couple(['Oak', 'Poppy']);
      const first = await a.client.get('/api/v1/today');
      const second = await a.client.get('/api/v1/today');
      const third = await a.client.get('/api/v1/today');
      expect(third.body).toEqual(second.body);
      expect(first.status).toBe(200);
      expect(none.deps.homeDays.counts).toEqual({ kept: 0, computed: 3 });
      expect(none.deps.homeDays.size).toBe(0);
    } finally {
      await none.close();
    }
  });
});
