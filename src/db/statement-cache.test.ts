import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { StatementCache } from './statement-cache';

/** A database that counts what it prepares. */
function fakeDb() {
  const prepared: string[] = [];
  let closed = false;
  return {
    prepared,
    get closed() {
      return closed;
    },
    prepare(text: string) {
      prepared.push(text);
      return { text, busy: false };
    },
    close() {
      closed = true;
    },
  };
}

describe('StatementCache', () => {
  it('prepares each SQL text once and hands back the same statement on a hit', () => {
    const db = fakeDb();
    const cache = new StatementCache(db, 3);
    const first = cache.prepare('select 1');
    expect(cache.prepare('select 1')).toBe(first);
    expect(cache.prepare('select 2')).not.toBe(first);
    expect(db.prepared).toEqual(['select 1', 'select 2']);
  });

  it('never holds more than its bound, and lets the least recently used go first', () => {
    const db = fakeDb();
    const cache = new StatementCache(db, 2);
    cache.prepare('a');
    cache.prepare('b');
    cache.prepare('a'); // a is now the most recent
    cache.prepare('c'); // b goes
    expect(cache.size).toBe(2);
    cache.prepare('a');
    cache.prepare('c');
    expect(db.prepared).toEqual(['a', 'b', 'c']);
    cache.prepare('b');
    expect(db.prepared).toEqual(['a', 'b', 'c', 'b']);
    for (let i = 0; i < 100; i++) cache.prepare(`select ${i}`);
    expect(cache.size).toBe(2);
  });

  it('prepares a fresh statement while the cached one is busy being iterated', () => {
    const db = fakeDb();
    const cache = new StatementCache(db, 2);
    const first = cache.prepare('select 1');
    first.busy = true;
    const second = cache.prepare('select 1');
    expect(second).not.toBe(first);
    first.busy = false;
    expect(cache.prepare('select 1')).toBe(first);
  });

  it('refuses a bound below one and closes the database it wraps', () => {
    expect(() => new StatementCache(fakeDb(), 0)).toThrow();
    const db = fakeDb();
    const cache = new StatementCache(db, 2);
    cache.prepare('a');
    cache.close();
    expect(db.closed).toBe(true);
    expect(cache.size).toBe(0);
  });

  it('gives the same answers through Kysely on better-sqlite3, across a schema change and streamed reads', async () => {
    const raw = new SQLite(':memory:');
    const cache = new StatementCache(raw, 4);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: cache }) });
    await sql`create table t (id integer primary key, v text)`.execute(db);
    for (const v of ['a', 'b', 'c']) await db.insertInto('t').values({ v }).execute();
    const read = () => db.selectFrom('t').selectAll().orderBy('id').execute();
    expect(await read()).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
      { id: 3, v: 'c' },
    ]);
    // A migration adds a column: the cached `select *` sees it (SQLite re-prepares it).
    await sql`alter table t add column w text`.execute(db);
    expect((await read())[0]).toEqual({ id: 1, v: 'a', w: null });
    // A streamed read iterates a cached statement (Kysely holds its one connection meanwhile) and leaves it reusable.
    const seen: unknown[] = [];
    for await (const row of db.selectFrom('t').selectAll().orderBy('id').stream()) seen.push(row);
    expect(seen).toHaveLength(3);
    expect(await read()).toHaveLength(3);
    // Straight on better-sqlite3: while one iteration is open, the same text gets a statement of its own.
    const text = 'select v from t order by id';
    const iterating = cache.prepare(text).iterate([]);
    iterating.next();
    expect(cache.prepare(text).all([])).toEqual([{ v: 'a' }, { v: 'b' }, { v: 'c' }]);
    iterating.return?.();
    expect(cache.size).toBeLessThanOrEqual(4);
    await db.destroy();
  });
});
