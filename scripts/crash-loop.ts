/**
 * A kill -9 crash loop against the real server (src/main.ts): a couple signs up through the invite
 * flow, concurrent writers send creates (needs, talk drafts, bids, appreciations), each with its own
 * Idempotency-Key, the server is killed with SIGKILL at a random moment, started again on the same
 * database, and every write whose answer never came ("in doubt") is sent again with the same key until
 * it is answered. After the last cycle the database is opened directly and checked: every acknowledged
 * write is there exactly once, every in-doubt write at most once (exactly once, as the id its retry
 * answered), nothing else; on SQLite `PRAGMA integrity_check` is ok and `PRAGMA foreign_key_check` empty.
 *
 *   npm run crash-loop -- --cycles 200 [--db sqlite|postgres] [--lease 2]
 *
 * On PostgreSQL it makes a fresh database on the server named by TEST_DATABASE_URL (or DATABASE_URL),
 * a role with CREATEDB, and drops it afterwards. runCrashLoop() is the same loop for a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../src/db/database.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export type CrashLoopDb = 'sqlite' | 'postgres';

export interface CrashLoopOptions {
  cycles: number;
  db: CrashLoopDb;
  /** PostgreSQL only: an empty or migrated database of its own (the server migrates it). */
  databaseUrl?: string;
  /** Claim lease of the server processes, seconds (IDEMPOTENCY_LEASE_SECONDS). */
  leaseSeconds?: number;
  /** Concurrent writers (half for each partner). */
  writers?: number;
  /** Longest random wait before the kill, ms. */
  maxKillAfterMs?: number;
  log?: (line: string) => void;
  /** Runs on the database after the last server stops, before the check (a test proves the check can fail). */
  beforeCheck?: (db: ReturnType<typeof createDatabase>, authorIds: string[]) => Promise<void>;
}

export interface CrashLoopFigures {
  db: CrashLoopDb;
  cycles: number;
  writes: number;
  /** Answered 2xx the first time they were sent. */
  acknowledged: number;
  /** No answer the first time (the server died); sent again with the same key. */
  inDoubt: number;
  /** In-doubt writes whose retry answered 2xx (all of them, unless refused). */
  inDoubtAnswered: number;
  /** 409 request_in_progress answers to retries (waited out). */
  inProgressWaits: number;
  /** Writes answered 2xx whose id is not in the database. */
  lost: number;
  /** Rows beyond the writes answered 2xx, per table and author. */
  duplicated: number;
  /** Any 5xx answer, to any request. */
  serverErrors: number;
  /** Answers other than 2xx, 409 request_in_progress and 5xx (expected none). */
  refused: number;
  /** SQLite only: PRAGMA integrity_check ('ok') and the number of PRAGMA foreign_key_check rows. */
  integrity: string | null;
  foreignKeyProblems: number | null;
  runMs: number;
}

type Kind = 'need' | 'draft' | 'bid' | 'appreciation';
const TABLE: Record<Kind, 'needs' | 'talk_drafts' | 'bids' | 'appreciations'> = {
  need: 'needs',
  draft: 'talk_drafts',
  bid: 'bids',
  appreciation: 'appreciations',
};
const PATH: Record<Kind, string> = {
  need: '/api/v1/needs',
  draft: '/api/v1/drafts',
  bid: '/api/v1/bids',
  appreciation: '/api/v1/appreciations',
};
const KINDS: Kind[] = ['need', 'draft', 'bid', 'appreciation'];

interface Person {
  name: string;
  cookie: string;
  userId: string;
}

interface Write {
  key: string;
  person: Person;
  kind: Kind;
  body: string;
  firstOutcome: 'acknowledged' | 'in-doubt' | 'refused';
  /** Final answer status once known. */
  status: number | null;
  id: string | null;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** MASTER_KEY, SESSION_SECRET and a VAPID pair, made fresh (the database starts empty of sealed data). */
export function freshSecrets(): Record<string, string> {
  let ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  while (ecdh.getPrivateKey().length !== 32) {
    ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
  }
  return {
    MASTER_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('base64'),
    VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString('base64url'),
    VAPID_PRIVATE_KEY: ecdh.getPrivateKey().toString('base64url'),
  };
}

export interface ServerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

export function startServer(port: number, env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: process.env.TZ ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      ATTUNE_FAST_HASHING: '1',
      REMINDER_INTERVAL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

export async function waitUntilReady(base: string, server: ServerProcess): Promise<void> {
  let gone = false;
  void server.exited.then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) throw new Error(`the server exited before it was ready:\n${server.output()}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');

function londonDay(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

function bodyFor(kind: Kind, token: string): string {
  switch (kind) {
    case 'need':
      return JSON.stringify({ text: `I would love a quiet walk together ${token}` });
    case 'draft':
      return JSON.stringify({ text: `What I want to say about the weekend ${token}` });
    case 'bid':
      return JSON.stringify({ kind: 'gesture', text: `Made tea ${token}` });
    case 'appreciation':
      return JSON.stringify({ text: `Thank you for fixing the shelf ${token}`, on: londonDay() });
  }
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopFigures> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const writers = options.writers ?? 4;
  const maxKillAfterMs = options.maxKillAfterMs ?? 1500;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let dataDir: string | null = null;
  const env: Record<string, string> = {
    IDEMPOTENCY_LEASE_SECONDS: String(options.leaseSeconds ?? 2),
    RATE_LIMIT_PER_ADDRESS: '1000000',
  };
  let target: { kind: CrashLoopDb; url: string };
  if (options.db === 'postgres') {
    if (!options.databaseUrl) throw new Error('runCrashLoop on PostgreSQL needs databaseUrl');
    Object.assign(env, freshSecrets(), { DATABASE_URL: options.databaseUrl });
    target = { kind: 'postgres', url: options.databaseUrl };
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'attune-crash-'));
    env.DATA_DIR = dataDir;
    target = { kind: 'sqlite', url: join(dataDir, 'attune.sqlite') };
  }

  const figures: CrashLoopFigures = {
    db: options.db,
    cycles: 0,
    writes: 0,
    acknowledged: 0,
    inDoubt: 0,
    inDoubtAnswered: 0,
    inProgressWaits: 0,
    lost: 0,
    duplicated: 0,
    serverErrors: 0,
    refused: 0,
    integrity: null,
    foreignKeyProblems: null,
    runMs: 0,
  };
  const refusals: string[] = [];
  const writes: Write[] = [];
  let pendingRetry: Write[] = [];
  const headers = (person?: Person, key?: string): Record<string, string> => ({
    'content-type': 'application/json',
    origin: base,
    ...(person ? { cookie: person.cookie } : {}),
    ...(key ? { 'idempotency-key': key } : {}),
  });
  const note = (status: number, what: string, text: string) => {
    if (status >= 500) figures.serverErrors += 1;
    else {
      figures.refused += 1;
      if (refusals.length < 10) refusals.push(`${what}: ${status} ${text.slice(0, 200)}`);
    }
  };

  let server: ServerProcess | null = null;
  try {
    // The couple, through the invite flow.
    server = startServer(port, env);
    await waitUntilReady(base, server);
    const signUp = async (name: string): Promise<Person> => {
      const res = await fetch(`${base}/api/v1/auth/signup`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({
          email: `${name.toLowerCase()}.${randomBytes(4).toString('hex')}@example.org`,
          password: 'a long and private phrase',
          name,
          timeZone: 'Europe/London',
        }),
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`sign-up answered ${res.status} ${text}`);
      return { name, cookie: cookieOf(res), userId: (JSON.parse(text) as { id: string }).id };
    };
    const a = await signUp('Noor');
    const b = await signUp('Sam');
    const invite = await fetch(`${base}/api/v1/space/invites`, { method: 'POST', headers: headers(a) });
    const inviteText = await invite.text();
    if (invite.status !== 201 && invite.status !== 200) throw new Error(`invite answered ${invite.status} ${inviteText}`);
    const { token } = JSON.parse(inviteText) as { token: string };
    const accepted = await fetch(`${base}/api/v1/invites/${token}/accept`, { method: 'POST', headers: headers(b) });
    if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status} ${await accepted.text()}`);
    const people = [a, b];

    /** Sends a write (again) until it is answered; 409 request_in_progress means wait for the lease. */
    const retry = async (w: Write) => {
      const giveUpAt = Date.now() + 120_000;
      for (;;) {
        if (Date.now() > giveUpAt) throw new Error(`a ${w.kind} in doubt was not answered within 2 minutes`);
        let res: Response;
        try {
          res = await fetch(`${base}${PATH[w.kind]}`, { method: 'POST', headers: headers(w.person, w.key), body: w.body });
        } catch {
          await sleep(200);
          continue;
        }
        const text = await res.text();
        if (res.status === 409 && text.includes('request_in_progress')) {
          figures.inProgressWaits += 1;
          await sleep(250);
          continue;
        }
        w.status = res.status;
        if (res.ok) {
          w.id = (JSON.parse(text) as { id: string }).id;
          figures.inDoubtAnswered += 1;
        } else note(res.status, `retry ${w.kind}`, text);
        return;
      }
    };

    for (let cycle = 0; cycle < options.cycles; cycle++) {
      if (cycle > 0) {
        server = startServer(port, env);
        await waitUntilReady(base, server);
      }
      // Everything in doubt from the cycle before, with the same keys.
      await Promise.all(pendingRetry.map(retry));
      pendingRetry = [];

      let dead = false;
      const killAfter = 20 + Math.floor(Math.random() * maxKillAfterMs);
      const live = server;
      const killer = sleep(killAfter).then(async () => {
        live.child.kill('SIGKILL');
        await live.exited;
        dead = true;
      });
      const writer = async (person: Person, n: number) => {
        for (let i = 0; !dead; i++) {
          const kind = KINDS[(n + i) % KINDS.length] as Kind;
          const w: Write = {
            key: randomUUID(),
            person,
            kind,
            body: bodyFor(kind, `t${randomBytes(6).toString('hex')}`),
            firstOutcome: 'in-doubt',
            status: null,
            id: null,
          };
          writes.push(w);
          let res: Response;
          let text: string;
          try {
            res = await fetch(`${base}${PATH[kind]}`, { method: 'POST', headers: headers(person, w.key), body: w.body });
            text = await res.text();
          } catch {
            // No answer: in doubt. Sent again once the server is back.
            pendingRetry.push(w);
            return;
          }
          w.status = res.status;
          if (res.ok) {
            w.firstOutcome = 'acknowledged';
            w.id = (JSON.parse(text) as { id: string }).id;
          } else {
            w.firstOutcome = 'refused';
            note(res.status, kind, text);
          }
        }
      };
      await Promise.all([killer, ...Array.from({ length: writers }, (_, n) => writer(people[n % 2] as Person, n))]);
      figures.cycles += 1;
      log(
        `cycle ${cycle + 1}/${options.cycles}: killed after ${killAfter} ms; ${writes.length} writes, ${pendingRetry.length} in doubt`,
      );
    }

    // The last in-doubt writes, on a server started once more, then a graceful stop.
    server = startServer(port, env);
    await waitUntilReady(base, server);
    await Promise.all(pendingRetry.map(retry));
    pendingRetry = [];
    server.child.kill('SIGTERM');
    await server.exited;
    server = null;

    // The check, on the database itself.
    figures.writes = writes.length;
    figures.acknowledged = writes.filter((w) => w.firstOutcome === 'acknowledged').length;
    figures.inDoubt = writes.filter((w) => w.firstOutcome === 'in-doubt').length;
    const db = createDatabase(target);
    try {
      await options.beforeCheck?.(
        db,
        people.map((p) => p.userId),
      );
      for (const kind of KINDS) {
        const table = TABLE[kind];
        for (const person of people) {
          const answered = writes.filter((w) => w.kind === kind && w.person === person && w.id !== null);
          const rows = await db.selectFrom(table).select('id').where('author_id', '=', person.userId).execute();
          const present = new Set(rows.map((r) => r.id));
          figures.lost += answered.filter((w) => !present.has(w.id as string)).length;
          const distinctIds = new Set(answered.map((w) => w.id));
          // Two keys answered with one id would be a write lost behind another's answer.
          figures.lost += answered.length - distinctIds.size;
          figures.duplicated += Math.max(0, rows.length - distinctIds.size);
        }
      }
      if (target.kind === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
        figures.integrity = check.rows.map((r) => r.integrity_check).join('; ');
        const fk = await sql`PRAGMA foreign_key_check`.execute(db);
        figures.foreignKeyProblems = fk.rows.length;
      }
    } finally {
      await db.destroy();
    }
    if (refusals.length) log(`refused: ${refusals.join(' | ')}`);
  } catch (err) {
    if (server) (err as Error).message += `\nserver output:\n${server.output()}`;
    throw err;
  } finally {
    if (server) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
  figures.runMs = Date.now() - started;
  return figures;
}

export function describeFigures(f: CrashLoopFigures): string {
  return [
    `database      ${f.db}`,
    `cycles        ${f.cycles}`,
    `writes        ${f.writes}`,
    `acknowledged  ${f.acknowledged}`,
    `in doubt      ${f.inDoubt} (retries answered 2xx: ${f.inDoubtAnswered}; waits on request_in_progress: ${f.inProgressWaits})`,
    `lost          ${f.lost}`,
    `duplicated    ${f.duplicated}`,
    `5xx           ${f.serverErrors}`,
    `refused       ${f.refused}`,
    ...(f.integrity !== null ? [`integrity     ${f.integrity}; foreign key problems: ${f.foreignKeyProblems}`] : []),
    `run time      ${(f.runMs / 1000).toFixed(1)} s`,
  ].join('\n');
}

/** A fresh, empty database on the PostgreSQL server of `adminUrl` (the server migrates it). */
export async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `attune_crash_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function cli(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const cycles = Number(arg('cycles') ?? 200);
  const db = (arg('db') ?? 'sqlite') as CrashLoopDb;
  const leaseSeconds = Number(arg('lease') ?? 2);
  if (!Number.isInteger(cycles) || cycles < 1) throw new Error('--cycles must be a whole number, 1 or more');
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  let fresh: { url: string; drop: () => Promise<void> } | null = null;
  if (db === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('--db postgres needs TEST_DATABASE_URL (a role with CREATEDB)');
    fresh = await freshPostgresDatabase(adminUrl);
  }
  try {
    const figures = await runCrashLoop({
      cycles,
      db,
      leaseSeconds,
      databaseUrl: fresh?.url,
      log: (line) => console.log(line),
    });
    console.log(`\n${describeFigures(figures)}\n`);
    console.log(JSON.stringify(figures));
    const clean =
      figures.lost === 0 &&
      figures.duplicated === 0 &&
      figures.serverErrors === 0 &&
      (figures.integrity === null || (figures.integrity === 'ok' && figures.foreignKeyProblems === 0));
    process.exitCode = clean ? 0 : 1;
  } finally {
    await fresh?.drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  cli().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
