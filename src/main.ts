import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { boot } from './boot.js';
import { ConfigError, loadConfig } from './config/env.js';
import { startReminderWorker } from './features/reminders/reminders.worker.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

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
  const stop = () => {
    const remindersStopped = reminders?.stop() ?? Promise.resolve();
    server.close(() => {
      void remindersStopped.then(() => deps.db.destroy()).finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Attune could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
