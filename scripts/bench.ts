// `npm run bench`: what a request costs, as ratios measured in one run on one machine.
//
// Seeds N couples with daily activity (commitments both ways, marks, acknowledgements, check-ins;
// scripts/bench-seed.ts),
// then measures with autocannon, interleaved round by round (these machines are shared: one figure
// alone means little, a ratio in the same run means more):
//   - a bare node:http JSON endpoint: every other figure is a ratio to it,
//   - GET /healthz, GET /api/v1/today for a couple with 1 week, 1 year and 3 years of history,
//   - marking an occurrence done and writing today's check-in (fresh Idempotency-Key each), also as a
//     ratio to the database's raw commit rate (one-row transactions, fsync-bound) measured in the run,
//   - the server's CPU milliseconds per request (its utime + stime from /proc over the measurement),
//   - what one GET /today does inside the server (scripts/bench-request-cost.ts): its queries, the
//     sealed texts it opens and the bytes it allocates, for a day computed and for a day kept.
// Each checkout's server runs twice: as configured (`now`: home days kept, decision 030) and with
// HOME_DAYS_KEPT=0 (`computed`: every /today computes the day, the worst case of a day that
// changes between every two looks). --no-computed leaves the second out.
// Prints a table and writes the same as JSON (bench-results/latest.json, or --out). Asserts nothing.
//
//   npm run bench                                   # SQLite, 1,000 couples, 5 s × 2 rounds (a few minutes)
//   npm run bench -- --db postgres                  # BENCH_DATABASE_URL or TEST_DATABASE_URL: a role with CREATEDB
//   npm run bench -- --db both --large              # 10,000 couples (about 20 million rows)
//   npm run bench -- --compare /tmp/before          # also the server of another checkout, same data, same run
//   npm run bench -- --show-queries                 # prints the SQL of one /today, computed and kept
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { generateVapidPair } from '../src/crypto/vapid.js';
import type { AppDeps } from '../src/deps.js';
import { costOfToday, type RequestCost } from './bench-request-cost.js';
import { PASSWORD, seed } from './bench-seed.js';

const here = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    couples: { type: 'string' },
    large: { type: 'boolean', default: false },
    db: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    out: { type: 'string', default: join(here, 'bench-results', 'latest.json') },
    compare: { type: 'string' },
    'show-queries': { type: 'boolean', default: false },
    'no-computed': { type: 'boolean', default: false },
  },
});
const COUPLES = Number(args.couples ?? (args.large ? 10_000 : 1_000));
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);
const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

for (const [name, value] of Object.entries({ COUPLES, SECONDS, CONNECTIONS, ROUNDS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name.toLowerCase()} must be a whole number of at least 1`);
}
const databases = args.db === 'both' ? ['sqlite', 'postgres'] : [args.db];
for (const d of databases) if (d !== 'sqlite' && d !== 'postgres') throw new Error('--db must be sqlite, postgres or both');

/**
 * The servers measured: this checkout as configured (`now`) and with no home day kept (`computed`),
 * and with --compare, another checkout's (`before`), first so that it seeds a schema it knows.
 */
const trees: { label: string; root: string; env: Record<string, string> }[] = [
  ...(args.compare ? [{ label: 'before', root: resolve(args.compare), env: {} }] : []),
  { label: 'now', root: here, env: {} },
  ...(args['no-computed'] ? [] : [{ label: 'computed', root: here, env: { HOME_DAYS_KEPT: '0' } }]),
];

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
  return new Promise((done) => {
    child.once('exit', () => done());
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

async function signIn(request: (path: string, init: RequestInit) => Promise<Response>, email: string): Promise<string> {
  const res = await request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('attune_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] as string;
}

/** The server's CPU time so far (user + system), in milliseconds, from /proc. */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

// ---------- measuring ----------

interface Figure {
  rps: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
}

async function measure(opts: {
  url: string;
  method?: 'GET' | 'PUT';
  cookie?: string;
  body?: unknown;
  pid?: number | undefined;
}): Promise<Figure> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const cpuBefore = cpuMsOf(opts.pid);
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
  const cpu = cpuMsOf(opts.pid) - cpuBefore;
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors,
    cpuMsPerRequest: cpu / Math.max(1, result.requests.total),
  };
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** The database's raw commit rate: one-row transactions, each waiting for its fsync, as the app's writes do. */
async function rawCommitRate(kind: 'sqlite' | 'postgres', where: string): Promise<number> {
  const until = performance.now() + 2_000;
  let commits = 0;
  if (kind === 'sqlite') {
    const file = join(where, 'commit-rate.sqlite');
    const db = new SQLite(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table t (id integer primary key, v text)');
    const insert = db.prepare('insert into t (v) values (?)');
    while (performance.now() < until) {
      insert.run('x');
      commits++;
    }
    db.close();
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    return commits / 2;
  }
  // PostgreSQL: as many clients as the app's pool (10), each committing in turn.
  const clients = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const c = new pg.Client({ connectionString: where });
      await c.connect();
      return c;
    }),
  );
  await clients[0]?.query('create table if not exists bench_commit_rate (id serial primary key, v text)');
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < until) {
        await c.query('insert into bench_commit_rate (v) values ($1)', ['x']);
        commits++;
      }
    }),
  );
  await clients[0]?.query('drop table bench_commit_rate');
  await Promise.all(clients.map((c) => c.end()));
  return commits / 2;
}

/** Web push keys: required with PostgreSQL, shared by every process of the run. */
function vapidEnv() {
  const pair = generateVapidPair();
  return { VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey };
}

interface Result {
  key: string;
  label: string;
  tree: string;
  rps: number;
  p99Ms: number;
  ratioToBare: number;
  ratioToRawCommits: number | null;
  cpuMsPerRequest: number | null;
  errors: number;
}

async function benchDatabase(kind: 'sqlite' | 'postgres', portBase: number) {
  console.log(`\n${kind}:`);
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-'));
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
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    MASTER_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('base64'),
    ...vapidEnv(),
    LOG_LEVEL: 'silent',
  };
  const children: ChildProcess[] = [];
  try {
    // Seeded with the oldest checkout's code, so that every server after it finds a schema it knows or can migrate forward.
    const oldest = trees[0] as { root: string };
    const { boot } = await import(join(oldest.root, 'src', 'boot.ts'));
    const { loadConfig } = await import(join(oldest.root, 'src', 'config', 'env.ts'));
    const seedDeps: AppDeps = await boot(loadConfig(env));
    const seeded = await seed(seedDeps, COUPLES);
    await seedDeps.db.destroy();

    const bare = spawn(process.execPath, ['-e', BARE_SERVER], {
      env: { ...process.env, PORT: String(portBase) },
      stdio: 'ignore',
    });
    children.push(bare);
    const bareUrl = `http://127.0.0.1:${portBase}/`;
    await waitFor(bareUrl, bare);

    const servers: {
      label: string;
      base: string;
      pid: number | undefined;
      cookies: Record<string, string>;
    }[] = [];
    // What one /today does, per checkout (its `computed` server runs the same code).
    const costs: Record<string, { computed: RequestCost; kept: RequestCost }> = {};
    for (const [i, tree] of trees.entries()) {
      if (tree.label !== 'computed') {
        const cost = await costOfToday(tree.root, kind, env, signIn, seeded.yearEmail);
        costs[tree.label] = cost;
        for (const [which, c] of Object.entries(cost)) {
          console.log(
            `  ${tree.label}, a day ${which}: ${c.queries.length} queries, ${c.opens} sealed texts opened, ${c.heapBytes ?? '?'} bytes allocated`,
          );
          if (args['show-queries']) for (const q of c.queries) console.log(`    ${q}`);
        }
      }
      // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers under load.
      const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const port = portBase + 1 + i;
      const app = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(tree.root, 'src', 'main.ts')], {
        cwd: tree.root,
        env: { ...process.env, ...env, ...tree.env, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(app);
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/healthz`, app);
      const request = (path: string, init: RequestInit) => fetch(`${base}${path}`, init);
      servers.push({
        label: tree.label,
        base,
        pid: app.pid,
        cookies: {
          week: await signIn(request, seeded.weekEmail),
          year: await signIn(request, seeded.yearEmail),
          years: await signIn(request, seeded.yearsEmail),
        },
      });
    }
    const first = servers[0];
    if (!first) throw new Error('no server');
    const today = (await (
      await fetch(`${first.base}/api/v1/today`, { headers: { cookie: first.cookies.years ?? '' } })
    ).json()) as {
      date: string;
      act: { toMark: { commitmentId: string; key: string }[] };
    };
    const open = today.act.toMark.find((o) => o.commitmentId === seeded.yearsCommitmentId);
    if (!open) throw new Error('the 3-year couple has nothing to mark today: the seed is off');

    const runs: Record<string, Figure[]> = {};
    const commitRates: number[] = [];
    const push = (key: string, f: Figure) => {
      runs[key] ??= [];
      runs[key].push(f);
    };
    for (let round = 0; round < ROUNDS; round++) {
      push('bare', await measure({ url: bareUrl }));
      commitRates.push(await rawCommitRate(kind, kind === 'sqlite' ? dataDir : databaseUrl));
      // Each server in turn for each kind of request, so that a swing in the machine's load falls on both.
      for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
        const pid = s.pid;
        push(`${s.label}:health`, await measure({ url: `${s.base}/healthz`, pid }));
        push(`${s.label}:week`, await measure({ url: `${s.base}/api/v1/today`, cookie: s.cookies.week, pid }));
        push(`${s.label}:year`, await measure({ url: `${s.base}/api/v1/today`, cookie: s.cookies.year, pid }));
        push(`${s.label}:years`, await measure({ url: `${s.base}/api/v1/today`, cookie: s.cookies.years, pid }));
        push(
          `${s.label}:mark`,
          await measure({
            url: `${s.base}/api/v1/commitments/${open.commitmentId}/occurrences/${open.key}/mark`,
            method: 'PUT',
            cookie: s.cookies.years,
            body: { status: 'done' },
            pid,
          }),
        );
        push(
          `${s.label}:checkin`,
          await measure({
            url: `${s.base}/api/v1/checkins/${today.date}`,
            method: 'PUT',
            cookie: s.cookies.years,
            body: { connected: 7, heard: 6, mood: 'hopeful', line: null, visibility: 'couple' },
            pid,
          }),
        );
      }
      process.stdout.write(`  round ${round + 1}/${ROUNDS} done\r`);
    }
    const bareRps = median((runs.bare ?? []).map((f) => f.rps));
    const commitRate = median(commitRates);
    const results: Result[] = [];
    const add = (key: string, label: string, tree: string, write: boolean) => {
      const figures = runs[key] ?? [];
      const rps = median(figures.map((f) => f.rps));
      const cpu = median(figures.map((f) => f.cpuMsPerRequest));
      results.push({
        key,
        label,
        tree,
        rps: Math.round(rps),
        p99Ms: median(figures.map((f) => f.p99)),
        ratioToBare: Number((rps / bareRps).toFixed(4)),
        ratioToRawCommits: write ? Number((rps / commitRate).toFixed(3)) : null,
        cpuMsPerRequest: Number.isNaN(cpu) ? null : Number(cpu.toFixed(2)),
        errors: figures.reduce((n, f) => n + f.errors, 0),
      });
    };
    add('bare', 'bare node:http JSON', '', false);
    for (const s of servers) {
      add(`${s.label}:health`, 'GET /healthz (one query)', s.label, false);
      add(`${s.label}:week`, 'GET /today, small couple (1 week)', s.label, false);
      add(`${s.label}:year`, `GET /today, 1 year, ${COUPLES.toLocaleString('en')} couples`, s.label, false);
      add(`${s.label}:years`, `GET /today, 3 years, ${COUPLES.toLocaleString('en')} couples`, s.label, false);
      add(`${s.label}:mark`, 'PUT mark done', s.label, true);
      add(`${s.label}:checkin`, 'PUT today’s check-in', s.label, true);
    }
    const p99 = (label: string, k: string) => results.find((r) => r.key === `${label}:${k}`)?.p99Ms ?? Number.NaN;
    return {
      database: kind,
      bareRps: Math.round(bareRps),
      rawCommitsPerSecond: Math.round(commitRate),
      seeded: { couples: COUPLES, rows: seeded.rows, seconds: Math.round(seeded.seconds) },
      perToday: Object.fromEntries(
        Object.entries(costs).map(([label, cost]) => [
          label,
          Object.fromEntries(
            Object.entries(cost).map(([which, c]) => [
              which,
              { queries: c.queries.length, opens: c.opens, heapBytes: c.heapBytes },
            ]),
          ),
        ]),
      ),
      historyGrowthP99: Object.fromEntries(
        servers.map((s) => [s.label, Number((p99(s.label, 'years') / p99(s.label, 'year')).toFixed(2))]),
      ),
      results,
    };
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

const runsByDb = [];
let port = 39_400;
for (const kind of databases) {
  runsByDb.push(await benchDatabase(kind as 'sqlite' | 'postgres', port));
  port += 10;
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.versions.node}`;
const method = `${COUPLES.toLocaleString('en')} couples, autocannon ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} interleaved rounds (medians)`;
const date = new Date().toISOString();
console.log(`\n${date.slice(0, 10)}, ${machine}; ${method}\n`);
const showTree = trees.length > 1;
console.log(
  `| database |${showTree ? ' server |' : ''} request | requests/s | p99 ms | × bare | × raw commits | server CPU ms/request | errors |`,
);
console.log(`| --- |${showTree ? ' --- |' : ''} --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const run of runsByDb) {
  for (const r of run.results) {
    const cells = [
      run.database,
      ...(showTree ? [r.tree] : []),
      r.label,
      String(r.rps),
      String(r.p99Ms),
      r.ratioToBare.toFixed(3),
      r.ratioToRawCommits === null ? '' : r.ratioToRawCommits.toFixed(3),
      r.cpuMsPerRequest === null ? '' : r.cpuMsPerRequest.toFixed(2),
      String(r.errors),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log(
    `\n${run.database}: raw commits ${run.rawCommitsPerSecond}/s; per GET /today ${JSON.stringify(run.perToday)}; /today p99 3 years ÷ 1 year ${JSON.stringify(run.historyGrowthP99)}\n`,
  );
}
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify({ date, machine, method, trees, runs: runsByDb }, null, 2)}\n`);
console.log(`written to ${args.out}`);
