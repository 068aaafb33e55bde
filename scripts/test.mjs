#!/usr/bin/env node
/**
 * The one command that runs every test: `npm test` (= node scripts/test.mjs).
 *
 *   node scripts/test.mjs                 typecheck + unit + integration (sqlite, postgres) + browser
 *   node scripts/test.mjs unit            only the named layers (no typecheck unless --typecheck):
 *                                         unit | integration | integration-sqlite | integration-postgres | browser
 *   node scripts/test.mjs --no-typecheck  skip tsc
 *
 * Prepares what the layers need (Debian's chromium, poppler-utils' pdftotext and nginx, a local PostgreSQL
 * role and database), runs tsc, vitest and Playwright one after another with their output streamed,
 * then prints counts per layer, the wall time, and as the very last line: `N passed, N failed[, N skipped]`.
 *
 * Environment:
 *   TEST_DATABASE_URL   use this PostgreSQL (role needs CREATEDB) instead of the local cluster
 *   REQUIRE_POSTGRES=1  fail instead of skipping the postgres layer when no PostgreSQL exists (CI)
 *   CHROMIUM_PATH       browser binary (default /usr/bin/chromium)
 *   ATTUNE_PG_CLUSTER   local Debian cluster to use, <version>/<name> (default 15/main)
 *
 * Exit code is non-zero when a test failed, the typecheck failed, a runner crashed, or a layer
 * that ran reported zero tests. Plain Node, no dependencies.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants as osConstants, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const started = Date.now();
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.test-output');
const BIN = join(ROOT, 'node_modules', '.bin');
const ALL_LAYERS = ['unit', 'integration-sqlite', 'integration-postgres', 'browser-chromium'];
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PG_ROLE = 'attune_test';
const PG_DB = 'attune_test';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// ---------------------------------------------------------------------------------------------
// arguments

const args = process.argv.slice(2);
const layerArgs = args.filter((a) => !a.startsWith('-'));
const unknownFlags = args.filter((a) => a.startsWith('-') && !['--typecheck', '--no-typecheck'].includes(a));
if (unknownFlags.length > 0) die(`unknown option ${unknownFlags.join(' ')}`);
const aliases = {
  unit: ['unit'],
  integration: ['integration-sqlite', 'integration-postgres'],
  'integration-sqlite': ['integration-sqlite'],
  'integration-postgres': ['integration-postgres'],
  sqlite: ['integration-sqlite'],
  postgres: ['integration-postgres'],
  browser: ['browser-chromium'],
  'browser-chromium': ['browser-chromium'],
  e2e: ['browser-chromium'],
};
const selected = new Set();
for (const a of layerArgs) {
  const layers = aliases[a];
  if (!layers) die(`unknown layer "${a}"; use one of: unit, integration, integration-sqlite, integration-postgres, browser`);
  for (const l of layers) selected.add(l);
}
if (selected.size === 0) for (const l of ALL_LAYERS) selected.add(l);
const fullRun = layerArgs.length === 0;
const runTypecheck = args.includes('--typecheck') || (fullRun && !args.includes('--no-typecheck'));

// ---------------------------------------------------------------------------------------------
// helpers

function die(message) {
  console.error(`\n[test] ERROR: ${message}\n`);
  process.exit(2);
}

function log(message) {
  console.log(`[test] ${message}`);
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '!'.repeat(width);
  console.log(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join('\n')}\n${bar}\n`);
}

function which(cmd, extraDirs = []) {
  for (const dir of (process.env.PATH || '').split(':').concat(extraDirs)) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return null;
}

/** Synchronous command, output captured. */
function run(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: options.cwd ?? ROOT, ...options });
  return { ok: r.status === 0, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

const children = new Set();
/** Asynchronous command, output streamed to this console. Resolves with the exit code. */
function stream(cmd, argv, env = {}) {
  return new Promise((resolveCode) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    children.add(child);
    child.on('error', (err) => {
      console.error(`[test] could not start ${cmd}: ${err.message}`);
      children.delete(child);
      resolveCode(127);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolveCode(code ?? 128 + (osConstants.signals[signal] ?? 0));
    });
  });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const child of children) child.kill(sig);
    process.exitCode = 130;
    setTimeout(() => process.exit(130), 3000).unref();
  });
}

function localBin(name) {
  const p = join(BIN, name);
  if (!existsSync(p)) die(`${p} is missing: run \`npm ci\` first`);
  return p;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

async function distinctFreePorts(n) {
  const ports = new Set();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Chromium

function osRelease() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return Object.fromEntries(
      text
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => {
          const i = l.indexOf('=');
          return [l.slice(0, i), l.slice(i + 1).replace(/^"|"$/g, '')];
        }),
    );
  } catch {
    return {};
  }
}

function debianLike() {
  const os = osRelease();
  return /\b(debian|ubuntu)\b/.test(`${os.ID ?? ''} ${os.ID_LIKE ?? ''}`);
}

let aptUpdated = false;
/** Installs one of Debian's packages as root (apt-get update once per run); false when it did not work. */
function aptInstall(pkg) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    if (spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status !== 0) return false;
    aptUpdated = true;
  }
  return spawnSync('apt-get', ['install', '-y', pkg], { stdio: 'inherit', env }).status === 0;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (CHROMIUM === '/usr/bin/chromium' && isRoot && debianLike() && which('apt-get')) {
    log(`${CHROMIUM} is missing: installing Debian's chromium (apt-get, about a minute)`);
    if (!aptInstall('chromium') || !existsSync(CHROMIUM)) {
      die('`apt-get install -y chromium` failed; install Chromium by hand (it must end up at /usr/bin/chromium)');
    }
    return;
  }
  const debian = debianLike();
  die(
    [
      `the browser tests need Chromium at ${CHROMIUM}, which does not exist.`,
      debian
        ? '  Install it: sudo apt-get install -y chromium'
        : '  Install Chromium (or Google Chrome) with your package manager,',
      '  or point CHROMIUM_PATH at a Chromium/Chrome binary, e.g. CHROMIUM_PATH=/usr/bin/chromium-browser.',
      '  (`npx playwright install` cannot download browsers on these machines.)',
    ].join('\n'),
  );
}

/** pdftotext (Debian's poppler-utils): the summary spec reads the PDFs Chromium prints with it. */
function ensurePdftotext() {
  if (which('pdftotext')) return;
  if (isRoot && debianLike() && which('apt-get')) {
    log("pdftotext is missing: installing Debian's poppler-utils (apt-get)");
    if (aptInstall('poppler-utils') && which('pdftotext')) return;
    die('`apt-get install -y poppler-utils` failed; install it by hand (the summary spec needs pdftotext)');
  }
  die(
    [
      'the browser tests need pdftotext (to read the printed summary), which is not on the PATH.',
      debianLike() ? '  Install it: sudo apt-get install -y poppler-utils' : '  Install poppler (it provides pdftotext).',
    ].join('\n'),
  );
}

/**
 * nginx (Debian's): the three-process test (tests/integration/nginx-cluster.pg.test.ts) runs Attune behind
 * it, with a configuration of its own on a free port. Installed here like chromium; if the package
 * starts the system's nginx (no policy-rc.d), that daemon is stopped again by the pid it wrote.
 */
function ensureNginx() {
  const sbin = ['/usr/sbin', '/sbin'];
  if (which('nginx', sbin)) return;
  if (isRoot && debianLike() && which('apt-get')) {
    log("nginx is missing: installing Debian's nginx (apt-get)");
    const hadPid = existsSync('/run/nginx.pid');
    const ok = aptInstall('nginx');
    if (!hadPid && existsSync('/run/nginx.pid')) {
      const pid = Number(readFileSync('/run/nginx.pid', 'utf8').trim());
      if (Number.isInteger(pid) && pid > 1) {
        try {
          process.kill(pid, 'SIGQUIT');
        } catch {
          // already gone
        }
      }
    }
    if (ok && which('nginx', sbin)) return;
    die('`apt-get install -y nginx` failed; install it by hand (the three-process test runs Attune behind it)');
  }
  banner([
    'nginx is not installed: the three-process test (integration-postgres) will fail.',
    debianLike() ? 'Install it: sudo apt-get install -y nginx' : 'Install nginx with your package manager.',
  ]);
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** Runs SQL as the postgres OS user over the local socket. */
function psqlAsPostgres(sql, port) {
  const psql = ['psql', '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-p', String(port), '-d', 'postgres'];
  const runuser = which('runuser', ['/usr/sbin', '/sbin']);
  const r = runuser
    ? run(runuser, ['-u', 'postgres', '--', ...psql], { input: sql, cwd: '/' })
    : run('su', ['postgres', '-c', psql.join(' ')], { input: sql, cwd: '/' });
  if (!r.ok) throw new Error(`psql as postgres failed: ${r.stderr.trim() || r.stdout.trim() || r.error?.message}`);
  return r.stdout.trim();
}

function listClusters() {
  const r = run('pg_lsclusters', ['-h']);
  if (!r.ok) return [];
  return r.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 4)
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), online: status.startsWith('online') }));
}

async function waitPgReady(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run('pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-q']).ok) return true;
    await sleep(250);
  }
  return false;
}

/** Returns a connection URL, or null with `reason` when there is no PostgreSQL to use. */
async function preparePostgres() {
  if (process.env.TEST_DATABASE_URL) {
    log(`PostgreSQL: using TEST_DATABASE_URL (${redact(process.env.TEST_DATABASE_URL)})`);
    return { url: process.env.TEST_DATABASE_URL };
  }
  if (!which('pg_ctlcluster')) {
    return { url: null, reason: 'no PostgreSQL server found (no TEST_DATABASE_URL, no pg_ctlcluster)' };
  }
  const clusters = listClusters();
  // ATTUNE_PG_CLUSTER=<version>/<name> picks another local cluster; default 15/main, else the first.
  const [wantVersion, wantName] = (process.env.ATTUNE_PG_CLUSTER || '15/main').split('/');
  const cluster = clusters.find((c) => c.version === wantVersion && c.name === wantName) ?? clusters[0];
  if (!cluster) return { url: null, reason: 'pg_ctlcluster exists but pg_lsclusters lists no cluster' };
  const id = `${cluster.version}/${cluster.name}`;
  if (!cluster.online) {
    if (!isRoot) {
      return {
        url: null,
        reason: `cluster ${id} is stopped and this is not root: run \`sudo pg_ctlcluster ${cluster.version} ${cluster.name} start\` or set TEST_DATABASE_URL`,
      };
    }
    log(`PostgreSQL: starting cluster ${id}`);
    const r = run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
    if (!r.ok) return { url: null, reason: `pg_ctlcluster ${cluster.version} ${cluster.name} start failed: ${r.stderr.trim()}` };
  }
  if (!(await waitPgReady(cluster.port, 30_000))) {
    return { url: null, reason: `cluster ${id} did not accept connections on 127.0.0.1:${cluster.port} within 30 s` };
  }
  const url = `postgres://${PG_ROLE}:${PG_ROLE}@127.0.0.1:${cluster.port}/${PG_DB}`;
  if (!isRoot) {
    // Cannot become the postgres user: assume the role and database were made by someone with rights.
    log(`PostgreSQL: cluster ${id} is up; not root, so assuming role and database ${PG_ROLE} exist`);
    return { url };
  }
  try {
    psqlAsPostgres(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_ROLE}') THEN
           CREATE ROLE ${PG_ROLE} LOGIN CREATEDB PASSWORD '${PG_ROLE}';
         ELSE
           ALTER ROLE ${PG_ROLE} LOGIN CREATEDB PASSWORD '${PG_ROLE}';
         END IF;
       END $$;`,
      cluster.port,
    );
    const exists = psqlAsPostgres(`SELECT 1 FROM pg_database WHERE datname = '${PG_DB}';`, cluster.port);
    if (exists !== '1') psqlAsPostgres(`CREATE DATABASE ${PG_DB} OWNER ${PG_ROLE};`, cluster.port);
  } catch (err) {
    return { url: null, reason: `could not create role/database ${PG_ROLE}: ${err.message}` };
  }
  // Prove the URL works over TCP with the password, as the tests will use it.
  const check = run('psql', ['-X', '-q', '-t', '-A', '-c', 'SELECT 1', url], { cwd: '/' });
  if (!check.ok || check.stdout.trim() !== '1') {
    return { url: null, reason: `cannot sign in as ${PG_ROLE} over TCP: ${check.stderr.trim()}` };
  }
  log(`PostgreSQL: cluster ${id} ready, role and database ${PG_ROLE} in place`);
  return { url };
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

// ---------------------------------------------------------------------------------------------
// main

const counts = Object.fromEntries(ALL_LAYERS.map((l) => [l, null])); // null = did not run
const problems = []; // runner crashes, zero-test layers, typecheck
const skippedLayers = {}; // layer -> reason

mkdirSync(OUT, { recursive: true });
for (const f of ['vitest.json', 'vitest-layers.json', 'playwright.json', 'mails.jsonl']) rmSync(join(OUT, f), { force: true });

log(`layers: ${[...selected].join(', ')}${runTypecheck ? ' (+ typecheck)' : ''}`);

if (selected.has('browser-chromium')) {
  ensureChromium();
  ensurePdftotext();
}

let pgUrl = null;
if (selected.has('integration-postgres')) {
  ensureNginx();
  const pg = await preparePostgres();
  pgUrl = pg.url;
  if (!pgUrl) {
    if (process.env.REQUIRE_POSTGRES === '1') {
      banner(['REQUIRE_POSTGRES=1 but PostgreSQL is not available:', pg.reason]);
      process.exit(1);
    }
    skippedLayers['integration-postgres'] = pg.reason;
    selected.delete('integration-postgres');
    banner([
      'POSTGRESQL TESTS SKIPPED: the integration-postgres layer will NOT run.',
      pg.reason,
      'Install/start PostgreSQL 15 or set TEST_DATABASE_URL; CI sets REQUIRE_POSTGRES=1.',
    ]);
  }
}

// 1. typecheck
if (runTypecheck) {
  log('typecheck: tsc --noEmit -p .');
  const code = await stream(localBin('tsc'), ['--noEmit', '-p', '.']);
  if (code !== 0) problems.push('typecheck failed (tsc --noEmit -p .)');
  else log('typecheck passed');
  log('lint: biome check');
  const lint = await stream(localBin('biome'), ['check']);
  if (lint !== 0) problems.push('typecheck: lint failed (biome check)');
  else log('lint passed');
}

// 2. vitest
const vitestProjects = ['unit', 'integration-sqlite', 'integration-postgres'].filter((l) => selected.has(l));
if (vitestProjects.length > 0) {
  log(`vitest: ${vitestProjects.join(', ')}`);
  const layersFile = join(OUT, 'vitest-layers.json');
  const code = await stream(
    localBin('vitest'),
    [
      'run',
      ...vitestProjects.flatMap((p) => ['--project', p]),
      '--reporter=default',
      '--reporter=json',
      '--reporter=./tests/support/vitest-layer-reporter.ts',
      `--outputFile.json=${join(OUT, 'vitest.json')}`,
    ],
    {
      TZ: 'America/New_York',
      ATTUNE_VITEST_LAYERS_FILE: layersFile,
      ...(pgUrl ? { TEST_DATABASE_URL: pgUrl } : {}),
    },
  );
  const layers = readJson(layersFile);
  const json = readJson(join(OUT, 'vitest.json'));
  if (!layers) {
    problems.push(`vitest crashed (exit code ${code}) before reporting results`);
  } else {
    let failed = 0;
    for (const p of vitestProjects) {
      const c = layers.projects?.[p] ?? { passed: 0, failed: 0, skipped: 0, files: 0, failedFiles: 0 };
      // A file that failed outside any test (import error, failing beforeAll) counts as one failure.
      counts[p] = { passed: c.passed, failed: c.failed + c.failedFiles, skipped: c.skipped };
      failed += counts[p].failed;
    }
    if (layers.unhandledErrors > 0) problems.push(`vitest reported ${layers.unhandledErrors} unhandled error(s)`);
    if (json && json.numTotalTests !== undefined) {
      const sum = vitestProjects.reduce((n, p) => {
        const c = layers.projects?.[p];
        return n + (c ? c.passed + c.failed + c.skipped : 0);
      }, 0);
      if (sum !== json.numTotalTests) problems.push(`vitest counts disagree: layers ${sum}, json ${json.numTotalTests}`);
    }
    if (code !== 0 && failed === 0 && layers.unhandledErrors === 0) {
      problems.push(`vitest exited with code ${code} without a failed test (crash, or an error in globalSetup/teardown)`);
    }
  }
}

// 3. Playwright
if (selected.has('browser-chromium')) {
  const [appPort, smtpPort, neutralPort] = await distinctFreePorts(3);
  const runDir = mkdtempSync(join(tmpdir(), 'attune-e2e-'));
  const jsonFile = join(OUT, 'playwright.json');
  log(`playwright: app :${appPort}, smtp sink :${smtpPort}, neutral page :${neutralPort}, run dir ${runDir}`);
  const code = await stream(localBin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
    ATTUNE_E2E_APP_PORT: String(appPort),
    ATTUNE_E2E_SMTP_PORT: String(smtpPort),
    ATTUNE_E2E_NEUTRAL_PORT: String(neutralPort),
    ATTUNE_E2E_RUN_DIR: runDir,
    ATTUNE_E2E_OUTPUT_DIR: join(OUT, 'playwright-artifacts'),
    CHROMIUM_PATH: CHROMIUM,
  });
  // Keep the mails of the last run for reading after a failure; drop the database and the rest.
  try {
    copyFileSync(join(runDir, 'mails.jsonl'), join(OUT, 'mails.jsonl'));
  } catch {
    // no mail file: globalSetup did not get that far
  }
  rmSync(runDir, { recursive: true, force: true });
  const report = readJson(jsonFile);
  if (!report?.stats) {
    problems.push(`playwright crashed (exit code ${code}) before reporting results`);
  } else {
    const s = report.stats;
    counts['browser-chromium'] = {
      passed: (s.expected ?? 0) + (s.flaky ?? 0),
      failed: s.unexpected ?? 0,
      skipped: s.skipped ?? 0,
    };
    if (s.flaky) log(`playwright: ${s.flaky} flaky test(s) passed only on retry`);
    const globalErrors = report.errors?.length ?? 0;
    if (globalErrors > 0)
      problems.push(`playwright reported ${globalErrors} error(s) outside tests (webServer, globalSetup, ...)`);
    if (code !== 0 && !s.unexpected && globalErrors === 0)
      problems.push(`playwright exited with code ${code} without a failed test`);
  }
}

// 4. summary
for (const layer of ALL_LAYERS) {
  const c = counts[layer];
  if (c && c.passed + c.failed + c.skipped === 0) problems.push(`${layer}: zero tests ran (misconfigured globs or project?)`);
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n──────────────────────────── test summary ────────────────────────────');
for (const layer of ALL_LAYERS) {
  const c = counts[layer];
  let line;
  if (c) {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    line = `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
  } else if (skippedLayers[layer]) line = `NOT RUN: ${skippedLayers[layer]}`;
  else if (selected.has(layer)) line = 'NO RESULTS (runner crashed)';
  else line = 'not selected';
  console.log(`  ${layer.padEnd(22)} ${line}`);
}
if (runTypecheck)
  console.log(`  ${'typecheck'.padEnd(22)} ${problems.some((p) => p.startsWith('typecheck')) ? 'FAILED' : 'passed'}`);
for (const p of problems) console.log(`  PROBLEM: ${p}`);
if (skippedLayers['integration-postgres']) console.log('  !!! PostgreSQL layer skipped: no PostgreSQL on this machine !!!');
console.log(`  wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);

process.exitCode = total.failed > 0 || problems.length > 0 ? 1 : 0;
