import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDbKind } from '../support/test-db.js';

// The real server process (src/main.ts) stopped with SIGTERM while a request is in flight and a live
// stream is open: the request finishes and its write is there afterwards, the stream is told when to
// reconnect and closes, new connections are refused, and the process exits 0. On SQLite the server
// has a data folder of its own; on PostgreSQL it shares this test's database.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const onPostgres = testDbKind() === 'postgres';

let t: TestApp;
let dataDir: string;
beforeAll(async () => {
  t = await createTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'attune-stop-'));
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

function startServer(port: number): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const config = t.deps.config;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    TZ: process.env.TZ ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    REMINDER_INTERVAL_SECONDS: '1',
    // Real password hashing: a sign-up takes long enough to be in flight when the signal comes.
    ATTUNE_FAST_HASHING: '0',
  };
  if (onPostgres) {
    Object.assign(env, {
      DATABASE_URL: config.database.url,
      MASTER_KEY: config.masterKey ?? '',
      SESSION_SECRET: config.sessionSecret ?? '',
      VAPID_PUBLIC_KEY: config.vapid.publicKey ?? '',
      VAPID_PRIVATE_KEY: config.vapid.privateKey ?? '',
    });
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function waitUntilReady(base: string, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) throw new Error('the server exited before it was ready');
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const signUpBody = (name: string) =>
  JSON.stringify({
    email: `${name}.${randomBytes(4).toString('hex')}@example.org`,
    password: 'a long and private phrase',
    name,
    timeZone: 'Europe/London',
  });

describe('SIGTERM', () => {
  it('finishes the request in flight, tells the live stream when to come back, refuses new connections and exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = startServer(port);
    await waitUntilReady(base, server.exited);
    const headers = { 'content-type': 'application/json', origin: base };

    const first = await fetch(`${base}/api/v1/auth/signup`, { method: 'POST', headers, body: signUpBody('Noor') });
    expect(first.status).toBe(201);
    const cookie = first.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');

    // A live stream, read until its first event.
    const stream = await fetch(`${base}/api/v1/events`, { headers: { cookie, accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('event: ready')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    const streamEnded = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return received;
        received += decoder.decode(value, { stream: true });
      }
    })();

    // A sign-up in flight (real hashing), then the signal while it runs.
    const email = `amara.${randomBytes(4).toString('hex')}@example.org`;
    const inFlight = fetch(`${base}/api/v1/auth/signup`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email, password: 'a long and private phrase', name: 'Amara', timeZone: 'Europe/London' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGTERM');

    const answered = await inFlight;
    expect(answered.status, server.output()).toBe(201);
    const text = await streamEnded;
    expect(text).toMatch(/event: reconnect\ndata: \{\}\n(id: .*\n)?retry: 3000/);
    expect(await server.exited, server.output()).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    // The write that was in flight is whole: the account signs in on a server started again.
    const again = startServer(port);
    try {
      await waitUntilReady(base, again.exited);
      const signIn = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email, password: 'a long and private phrase' }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
    expect(server.output()).toMatch(/Attune stopped/);
  }, 120_000);
});
