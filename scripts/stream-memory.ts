/**
 * Memory per idle live-update stream: starts the real server (src/main.ts) on a fresh SQLite data
 * folder, signs up people, opens STREAMS event streams spread over their sessions, lets them sit idle,
 * and prints the server's resident memory before and after with the cost per stream. A figure, never
 * an assertion (a script, not a test). Then it opens one more stream than the process allows and shows
 * the answer (503 with Retry-After), so the cap is seen working at this size too.
 *
 *   node --import tsx scripts/stream-memory.ts [--streams 5000] [--people 100]
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, freshSecrets, startServer, waitUntilReady } from './crash-loop.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number, 1 or more`);
  return value;
}

const STREAMS = option('streams', 5000);
const PEOPLE = option('people', 100);
const perSession = Math.ceil(STREAMS / PEOPLE);

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens an event stream and resolves with its status once the headers arrive; the socket stays open. */
function openStream(port: number, cookie: string): Promise<{ status: number; retryAfter: string | null; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/v1/events', headers: { cookie, accept: 'text/event-stream' } },
      (res) => {
        res.on('data', () => undefined);
        res.on('error', () => undefined);
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: res.headers['retry-after']?.toString() ?? null,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const dataDir = await mkdtemp(join(tmpdir(), 'attune-streams-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = startServer(port, {
  DATA_DIR: dataDir,
  ...freshSecrets(),
  EVENT_STREAMS_PER_SESSION: String(perSession),
  EVENT_STREAMS_PER_PROCESS: String(STREAMS),
  RATE_LIMIT_PER_ADDRESS: '1000000',
});
const open: { close: () => void }[] = [];
try {
  await waitUntilReady(base, server);
  const pid = server.child.pid ?? 0;
  const cookies: string[] = [];
  // One more person than carry the streams: a fresh session knocks when the process is full.
  for (let i = 0; i <= PEOPLE; i++) {
    const res = await fetch(`${base}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({
        email: `streams-${i}@example.org`,
        password: 'quiet river morning lamp',
        name: `P${i}`,
        timeZone: 'Europe/London',
      }),
    });
    if (res.status !== 201) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
    cookies.push(
      res.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; '),
    );
  }
  // One stream per person first, so the code paths are warm before the baseline.
  for (const cookie of cookies.slice(0, PEOPLE)) open.push(await openStream(port, cookie));
  for (const s of open.splice(0)) s.close();
  await sleep(3000);
  const before = await rssMb(pid);
  const started = Date.now();
  for (let i = 0; i < STREAMS; i++) {
    const s = await openStream(port, cookies[i % PEOPLE] ?? '');
    if (s.status !== 200) throw new Error(`stream ${i + 1} answered ${s.status}`);
    open.push(s);
  }
  const openedMs = Date.now() - started;
  await sleep(10_000);
  const after = await rssMb(pid);
  const refused = await openStream(port, cookies[PEOPLE] ?? '');
  refused.close();
  console.log(
    `${STREAMS} idle event streams on one process (${PEOPLE} people, ${perSession} streams a session), opened in ${(openedMs / 1000).toFixed(1)} s`,
  );
  console.log(`server RSS: ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB with the streams open (after 10 s idle)`);
  console.log(`about ${(((after - before) * 1024) / STREAMS).toFixed(1)} KB per idle stream`);
  console.log(
    `one stream more, from another session, with the process full: ${refused.status}${refused.retryAfter ? `, Retry-After ${refused.retryAfter}` : ''}`,
  );
} finally {
  for (const s of open) s.close();
  server.child.kill('SIGTERM');
  await server.exited;
  await rm(dataDir, { recursive: true, force: true });
}
