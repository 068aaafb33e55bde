// Lighthouse's four categories (performance included) on a phone, as a figure, never an assertion:
// performance swings with the machine's load. Starts Attune as `npm start` does (built web app,
// compiled server) on a fresh SQLite data folder, audits the first screen signed out and home
// signed in, RUNS times each, and prints each category's median.
//
//   node --import tsx scripts/lighthouse.ts        (RUNS=3 by default)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { type LighthouseResult, lighthouseScores } from '../tests/browser/pages/lighthouse';

const root = join(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 180_000) throw new Error('Attune did not answer /healthz within 3 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const appPort = await freePort();
const debugPort = await freePort();
const url = `http://localhost:${appPort}`;
const dataDir = mkdtempSync(join(tmpdir(), 'attune-lighthouse-data-'));
const profile = mkdtempSync(join(tmpdir(), 'attune-lighthouse-profile-'));
const server = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  // The web app as it is now: always rebuilt, as the browser tests do.
  env: {
    ...process.env,
    PORT: String(appPort),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    ATTUNE_BUILD_WEB: 'always',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  await waitForHealth(url);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${debugPort}`],
  });
  try {
    const signedOut: Record<string, number[]> = {};
    const signedIn: Record<string, number[]> = {};
    const collect = (into: Record<string, number[]>, result: LighthouseResult) => {
      for (const [id, score] of Object.entries(result.scores)) into[id] = [...(into[id] ?? []), score];
      console.log(
        `${result.finalPath}: ${Object.entries(result.metrics)
          .map(([m, v]) => `${m} ${v}`)
          .join(', ')}`,
      );
    };
    for (let i = 0; i < RUNS; i++) collect(signedOut, await lighthouseScores(`${url}/`, debugPort, CATEGORIES));
    const signUp = await context.request.post(`${url}/api/v1/auth/signup`, {
      data: {
        name: 'Jo',
        email: `lighthouse-${Date.now()}@example.org`,
        password: 'quiet river morning lamp',
        timeZone: 'Europe/London',
      },
    });
    if (!signUp.ok()) throw new Error(`sign-up answered ${signUp.status()}`);
    for (let i = 0; i < RUNS; i++) collect(signedIn, await lighthouseScores(`${url}/`, debugPort, CATEGORIES));
    console.log(`Lighthouse 12.2.3, mobile defaults, ${RUNS} runs each, medians`);
    console.log('| screen | performance | accessibility | best practices | SEO |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [name, scores] of [
      ['first screen, signed out', signedOut],
      ['home, signed in', signedIn],
    ] as const) {
      console.log(`| ${name} | ${CATEGORIES.map((c) => median(scores[c] ?? []).toFixed(2)).join(' | ')} |`);
    }
  } finally {
    await context.close();
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
