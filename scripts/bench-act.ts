// Benchmark for step 4 (Act): seeds N couples with a year of daily activity each (commitments both
// ways, marks, acknowledgements, check-ins), then measures with autocannon, on SQLite and on
// PostgreSQL:
//   - the home screen's data endpoint (GET /api/v1/today) for a couple with 1 week of history, one
//     with a year and one with 3 years (cost must not grow with history; a 1-week couple's 35-day
//     window is mostly empty, so 1 year against 3 years isolates growth beyond the window),
//   - marking an occurrence done and writing today's check-in (each with a fresh Idempotency-Key),
//   - a bare node:http JSON endpoint in the same run, as the yardstick for ratios.
// Runs are interleaved (bare, /healthz, week, year, years, mark, check-in; twice) because throughput on these shared
// machines swings minute to minute: read the ratios and the medians, not one figure. Prints figures,
// asserts nothing.
//
//   node --import tsx scripts/bench-act.ts                       # 1,000 couples, both databases
//   node --import tsx scripts/bench-act.ts --large               # 10,000 couples
//   node --import tsx scripts/bench-act.ts --db sqlite --couples 200 --seconds 5
// PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a role with CREATEDB; a scratch database
// is created and dropped.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config/env.js';
import { generateVapidPair } from '../src/crypto/vapid.js';
import type { UsersTable } from '../src/db/schema.js';
import type { AppDeps } from '../src/deps.js';
import { expandSchedule } from '../src/domain/schedule.js';
import { addDays, localDateOf } from '../src/domain/zoned-time.js';
import { sealName } from '../src/features/auth/names.js';
import { newId } from '../src/shared/ids.js';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    couples: { type: 'string' },
    large: { type: 'boolean', default: false },
    db: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
  },
});
const COUPLES = Number(args.couples ?? (args.large ? 10_000 : 1_000));
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);
const ZONE = 'Europe/London';
const PASSWORD = 'a long benchmark passphrase';
const MOODS = ['calm', 'hopeful', 'content', 'okay', 'tired'] as const;

for (const [name, value] of Object.entries({ COUPLES, SECONDS, CONNECTIONS, ROUNDS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name.toLowerCase()} must be a whole number of at least 1`);
}
const databases = args.db === 'both' ? ['sqlite', 'postgres'] : [args.db];
for (const d of databases) if (d !== 'sqlite' && d !== 'postgres') throw new Error('--db must be sqlite, postgres or both');

// ---------- seeding, straight into the database (the API would take hours for a year of history) ----------

interface Seeded {
  weekEmail: string;
  /** One of the N couples: a year of history. */
  yearEmail: string;
  yearsEmail: string;
  yearsCommitmentId: string;
}

async function insertMany(deps: AppDeps, table: string, rows: Record<string, unknown>[]): Promise<void> {
  // 500 rows a statement stays under both databases' bound-parameter limits for these tables.
  for (let i = 0; i < rows.length; i += 500) {
    await (deps.db as any)
      .insertInto(table)
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

async function seedCouple(deps: AppDeps, passwordHash: string, label: string, historyDays: number, now: Date) {
  const today = localDateOf(now, ZONE);
  const first = addDays(today, -historyDays + 1);
  const nowIso = now.toISOString();
  const users: UsersTable[] = [];
  for (const who of ['a', 'b']) {
    const id = newId(now);
    const wrapped = deps.sealer.createUserKey(id);
    users.push({
      id,
      email: `${label}-${who}@bench.attune.example`,
      name_sealed: await sealName(deps, id, who === 'a' ? 'Robin' : 'Jules'),
      password_hash: passwordHash,
      data_key_wrapped: wrapped,
      time_zone: ZONE,
      role: 'partner',
      created_at: nowIso,
      updated_at: nowIso,
    });
  }
  const [a, b] = users as [UsersTable, UsersTable];
  const spaceId = newId(now);
  const commitments: Record<string, unknown>[] = [];
  const versions: Record<string, unknown>[] = [];
  const marks: Record<string, unknown>[] = [];
  const acks: Record<string, unknown>[] = [];
  const checkins: Record<string, unknown>[] = [];
  const startIso = new Date(now.getTime() - historyDays * 86_400_000).toISOString();
  const ids: string[] = [];
  for (const [actor, receiver] of [
    [a, b],
    [b, a],
  ] as const) {
    const id = newId(now);
    ids.push(id);
    commitments.push({
      id,
      space_id: spaceId,
      author_id: actor.id,
      receiver_id: receiver.id,
      agreement_id: null,
      visibility: 'couple',
      starts_on: first,
      created_at: startIso,
      updated_at: startIso,
      ended_at: null,
    });
    const versionId = newId(now);
    versions.push({
      id: versionId,
      commitment_id: id,
      author_id: actor.id,
      space_id: spaceId,
      effective_from: startIso,
      what_sealed: await deps.sealer.seal(
        actor.id,
        { table: 'commitment_versions', column: 'what', rowId: versionId },
        'Ask about the day over dinner',
      ),
      schedule_json: JSON.stringify({ kind: 'daily', by: null }),
      zone: ZONE,
      created_at: startIso,
    });
    const occurrences = expandSchedule({
      spans: [{ schedule: { kind: 'daily', by: null }, from: startIso, until: null }],
      zone: ZONE,
      from: startIso,
      to: new Date(now.getTime() - 86_400_000).toISOString(),
    });
    occurrences.forEach((o, i) => {
      const done = i % 5 !== 3;
      marks.push({
        id: newId(now),
        commitment_id: id,
        author_id: actor.id,
        space_id: spaceId,
        occurrence_key: o.key,
        due_at: o.due,
        status: done ? 'done' : 'missed',
        done_on: done ? o.localDate : null,
        note_sealed: null,
        marked_at: o.due,
      });
      if (done)
        acks.push({
          id: newId(now),
          commitment_id: id,
          author_id: receiver.id,
          space_id: spaceId,
          occurrence_key: o.key,
          due_at: o.due,
          noticed: i % 4 === 0 ? 0 : 1,
          helped: i % 4 === 0 ? null : 2,
          acked_at: o.due,
        });
    });
  }
  for (const person of [a, b]) {
    for (let d = 0; d < historyDays; d++) {
      const date = addDays(first, d);
      checkins.push({
        id: newId(now),
        author_id: person.id,
        space_id: spaceId,
        visibility: d % 3 === 0 ? 'private' : 'couple',
        local_date: date,
        connected: (d * 7) % 11,
        heard: (d * 5) % 11,
        mood: MOODS[d % MOODS.length],
        line_sealed: null,
        created_at: nowIso,
        updated_at: nowIso,
      });
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx } as AppDeps;
    await insertMany(tx, 'users', users as unknown as Record<string, unknown>[]);
    await insertMany(tx, 'spaces', [{ id: spaceId, created_at: startIso }]);
    await insertMany(
      tx,
      'space_members',
      users.map((u) => ({ id: newId(now), space_id: spaceId, user_id: u.id, joined_at: startIso, left_at: null })),
    );
    await insertMany(tx, 'commitments', commitments);
    await insertMany(tx, 'commitment_versions', versions);
    await insertMany(tx, 'occurrence_marks', marks);
    await insertMany(tx, 'occurrence_acks', acks);
    await insertMany(tx, 'checkins', checkins);
  });
  return { email: a.email, commitmentId: ids[0] as string, rows: marks.length + acks.length + checkins.length };
}

async function seed(deps: AppDeps): Promise<Seeded> {
  const now = new Date();
  const passwordHash = await deps.passwords.hash(PASSWORD);
  const started = performance.now();
  let rows = 0;
  let yearEmail = '';
  for (let i = 0; i < COUPLES; i++) {
    const couple = await seedCouple(deps, passwordHash, `couple${i}`, 365, now);
    rows += couple.rows;
    if (i === Math.floor(COUPLES / 2)) yearEmail = couple.email;
    if ((i + 1) % 200 === 0) process.stdout.write(`  seeded ${i + 1}/${COUPLES} couples\r`);
  }
  const week = await seedCouple(deps, passwordHash, 'week', 7, now);
  const years = await seedCouple(deps, passwordHash, 'years', 3 * 365, now);
  rows += week.rows + years.rows;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  seeded ${COUPLES} couples (+ a 1-week and a 3-year couple): ${rows.toLocaleString('en')} log and check-in rows in ${seconds.toFixed(0)} s`,
  );
  return { weekEmail: week.email, yearEmail, yearsEmail: years.email, yearsCommitmentId: years.commitmentId };
}

// ---------- processes ----------

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`${url} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const BARE_SERVER = `
const http = require('node:http');
http.createServer((req, res) => {
  const body = JSON.stringify({ date: '2026-11-25', zone: 'Europe/London', items: [{ id: 1, what: 'hello' }] });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('attune_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] as string;
}

// ---------- measuring ----------

interface Figure {
  rps: number;
  p99: number;
  errors: number;
}

async function measure(opts: { url: string; method?: 'GET' | 'PUT'; cookie?: string; body?: unknown }): Promise<Figure> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const result = await autocannon({
    url: opts.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: opts.method ?? 'GET',
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    requests: [
      {
        setupRequest: (req: any) => {
          if (opts.method === 'PUT') req.headers = { ...req.headers, 'idempotency-key': randomBytes(12).toString('hex') };
          return req;
        },
      },
    ],
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p99: result.latency.p99, errors };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Web push keys: required with PostgreSQL, shared by every process of the run. */
function vapidEnv() {
  const pair = generateVapidPair();
  return { VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey };
}

async function benchDatabase(kind: 'sqlite' | 'postgres', portBase: number): Promise<string[]> {
  console.log(`\n${kind}:`);
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-act-'));
  let pgName: string | null = null;
  let adminUrl = '';
  let databaseUrl = '';
  if (kind === 'postgres') {
    adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
    if (!adminUrl) throw new Error('PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a role with CREATEDB');
    pgName = `attune_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pgName}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${pgName}`;
    databaseUrl = u.toString();
  }
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    MASTER_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('base64'),
    ...vapidEnv(),
    LOG_LEVEL: 'silent',
    PORT: String(portBase),
  };
  const children: ChildProcess[] = [];
  try {
    const deps = await boot(loadConfig(env));
    const seeded = await seed(deps);
    await deps.db.destroy();

    // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const app = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'src', 'main.ts')], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const bare = spawn(process.execPath, ['-e', BARE_SERVER], {
      env: { ...process.env, PORT: String(portBase + 1) },
      stdio: 'ignore',
    });
    children.push(app, bare);
    const base = `http://127.0.0.1:${portBase}`;
    const bareUrl = `http://127.0.0.1:${portBase + 1}/`;
    await waitFor(`${base}/healthz`, app);
    await waitFor(bareUrl, bare);

    const weekCookie = await signIn(base, seeded.weekEmail);
    const yearCookie = await signIn(base, seeded.yearEmail);
    const yearsCookie = await signIn(base, seeded.yearsEmail);
    const today = (await (await fetch(`${base}/api/v1/today`, { headers: { cookie: yearsCookie } })).json()) as {
      date: string;
      act: { toMark: { commitmentId: string; key: string }[] };
    };
    const open = today.act.toMark.find((o) => o.commitmentId === seeded.yearsCommitmentId);
    if (!open) throw new Error('the 3-year couple has nothing to mark today: the seed is off');

    const runs: Record<string, Figure[]> = { bare: [], health: [], week: [], year: [], years: [], mark: [], checkin: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.bare?.push(await measure({ url: bareUrl }));
      // The framework and one query, with no session or feature work: separates fixed cost from work.
      runs.health?.push(await measure({ url: `${base}/healthz` }));
      runs.week?.push(await measure({ url: `${base}/api/v1/today`, cookie: weekCookie }));
      runs.year?.push(await measure({ url: `${base}/api/v1/today`, cookie: yearCookie }));
      runs.years?.push(await measure({ url: `${base}/api/v1/today`, cookie: yearsCookie }));
      runs.mark?.push(
        await measure({
          url: `${base}/api/v1/commitments/${open.commitmentId}/occurrences/${open.key}/mark`,
          method: 'PUT',
          cookie: yearsCookie,
          body: { status: 'done' },
        }),
      );
      runs.checkin?.push(
        await measure({
          url: `${base}/api/v1/checkins/${today.date}`,
          method: 'PUT',
          cookie: yearsCookie,
          body: { connected: 7, heard: 6, mood: 'hopeful', line: null, visibility: 'couple' },
        }),
      );
      process.stdout.write(`  round ${round + 1}/${ROUNDS} done\r`);
    }
    const bareRps = median((runs.bare ?? []).map((f) => f.rps));
    const row = (label: string, key: string) => {
      const figures = runs[key] ?? [];
      const rps = median(figures.map((f) => f.rps));
      const p99 = median(figures.map((f) => f.p99));
      const errors = figures.reduce((n, f) => n + f.errors, 0);
      return `| ${kind} | ${label} | ${rps.toFixed(0)} | ${p99.toFixed(0)} | ${(rps / bareRps).toFixed(3)} | ${errors} |`;
    };
    const lines = [
      row('bare node:http JSON', 'bare'),
      row('GET /healthz (Hono, one query)', 'health'),
      row('GET /today, 1 week of history', 'week'),
      row('GET /today, 1 year of history', 'year'),
      row('GET /today, 3 years of history', 'years'),
      row('PUT mark done', 'mark'),
      row('PUT today’s check-in', 'checkin'),
    ];
    const p99Of = (key: string) => median((runs[key] ?? []).map((f) => f.p99));
    console.log(
      `  /today p99: 1 week ${p99Of('week')} ms, 1 year ${p99Of('year')} ms, 3 years ${p99Of('years')} ms (3 years / 1 week ${(p99Of('years') / p99Of('week')).toFixed(2)}, 3 years / 1 year ${(p99Of('years') / p99Of('year')).toFixed(2)})`,
    );
    return lines;
  } finally {
    for (const child of children) await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    if (pgName) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

const lines: string[] = [];
let port = 39_300;
for (const kind of databases) {
  lines.push(...(await benchDatabase(kind as 'sqlite' | 'postgres', port)));
  port += 10;
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.versions.node}`;
console.log(
  `\n${new Date().toISOString().slice(0, 10)}, ${machine}; ${COUPLES.toLocaleString('en')} couples, ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} interleaved rounds (medians)\n`,
);
console.log('| database | request | requests/s | p99 ms | ratio to bare | errors |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const line of lines) console.log(line);
