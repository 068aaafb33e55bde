import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/**
 * A server of a spec's own with the test clock seam (ATTUNE_TEST_CLOCK=1, POST /api/test/clock), so a
 * spec can live through weeks in seconds without moving time under the specs that share the main
 * server. It serves the web app the main server already built, on SQLite in a fresh folder.
 */
export interface ClockServer {
  /** e.g. http://localhost:41234: pass as a context's baseURL. */
  base: string;
  /** Moves the server's clock forward. */
  advance(ms: number): Promise<void>;
  /** Moves it forward to the next 10:00 in London, so no local day ends in the middle of a step. */
  toNextMorning(): Promise<void>;
  stop(): Promise<void>;
}

const HOUR = 3_600_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startClockServer(label: string): Promise<ClockServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `attune-${label}-`));
  const base = `http://localhost:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      MASTER_KEY: '',
      SESSION_SECRET: '',
      SMTP_URL: '',
      PUBLIC_URL: base,
      LOG_LEVEL: 'error',
      ATTUNE_FAST_HASHING: '1',
      ATTUNE_TEST_CLOCK: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error('the clock-seam server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }

  const advance = async (ms: number) => {
    const res = await fetch(`${base}/api/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    });
    expect(res.status).toBe(200);
  };

  return {
    base,
    advance,
    async toNextMorning() {
      const now = new Date(((await (await fetch(`${base}/api/test/clock`)).json()) as { now: string }).now);
      const london = Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(now),
      );
      const hoursAhead = (24 + 10 - london) % 24 || 24;
      await advance(hoursAhead * HOUR - now.getUTCMinutes() * 60_000);
    },
    async stop() {
      if (server.exitCode === null) {
        await new Promise<void>((resolve) => {
          server.once('exit', () => resolve());
          server.kill('SIGTERM');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
