/**
 * Live updates across processes on PostgreSQL (issue 15, decision 028); a *.pg.test.ts file runs in
 * the PostgreSQL project only (SQLite is one process per file). Two app instances (two boots, each with its own PgEventBus and pool) share one
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
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { boot } from '../../src/boot.js';
import { createDatabase, type Db } from '../../src/db/database.js';
import type { AppDeps } from '../../src/deps.js';
import type { LiveEvent } from '../../src/realtime/event-bus.js';
import { PgEventBus } from '../../src/realtime/pg-event-bus.js';
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

const until = async (check: () => boolean | Promise<boolean>, tries = 500): Promise<boolean> => {
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

async function _emptyDatabase(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
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

interface Instance {
  app: Hono;
  deps: AppDeps;
  bus: PgEventBus;
  close(): Promise<void>;
}

/**
 * Swaps a booted process's bus for one whose safety read never comes during a test, so what arrives
 * came by notification (or by the catch-up of a reconnect); `backoffMs` slows the first reconnect, so
 * a test can publish while it is not listening.
 */
async function withoutSafetyRead(deps: AppDeps, db: Db, backoffMs?: number): Promise<PgEventBus> {
  if (!(deps.events instanceof PgEventBus)) throw new Error('a PostgreSQL boot should fan out through PostgreSQL');
  await deps.events.close();
  const bus = new PgEventBus({
    db,
    url: t.database.target.url,
    pollMs: 600_000,
    ...(backoffMs === undefined ? {} : { backoffMs, maxBackoffMs: backoffMs }),
  });
  await bus.start();
  deps.events = bus;
  return bus;
}

/** Another process on the same database: its own pool, its own boot and its own PgEventBus. */
async function secondInstance(backoffMs?: number): Promise<Instance> {
  const db = createDatabase(t.database.target);
  const deps = await boot(t.deps.config, { clock: t.clock, db });
  const bus = await withoutSafetyRead(deps, db, backoffMs);
  return {
    app: createApp(deps),
    deps,
    bus,
    async close() {
      await deps.events.close();
      await db.destroy();
    },
  };
}

describe('two processes on one PostgreSQL', () => {
  const instances: Instance[] = [];
  let b: Instance;
  beforeAll(async () => {
    // The routes read deps.events on each request, so A's bus can be swapped like B's.
    await withoutSafetyRead(t.deps, t.deps.db);
    b = await secondInstance();
    instances.push(b);
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
  });

  it('uses the PostgreSQL bus on both', () => {
    expect(t.deps.events).toBeInstanceOf(PgEventBus);
    expect(b.bus).toBeInstanceOf(PgEventBus);
  });

  it('a stream on B hears an event published through A, in order and once; so does a stream on A', async () => {
    const { a: alex, b: sam } = await t.couple(['Ivy', 'Juniper']);
    const space = await spaceOf(alex);
    const onB = await streamOn(b.app, sam);
    const onA = await streamOn(t.app, sam);
    const published: LiveEvent[] = [];
    for (const k of ['log.changed', 'ack.changed', 'commitment.changed'] as const) {
      published.push(await publishEvent(t.deps, coupleEvent(space, alex, k)));
    }
    // A private event of Alex's: the access policy on B keeps it from Sam, as in one process.
    await publishEvent(t.deps, { kind: 'need.changed', spaceId: space, authorId: alex.id, visibility: 'private' });
    for (const s of [onB, onA]) {
      const got = await collect(s, 3);
      expect(got.map((e) => e.event)).toEqual(['log.changed', 'ack.changed', 'commitment.changed']);
      expect(seqs(got)).toEqual(published.map((e) => e.seq));
    }
  });

  it('with publishers on both at once, every stream sees strictly increasing seqs and none missing', async () => {
    const { a: alex, b: sam } = await t.couple(['Kale', 'Larch']);
    const space = await spaceOf(alex);
    const streams = [
      await streamOn(t.app, alex),
      await streamOn(b.app, alex),
      await streamOn(t.app, sam),
      await streamOn(b.app, sam),
    ];
    const published = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        publishEvent(i % 2 === 0 ? t.deps : b.deps, coupleEvent(space, i % 3 === 0 ? sam : alex)),
      ),
    );
    const expected = published.map((e) => e.seq).sort((x, y) => x - y);
    expect(new Set(expected).size).toBe(40);
    for (const s of streams) {
      const got = seqs(await collect(s, 40));
      expect(strictlyIncreasing(got)).toBe(true);
      expect(got).toEqual(expected);
    }
  });

  it('signing out on A closes the stream of that session on B at once', async () => {
    const p = await t.signUp('Maple');
    const onB = await streamOn(b.app, p);
    expect((await p.client.call('auth.logout')).status).toBe(204);
    // The heartbeat's session check is 20 seconds away: only the session-ending message closes it now.
    expect(await onB.next(5_000)).toBeNull();
    expect(onB.ended).toBe(true);
  });

  it('revoking a device on A closes that device’s stream on B, and leaves the others open', async () => {
    const p = await t.signUp('Nettle');
    const device = new TestClient(t.app, 'second device');
    expect((await device.call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(200);
    const other: Person = { ...p, client: device };
    const revoked = await streamOn(b.app, other);
    const kept = await streamOn(b.app, p);
    const list = await device.call('auth.sessions.list');
    const deviceSession = list.body.sessions.find((s) => s.current)?.id;
    expect(deviceSession).toBeDefined();
    expect((await p.client.call('auth.sessions.delete', { params: { id: deviceSession as string } })).status).toBe(204);
    expect(await revoked.next(5_000)).toBeNull();
    expect(revoked.ended).toBe(true);
    expect(kept.ended).toBe(false);
  });

  it('a listening connection killed while events are published catches up when made again, none repeated', async () => {
    const c = await secondInstance(1_500);
    instances.push(c);
    const { a: alex, b: sam } = await t.couple(['Olive', 'Poplar']);
    const space = await spaceOf(alex);
    const onC = await streamOn(c.app, sam);
    expect(await until(() => c.bus.listenerPid !== null)).toBe(true);
    const before = await publishEvent(t.deps, coupleEvent(space, alex, 'log.changed'));
    expect(seqs(await collect(onC, 1))).toEqual([before.seq]);

    const pid = c.bus.listenerPid;
    await sql`SELECT pg_terminate_backend(${pid})`.execute(t.deps.db);
    expect(await until(() => c.bus.listenerPid === null)).toBe(true);
    // Published while C is not listening: their notifications never reach it.
    const missed: LiveEvent[] = [];
    for (const k of ['ack.changed', 'commitment.changed', 'need.changed'] as const) {
      missed.push(await publishEvent(b.deps, coupleEvent(space, alex, k)));
    }
    expect(await until(() => c.bus.listenerPid !== null && c.bus.listenerPid !== pid)).toBe(true);
    const got = await collect(onC, 3);
    expect(got.map((e) => e.event)).toEqual(['ack.changed', 'commitment.changed', 'need.changed']);
    expect(seqs(got)).toEqual(missed.map((e) => e.seq));

    // And it listens again: the next event arrives through its notification.
    const after = await publishEvent(t.deps, coupleEvent(space, alex, 'log.changed'));
    expect(seqs(await collect(onC, 1))).toEqual([after.seq]);
  });

  it('a stream that moves from A to B resumes with Last-Event-ID (a seq, or an old event id) and loses nothing', async () => {
    const { a: alex, b: sam } = await t.couple(['Quince', 'Rowan']);
    const space = await spaceOf(alex);
    const onA = await streamOn(t.app, sam);
    const first = await publishEvent(t.deps, coupleEvent(space, alex, 'log.changed'));
    const [seen] = await collect(onA, 1);
    expect(Number(seen?.id)).toBe(first.seq);
    onA.close();
    // Published while Sam's tab reconnects, from both processes.
    const meanwhile = [
      await publishEvent(b.deps, coupleEvent(space, alex, 'ack.changed')),
      await publishEvent(t.deps, coupleEvent(space, alex, 'commitment.changed')),
    ];
    const onB = await streamOn(b.app, sam, { 'last-event-id': seen?.id ?? '' });
    expect(seqs(await collect(onB, 2))).toEqual(meanwhile.map((e) => e.seq));
    const byOldId = await streamOn(b.app, sam, { 'last-event-id': first.id });
    expect(seqs(await collect(byOldId, 2))).toEqual(meanwhile.map((e) => e.seq));
  });
});
