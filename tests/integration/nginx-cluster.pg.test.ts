import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import { newId } from '../../src/shared/ids.js';
import {
  couple,
  type HttpPerson,
  LiveStream,
  londonDay,
  type NginxCluster,
  PASSWORD,
  signUp,
  startNginxCluster,
  subjectOf,
} from '../support/nginx-cluster.js';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pg.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import type { StreamEvent } from '../support/test-app.js';

// Three real Attune processes (src/main.ts) on one PostgreSQL database behind Debian's nginx, round
// robin, configured as docs/DEPLOYMENT.md shows (tests/support/nginx-cluster.ts installs nginx when it
// is missing and runs it with its own configuration, stopped by its pid). Partners served by different
// processes hear each other's changes live; a sign-out on one process closes the stream on another;
// each reminder goes out once with three reminder workers; rate limits count the same across the
// processes as in one; a process killed with SIGKILL moves its stream to another through nginx with
// Last-Event-ID, and not one event is lost or repeated. Every wait ends on a condition; the seconds
// given are caps for a stuck run. PostgreSQL only (*.pg.test.ts): SQLite is one process per data folder.

const SIGNIN_FAILURES = 5;
const PER_ADDRESS = 30;

let pgDb: PgTestDatabase | null = null;
let cluster: NginxCluster;
let sink: SmtpSink;
let db: ReturnType<typeof createDatabase>;

beforeAll(async () => {
  pgDb = await createPgTestDatabase();
  sink = await startSmtpSink();
  cluster = await startNginxCluster({
    databaseUrl: pgDb.url,
    env: {
      REMINDER_INTERVAL_SECONDS: '1',
      RATE_LIMIT_SIGNIN_FAILURES: String(SIGNIN_FAILURES),
      RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
      SMTP_URL: sink.url,
      MAIL_FROM: 'attune@localhost',
      // A write in the hands of a killed process is taken over by its retry after 2 s, not 60.
      IDEMPOTENCY_LEASE_SECONDS: '2',
    },
  });
  db = createDatabase({ kind: 'postgres', url: pgDb.url });
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await db?.destroy();
  await sink?.close();
  await pgDb?.drop();
}, 60_000);

// Each test starts with empty rate-limit counts: sign-ups of one test must not spend another's tries.
beforeEach(async () => {
  await db.deleteFrom('rate_limit_hits').execute();
});

const p = (i: number) => {
  const proc = cluster.processes[i];
  if (!proc) throw new Error(`no process ${i}`);
  return proc;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stream read as a browser reads it, at one process directly or through nginx; connected at once. */
async function liveStream(person: HttpPerson, base: () => string): Promise<LiveStream> {
  const stream = new LiveStream(person, cluster, base);
  expect(await stream.connect(), `stream at ${base()}`).toBe(true);
  return stream;
}

const appreciationsIn = (events: readonly StreamEvent[]) =>
  events.filter((e) => e.event === 'appreciation.added').map((e) => subjectOf(e));

/**
 * A write as the web app sends it: with an Idempotency-Key, sent again with the same key when no
 * answer came (502 from nginx: the process died with the request in hand; a broken connection) or
 * an earlier try still holds the key (409 request_in_progress, until its lease runs out).
 */
async function appreciateSurely(person: HttpPerson, base: string, text: string, counts?: { retries: number }) {
  const key = randomUUID();
  const capAt = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > capAt) throw new Error(`a write was not answered within a minute\n${await cluster.diagnostics()}`);
    try {
      const res = await person.request(
        base,
        'POST',
        '/api/v1/appreciations',
        { text, on: londonDay() },
        { 'idempotency-key': key },
      );
      if (res.status === 201) return res.body.id as string;
      const inProgress = res.status === 409 && res.text.includes('request_in_progress');
      if (!inProgress && res.status !== 502 && res.status !== 503 && res.status !== 504) {
        throw new Error(`a write answered ${res.status} ${res.text}`);
      }
    } catch (err) {
      if ((err as Error).message.startsWith('a write answered')) throw err;
      // no answer: in doubt, sent again below
    }
    if (counts) counts.retries += 1;
    await sleep(100);
  }
}

async function appreciate(person: HttpPerson, base: string, text: string) {
  const res = await person.request(base, 'POST', '/api/v1/appreciations', { text, on: londonDay() });
  expect(res.status, res.text).toBe(201);
  return res;
}

describe('three processes behind nginx on one PostgreSQL', () => {
  it('nginx spreads requests over all three processes in turn', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${cluster.url}/healthz`);
      expect(res.status).toBe(200);
      const proc = cluster.processOf(res);
      expect(proc, 'nginx names the process that answered').toBeDefined();
      seen.push(proc?.index ?? -1);
    }
    expect(new Set(seen)).toEqual(new Set([0, 1, 2]));
    // Round robin: the same three, in the same order, twice.
    expect(seen.slice(3)).toEqual(seen.slice(0, 3));
  }, 60_000);

  it('two partners whose streams are on different processes hear each other’s changes live', async () => {
    const [a, b] = await couple(cluster.url, cluster.url, ['Ash', 'Birch']);
    const sa = await liveStream(a, () => p(0).base);
    const sb = await liveStream(b, () => p(1).base);
    try {
      // Birch writes on process 2; Ash's stream is on process 1.
      const fromB = await appreciate(b, p(1).base, 'Thank you for the tea this morning');
      const toA = await sa.waitForSubject(fromB.body.id);
      expect(toA.event).toBe('appreciation.added');
      expect(toA.data).not.toContain('tea'); // ids and kinds only, never words
      // Ash writes on process 3; Birch's stream is on process 2.
      const fromA = await appreciate(a, p(2).base, 'Thank you for fixing the shelf');
      expect((await sb.waitForSubject(fromA.body.id)).event).toBe('appreciation.added');
      expect(sa.connections.every((c) => c.process === p(0))).toBe(true);
      expect(sb.connections.every((c) => c.process === p(1))).toBe(true);
    } finally {
      sa.close();
      sb.close();
    }
  }, 60_000);

  it('through nginx, writes landing on every process reach a stream once each, in the order written', async () => {
    const [a, b] = await couple(cluster.url, cluster.url, ['Cedar', 'Dune']);
    const sa = await liveStream(a, () => cluster.url);
    expect(sa.current?.process, 'nginx names the stream’s process').toBeDefined();
    try {
      const ids: string[] = [];
      const landed = new Set<number>();
      for (let i = 0; i < 6; i++) {
        const res = await appreciate(b, cluster.url, `Thank you, number ${i + 1}`);
        ids.push(res.body.id);
        landed.add(cluster.processOf(res.response)?.index ?? -1);
      }
      expect(landed).toEqual(new Set([0, 1, 2]));
      await sa.waitForSubject(ids.at(-1) as string);
      await sa.drain(500); // anything repeated would come now
      expect(appreciationsIn(sa.events)).toEqual(ids);
    } finally {
      sa.close();
    }
  }, 60_000);

  it('a sign-out on one process closes the same session’s stream on another at once', async () => {
    const [a, b] = await couple(cluster.url, cluster.url, ['Elm', 'Fern']);
    const sa = await liveStream(a, () => p(0).base);
    try {
      // A change by Fern reaches the stream first: the stream is settled (any late news of the
      // couple's joining has come, and the browser has reconnected after it).
      const marker = await appreciate(b, p(2).base, 'Thank you for the walk');
      await sa.waitForSubject(marker.body.id);
      const connection = sa.current;
      const out = await a.request(p(1).base, 'POST', '/api/v1/auth/logout');
      expect(out.status).toBe(204);
      // The stream ends on the news of the sign-out, and coming back is refused. The cap sits below
      // the 20 s heartbeat that would otherwise notice the ended session, so only the notice from
      // the other process can pass this.
      expect(await sa.readUntil(() => false, 12_000)).toBe(false);
      expect(connection?.end).toBe('ended');
      expect(sa.refused).toBe(401);
      expect(appreciationsIn(sa.events)).toEqual([marker.body.id]);
    } finally {
      sa.close();
    }
  }, 30_000);

  it('sends each of 120 due reminders once, with the reminder workers of three processes racing for them', async () => {
    const PEOPLE = 12;
    const PER_PERSON = 10;
    const people: HttpPerson[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const person = await signUp(cluster.url, cluster.url, `Reminded${i}`);
      const res = await person.request(cluster.url, 'PUT', '/api/v1/notifications/preferences', {
        reflection: { weekday: 1, time: '09:00' },
        email: true,
      });
      expect(res.status, res.text).toBe(200);
      people.push(person);
    }
    await sink.clear();
    const now = Date.now();
    const rows = people.flatMap((person, i) =>
      Array.from({ length: PER_PERSON }, (_, k) => {
        const sendAt = new Date(now - (i * PER_PERSON + k + 1) * 1000);
        return {
          id: newId(sendAt),
          user_id: person.id,
          kind: 'reminder.reflection',
          dedupe_key: `reflection:2025-${String((k % 12) + 1).padStart(2, '0')}-${String(Math.floor(k / 12) + 1).padStart(2, '0')}`,
          subject_id: randomUUID(),
          send_at: sendAt.toISOString(),
          useful_until: new Date(now + 24 * 3_600_000).toISOString(),
          state: 'pending' as const,
          claimed_by: null,
          lease_until: null,
          sent_at: null,
          created_at: sendAt.toISOString(),
        };
      }),
    );
    await db.insertInto('reminders').values(rows).execute();
    const ids = rows.map((r) => r.id);

    // Until every one is finished (sent or skipped), however long the workers take.
    const capAt = Date.now() + 180_000;
    for (;;) {
      const open = await db
        .selectFrom('reminders')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', 'in', ids)
        .where('state', 'not in', ['sent', 'skipped'])
        .executeTakeFirstOrThrow();
      if (Number(open.n) === 0) break;
      if (Date.now() > capAt) throw new Error(`${open.n} reminders still not sent\n${await cluster.diagnostics()}`);
      await sleep(200);
    }

    const after = await db.selectFrom('reminders').select(['id', 'state', 'claimed_by']).where('id', 'in', ids).execute();
    expect(after.filter((r) => r.state !== 'sent')).toEqual([]);
    // claimed_by is host:pid:random: which of the three processes sent each.
    const pids = new Set(cluster.processes.map((proc) => proc.server.child.pid));
    const shares = new Map<number, number>();
    for (const r of after) {
      expect(r.claimed_by?.startsWith(`${hostname()}:`), String(r.claimed_by)).toBe(true);
      const pid = Number(r.claimed_by?.split(':')[1]);
      expect(pids.has(pid), `claimed by ${r.claimed_by}`).toBe(true);
      shares.set(pid, (shares.get(pid) ?? 0) + 1);
    }
    console.info(`reminders sent per process: ${[...shares.values()].join(', ')}`);
    expect(shares.size, `shares: ${JSON.stringify([...shares])}`).toBe(3);

    // Exactly one in-app notification per reminder, and one email each.
    const notes = await db
      .selectFrom('notifications')
      .select(['subject_id'])
      .where(
        'subject_id',
        'in',
        rows.map((r) => r.subject_id),
      )
      .execute();
    expect(notes).toHaveLength(rows.length);
    expect(new Set(notes.map((n) => n.subject_id)).size).toBe(rows.length);
    const mails = await sink.messages();
    for (const person of people) {
      expect(
        mails.filter((m) => m.envelopeTo.includes(person.email)),
        person.email,
      ).toHaveLength(PER_PERSON);
    }
  }, 240_000);

  it('stops sign-in guesses at the same count whether they reach one process or all three', async () => {
    /** Wrong passwords from browsers never seen before (no cookies) until refused: how many were let through. */
    const guessesAllowed = async (person: HttpPerson, base: () => string) => {
      for (let n = 0; n < SIGNIN_FAILURES + 5; n++) {
        const res = await signInFresh(base(), person.email, 'not the password at all');
        if (res.status === 429) return n;
        expect(res.status).toBe(401);
      }
      return Number.POSITIVE_INFINITY;
    };
    const one = await signUp(cluster.url, cluster.url, 'Gorse');
    const spread = await signUp(cluster.url, cluster.url, 'Heath');
    const viaNginx = await signUp(cluster.url, cluster.url, 'Ivy');
    const onOne = await guessesAllowed(one, () => p(0).base);
    let turn = 0;
    const onThree = await guessesAllowed(spread, () => p(turn++ % 3).base);
    const throughNginx = await guessesAllowed(viaNginx, () => cluster.url);
    expect({ onOne, onThree, throughNginx }).toEqual({
      onOne: SIGNIN_FAILURES,
      onThree: SIGNIN_FAILURES,
      throughNginx: SIGNIN_FAILURES,
    });
    // While the count is full, the right password from a new browser is refused too, on every process.
    for (const proc of cluster.processes) {
      expect((await signInFresh(proc.base, spread.email, PASSWORD)).status).toBe(429);
    }
  }, 60_000);

  it('counts an address across the three processes, and a forged X-Forwarded-For through nginx does not escape it', async () => {
    const attempt = (base: string, n: number, forged?: string) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: cluster.url,
          ...(forged ? { 'x-forwarded-for': forged } : {}),
        },
        // A different unknown address each time: only the per-address count can stop these.
        body: JSON.stringify({ email: `nobody.${n}.${randomUUID().slice(0, 8)}@example.org`, password: 'whatever it is' }),
      });
    const until429 = async (send: (n: number) => Promise<Response>) => {
      const landed = new Set<number>();
      for (let n = 0; n < PER_ADDRESS + 10; n++) {
        const res = await send(n);
        await res.text();
        if (res.status === 429) {
          expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
          return { allowed: n, landed };
        }
        expect(res.status).toBe(401);
        const proc = cluster.processOf(res);
        if (proc) landed.add(proc.index);
      }
      return { allowed: Number.POSITIVE_INFINITY, landed };
    };
    const one = await until429((n) => attempt(p(0).base, n));
    await db.deleteFrom('rate_limit_hits').execute();
    // Through nginx each guess names another address in X-Forwarded-For; nginx appends the real one,
    // the rightmost entry, and that is the one Attune counts (TRUST_PROXY=1).
    const through = await until429((n) => attempt(cluster.url, n, `198.51.100.${n % 250}`));
    await db.deleteFrom('rate_limit_hits').execute();
    expect(one.allowed).toBe(PER_ADDRESS);
    expect(through.allowed).toBe(PER_ADDRESS);
    expect(through.landed).toEqual(new Set([0, 1, 2]));
  }, 60_000);

  // Last: it leaves two processes running.
  it('a process killed with SIGKILL: its stream moves to another through nginx with Last-Event-ID, no event lost or repeated', async () => {
    const [a, b] = await couple(cluster.url, cluster.url, ['Juniper', 'Kale']);
    const sa = await liveStream(a, () => cluster.url);
    const written: string[] = [];
    const counts = { retries: 0 };
    try {
      // Settled first (see the sign-out test), then the stream's process is the one to kill.
      const marker = await appreciateSurely(b, cluster.url, 'Thank you for the soup', counts);
      written.push(marker);
      await sa.waitForSubject(marker);
      const victim = sa.current?.process;
      if (!victim) throw new Error('nginx did not name the stream’s process');
      const others = cluster.processes.filter((proc) => proc !== victim);

      // Before: writes on the two other processes reach the stream on the victim.
      for (let i = 0; i < 4; i++) {
        const id = await appreciateSurely(i % 2 === 0 ? b : a, (others[i % 2] as (typeof others)[number]).base, `before ${i}`);
        written.push(id);
        await sa.waitForSubject(id);
      }
      const connectionsBefore = sa.connections.length;

      // Both partners keep writing through nginx while the victim dies and the stream is away.
      let stop = false;
      let afterKill = 0;
      let killed = false;
      const writer = async (person: HttpPerson, tag: string) => {
        for (let i = 0; !stop; i++) {
          written.push(await appreciateSurely(person, cluster.url, `${tag} ${i}`, counts));
          if (killed) afterKill += 1;
        }
      };
      const writers = [writer(a, 'from Juniper'), writer(b, 'from Kale')];
      await sleep(50);
      await cluster.kill(victim.index, 'SIGKILL');
      killed = true;
      const capAt = Date.now() + 60_000;
      while (afterKill < 8 && Date.now() < capAt) await sleep(20);
      stop = true;
      await Promise.all(writers);
      expect(afterKill).toBeGreaterThanOrEqual(8);

      // The browser notices its stream is gone and comes back through nginx with the last id it saw;
      // nginx passes it to a live process, which first sends what was published meanwhile.
      const gap = [...written];
      const caughtUp = await sa.readUntil((events) => {
        const got = new Set(appreciationsIn(events));
        return gap.every((id) => got.has(id));
      }, 30_000);
      expect(caughtUp, `caught up over ${JSON.stringify(sa.connections.map((c) => ({ ...c, process: c.process?.index })))}`).toBe(
        true,
      );
      // Then one more write, heard live on the new connection.
      const last = await appreciateSurely(b, cluster.url, 'after the move', counts);
      written.push(last);
      await sa.waitForSubject(last);
      await sa.drain(500);

      // The connection on the victim ended when it died; the next one, to another process, sent back
      // the last id received before that.
      const onVictim = sa.connections[connectionsBefore - 1];
      const moved = sa.connections.slice(connectionsBefore);
      expect(onVictim?.process).toBe(victim);
      expect(onVictim?.end).not.toBe('open');
      expect(moved.length).toBeGreaterThanOrEqual(1);
      expect(moved[0]?.lastEventId).toBeDefined();
      expect(moved[0]?.lastEventId).toBe(onVictim?.lastIdAtEnd);
      for (const c of moved) expect(c.process && c.process !== victim && c.process.alive).toBe(true);

      const got = appreciationsIn(sa.events);
      const seen = new Map<string, number>();
      for (const id of got) seen.set(id as string, (seen.get(id as string) ?? 0) + 1);
      const lost = written.filter((id) => !seen.has(id));
      const repeated = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      const stray = [...seen.keys()].filter((id) => !written.includes(id));
      console.info(
        `SIGKILL move: ${written.length} writes (${afterKill} after the kill, ${counts.retries} sent again), ` +
          `${got.length} events received over ${sa.connections.length} connections`,
      );
      expect({ lost, repeated, stray }).toEqual({ lost: [], repeated: [], stray: [] });
      // Event ids only go forwards on the stream, across the move.
      const ids = sa.events.map((e) => Number(e.id)).filter((n) => Number.isFinite(n) && n > 0);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      sa.close();
    }
  }, 180_000);
});

/** A sign-in from a browser never seen before: no cookies. */
async function signInFresh(base: string, email: string, password: string): Promise<Response> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: cluster.url },
    body: JSON.stringify({ email, password }),
  });
  await res.text();
  return res;
}
