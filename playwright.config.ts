/**
 * Browser tests: Debian's Chromium (Playwright cannot download browsers here), one app server with
 * a fresh data directory, a local SMTP sink and a neutral "Weather" page for the quick-exit button.
 *
 * Ordering: Playwright 1.65 starts `webServer` BEFORE `globalSetup`, so every port is fixed here,
 * in the config, and handed to both. scripts/test.mjs picks free ports and passes them as
 * ATTUNE_E2E_*; a bare `npx playwright test` falls back to 38000 (app), 38025 (SMTP), 38080 (neutral).
 * The app only connects to SMTP when it sends a mail, by which time globalSetup has started the sink.
 *
 * This module is evaluated in the main process and again in every worker; values computed here
 * are stored in process.env on first evaluation so workers (which inherit the env) see the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, not ${raw}`);
  process.env[name] = String(port);
  return port;
}

const appPort = envPort('ATTUNE_E2E_APP_PORT', 38000);
const smtpPort = envPort('ATTUNE_E2E_SMTP_PORT', 38025);
const neutralPort = envPort('ATTUNE_E2E_NEUTRAL_PORT', 38080);
process.env.NEUTRAL_URL = `http://127.0.0.1:${neutralPort}/`;

// Everything a run writes lives in its own temp directory, so two runs in one checkout (say
// `npm test` and a bare `npx playwright test`) don't truncate each other's mails or share a
// database. Removed when this process exits unless the caller (scripts/test.mjs) supplied it.
if (!process.env.ATTUNE_E2E_RUN_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'attune-e2e-'));
  process.env.ATTUNE_E2E_RUN_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
const runDir = process.env.ATTUNE_E2E_RUN_DIR;
process.env.ATTUNE_E2E_DATA_DIR ??= join(runDir, 'data');
process.env.ATTUNE_E2E_MAILS_FILE ??= join(runDir, 'mails.jsonl');
// Playwright empties outputDir when it starts: scripts/test.mjs uses .test-output/playwright-artifacts,
// a bare run Playwright's default test-results/, so the two never wipe each other's traces.
const outputDir = process.env.ATTUNE_E2E_OUTPUT_DIR || 'test-results';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const appUrl = `http://localhost:${appPort}`;

export default defineConfig({
  testDir: 'tests/browser',
  outputDir,
  fullyParallel: false,
  // 2 cores: two browsers share them with the server. Specs must not depend on each other's data.
  workers: Number(process.env.PW_WORKERS) || 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A safety cap, not a measure: on two busy shared cores a two-browser journey has taken 30 s and more.
  timeout: 120_000,
  // Two cores shared by two browsers and the server: allow a slow first paint before calling it missing.
  expect: { timeout: 10_000 },
  // scripts/test.mjs passes --reporter=list,json; this is for a bare `npx playwright test`.
  reporter: 'list',
  globalSetup: './tests/support/browser-global-setup.ts',
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'America/New_York',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${appUrl}/healthz`,
    // Always a fresh server: never test against something already listening on the port.
    reuseExistingServer: false,
    // The front end is rebuilt first (vite build on 2 cores: up to a minute or so).
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: String(appPort),
      DATA_DIR: process.env.ATTUNE_E2E_DATA_DIR,
      // SQLite in DATA_DIR, whatever the developer's shell says.
      DATABASE_URL: '',
      MASTER_KEY: '',
      SESSION_SECRET: '',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      QUICK_EXIT_URL: process.env.NEUTRAL_URL,
      ATTUNE_FAST_HASHING: '1',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: appUrl,
      ATTUNE_BUILD_WEB: process.env.ATTUNE_BUILD_WEB || 'always',
      // The server from source through tsx, as in development: no compile step before each run.
      ATTUNE_RUN_SOURCE: '1',
    },
  },
});
