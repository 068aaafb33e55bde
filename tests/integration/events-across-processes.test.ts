/**
 * Live updates across processes (issue 15, decision 028). Every event takes a seq in commit order
 * (migration 0024); streams send it as the SSE id, drop anything at or below the last one sent, and
 * resume after it (an event id from before the migration still works while that event is stored).
 * Two processes on one PostgreSQL database: events-across-processes.pg.test.ts.
 *
 * On PostgreSQL, two app instances (two boots, each with its own PgEventBus and pool) share one
 * database, as two processes do: an event published through one reaches streams on the other, in
 * order and once; concurrent publishers on both never give a stream a lower or missing seq; a
 * sign-out on one closes the stream on the other at once; a listening connection killed while
 * events are published catches up when it is made again. On SQLite (one process per file) the same
 * cursor rules hold in one process. Tests wait on conditions, never on timings.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Db } from '../../src/db/database.js';
import { migrations } from '../../src/db/migrations/index.js';
import type { LiveEvent } from '../../src/realtime/event-bus.js';
import { insertEvent } from '../../src/realtime/events.repo.js';
import { type NewEvent, publishEvent } from '../../src/realtime/publish.js';
import { adminUrl, dropDatabase, quoteIdent, urlForDatabase, withAdmin } from '../support/pg.js';
import {
  createTestApp,
  type EventStreamReader,
  type Person,
  type StreamEvent,
  type TestApp,
  TestClient,
} from '../support/test-app.js';
import { testDbKind } from '../support/test-db.js';

const kind = testDbKind();

let t: TestApp;
const open: EventStreamReader[] = [];
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const s of open) s.close();
  await t?.close();
});

const _until = async (check: () => boolean | Promise<boolean>, tries = 500): Promise<boolean> => {
  for (let i = 0; i < tries; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
};

/** Opens a stream for this person's session on the given app (their cookie, another process). */
async function streamOn(app: Hono, p: Person, headers: Record<string, string> = {}): Promise<EventStreamReader> {
  const cookie = p.client.sessionCookie();
  if (!cookie) throw new Error(`${p.name} is not signed in`);
  const s = await new TestClient(app, p.name).stream('/api/v1/events', { cookie: `attune_session=${cookie}`, ...headers });
  open.push(s);
  expect(s.status).toBe(200);
  expect((await s.next())?.event).toBe('ready');
  return s;
}

/** Reads until `count` events came (or the stream stops giving any), then checks nothing more comes. */
async function collect(s: EventStreamReader, count: number): Promise<StreamEvent[]> {
  const got: StreamEvent[] = [];
  while (got.length < count) {
    const e = await s.next(10_000);
    if (!e) break;
    got.push(e);
  }
  got.push(...(await s.drain()));
  return got;
}

const seqs = (events: StreamEvent[]) => events.map((e) => Number(e.id));
const strictlyIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? Number.POSITIVE_INFINITY));

async function spaceOf(p: Person): Promise<string> {
  return (await p.client.get('/api/v1/space')).body.id as string;
}

const coupleEvent = (space: string, author: Person, kind: NewEvent['kind'] = 'log.changed'): NewEvent => ({
  kind,
  spaceId: space,
  authorId: author.id,
  visibility: 'couple',
});

describe(`one commit-ordered cursor (${kind})`, () => {
  it('sends each event with its seq as the SSE id, and resumes after a seq', async () => {
    const { a } = await t.couple(['Aspen', 'Birch']);
    const space = await spaceOf(a);
    const live = await streamOn(t.app, a);
    const published: LiveEvent[] = [];
    for (const k of ['log.changed', 'ack.changed', 'commitment.changed'] as const) {
      published.push(await publishEvent(t.deps, coupleEvent(space, a, k)));
    }
    const got = await collect(live, 3);
    expect(got.map((e) => e.event)).toEqual(['log.changed', 'ack.changed', 'commitment.changed']);
    expect(seqs(got)).toEqual(published.map((e) => e.seq));
    expect(strictlyIncreasing(seqs(got))).toBe(true);

    const resumed = await streamOn(t.app, a, { 'last-event-id': String(published[0]?.seq) });
    const replayed = await collect(resumed, 2);
    expect(replayed.map((e) => e.event)).toEqual(['ack.changed', 'commitment.changed']);
    expect(seqs(replayed)).toEqual(published.slice(1).map((e) => e.seq));
  });

  it('an event id from before the seq still resumes after that event; an unknown one starts from now', async () => {
    const { a } = await t.couple(['Cedar', 'Dogwood']);
    const space = await spaceOf(a);
    const first = await publishEvent(t.deps, coupleEvent(space, a, 'log.changed'));
    const second = await publishEvent(t.deps, coupleEvent(space, a, 'ack.changed'));
    const byOldId = await streamOn(t.app, a, { 'last-event-id': first.id });
    expect(seqs(await collect(byOldId, 1))).toEqual([second.seq]);

    const gone = '0190f000-0000-7000-8000-000000000000';
    const fromNow = await streamOn(t.app, a, { 'last-event-id': gone });
    // A seq this database never gave (a restored backup) starts from now too, instead of holding
    // back every event until the numbers pass it.
    const beyond = await streamOn(t.app, a, { 'last-event-id': String(second.seq + 1_000_000) });
    const later = await publishEvent(t.deps, coupleEvent(space, a, 'commitment.changed'));
    expect(seqs(await collect(fromNow, 1))).toEqual([later.seq]);
    expect(seqs(await collect(beyond, 1))).toEqual([later.seq]);

    const bad = await a.client.stream('/api/v1/events', { 'last-event-id': '12ab' });
    open.push(bad);
    expect(bad.status).toBe(400);
  });

  it('events published at once in one process reach a stream in strictly increasing seq order, none missing', async () => {
    const { a, b } = await t.couple(['Elm', 'Fir']);
    const space = await spaceOf(a);
    const streams = [await streamOn(t.app, a), await streamOn(t.app, b)];
    const published = await Promise.all(Array.from({ length: 20 }, () => publishEvent(t.deps, coupleEvent(space, a))));
    const expected = published.map((e) => e.seq).sort((x, y) => x - y);
    for (const s of streams) expect(seqs(await collect(s, 20))).toEqual(expected);
  });

  it('numbers stored events from one counter that never gives a number twice, even after the newest is deleted', async () => {
    const { a } = await t.couple(['Gorse', 'Hazel']);
    const space = await spaceOf(a);
    const one = await publishEvent(t.deps, coupleEvent(space, a));
    await t.deps.db.deleteFrom('events').where('id', '=', one.id).execute();
    const two = await publishEvent(t.deps, coupleEvent(space, a));
    expect(two.seq).toBe(one.seq + 1);
    const stored = await t.deps.db.selectFrom('events').select('seq').where('id', '=', two.id).executeTakeFirstOrThrow();
    expect(Number(stored.seq)).toBe(two.seq);
  });
});

describe(`the migration numbers stored events in id order (${kind})`, () => {
  it('gives existing events seqs in id order, and the next event the next seq', async () => {
    const { db, cleanup } = await emptyDatabase();
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const names = Object.keys(migrations).sort((x, y) => x.localeCompare(y));
      const before = names[names.indexOf('0024_event_sequence') - 1] ?? '';
      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      const row = (id: string) => ({
        id,
        space_id: 'space-1',
        author_id: 'user-1',
        visibility: 'couple',
        audience_id: null,
        kind: 'log.changed',
        subject_id: null,
        created_at: '2026-01-01T00:00:00.000Z',
      });
      // Inserted out of id order: the ids decide.
      const ids = [
        '0190f000-0000-7000-8000-00000000000c',
        '0190f000-0000-7000-8000-00000000000a',
        '0190f000-0000-7000-8000-00000000000b',
      ];
      await sql`INSERT INTO events (id, space_id, author_id, visibility, audience_id, kind, subject_id, created_at) VALUES ${sql.join(
        ids.map((id) => {
          const r = row(id);
          return sql`(${r.id}, ${r.space_id}, ${r.author_id}, ${r.visibility}, ${r.audience_id}, ${r.kind}, ${r.subject_id}, ${r.created_at})`;
        }),
      )}`.execute(db);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await db.selectFrom('events').select(['id', 'seq']).orderBy('seq').execute();
      expect(rows.map((r) => [r.id, Number(r.seq)])).toEqual([...ids].sort().map((id, i) => [id, i + 1]));
      const counter = await db.selectFrom('event_sequence').select('last_seq').executeTakeFirstOrThrow();
      expect(Number(counter.last_seq)).toBe(3);
      const next = await insertEvent(db, {
        id: '0190f000-0000-7000-8000-000000000001',
        spaceId: 'space-1',
        authorId: 'user-1',
        visibility: 'couple',
        audienceId: null,
        kind: 'log.changed',
        subjectId: null,
        at: '2026-01-02T00:00:00.000Z',
      });
      expect(next.seq).toBe(4);
    } finally {
      await cleanup();
    }
  });
});

async function emptyDatabase(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'attune-seq-'));
    const db = createDatabase({ kind, url: join(dir, 'attune.sqlite') });
    return {
      db,
      cleanup: async () => {
        await db.destroy().catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `attune_t_${inject('pgRunId')}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const db = createDatabase({ kind, url: urlForDatabase(adminUrl(), name) });
  return {
    db,
    cleanup: async () => {
      await db.destroy().catch(() => undefined);
      await withAdmin((client) => dropDatabase(client, name));
    },
  };
}

/**
 * Swaps a booted process's bus for one whose safety read never comes during a test, so what arrives
 * came by notification (or by the catch-up of a reconnect); `backoffMs` slows the first reconnect, so
 * a test can publish while it is not listening.
 */
