import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { boot } from './boot.js';
import { ConfigError, loadConfig } from './config/env.js';
import { startReminderWorker } from './features/reminders/reminders.worker.js';

/** The folder holding package.json: src/ under tsx, dist/server/ once compiled (npm start). */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('Attune could not find its package.json');
  }
}
const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
/** How long requests in flight may take to finish once a stop is asked for. */
const SHUTDOWN_GRACE_MS = 10_000;
/** When browsers whose live stream closed for a shutdown try again. */
const STREAM_RETRY_AFTER_MS = 3_000;

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const deps = await boot(config);
  if (config.testClock) deps.logger.warn('ATTUNE_TEST_CLOCK=1: the clock can be moved by anyone. For browser tests only.');
  const app = createApp(deps, { webRoot: join(projectRoot, 'dist', 'web') });
  const reminders = startReminderWorker(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    deps.logger.info(
      {
        port: config.port,
        database: config.database.kind,
        mail: config.smtpUrl ? 'smtp' : 'off',
        readyMs: Math.round(performance.now() - startedAt),
      },
      `Attune is ready at ${config.publicUrl.origin}`,
    );
  });
  // Graceful shutdown (SIGTERM from systemd, a container runtime or a deploy): stop taking new
  // connections, tell open live streams when to come back and close them, let requests in flight
  // and the reminders tick in progress finish (each write is one transaction, so none is half
  // done), then stop listening for other processes' live events and close the database. A
  // request still running after the grace period is cut off with its transaction rolled back by
  // the database, never half written.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'Attune is stopping');
    const forced = setTimeout(() => {
      deps.logger.warn('requests were still running after the grace period; stopping anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    const remindersStopped = reminders?.stop() ?? Promise.resolve();
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    deps.events.closeStreams(STREAM_RETRY_AFTER_MS);
    void Promise.all([serverClosed, remindersStopped])
      .then(() => deps.events.close())
      .then(() => deps.homeDays.close())
      .then(() => deps.db.destroy())
      .then(
        () => {
          deps.logger.info('Attune stopped');
          process.exit(0);
        },
        (error: unknown) => {
          deps.logger.error({ err: error instanceof Error ? error.message : error }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Attune could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
