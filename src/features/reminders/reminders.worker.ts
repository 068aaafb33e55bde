import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppDeps } from '../../deps.js';
import { runReminderTick } from './reminders.service.js';

// The reminders loop of a server process: a tick every REMINDER_INTERVAL_SECONDS (0: none in this
// process). Ticks never overlap; the timer does not keep the process alive; stop() waits for the
// tick in progress so the database is not closed under it. Several processes may run it against
// one PostgreSQL database: claiming inside the database keeps each reminder to one of them.

export interface ReminderWorker {
  readonly workerId: string;
  stop(): Promise<void>;
}

/** A name for this worker in claimed rows: host, process and a random part (two workers in one process differ). */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export function startReminderWorker(deps: AppDeps, intervalSeconds = deps.config.reminderIntervalSeconds): ReminderWorker | null {
  if (intervalSeconds <= 0) return null;
  const workerId = newWorkerId();
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    running = runReminderTick(deps, workerId)
      .then((r) => {
        if (r.claimed > 0 || r.failed > 0) deps.logger.debug({ ...r }, 'reminders tick');
      })
      .catch((err: unknown) => {
        deps.logger.warn({ err: err instanceof Error ? err.message : 'error' }, 'reminders tick failed');
      })
      .finally(() => {
        running = null;
      });
  };

  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  // A first run soon after start, so reminders missed while the server was down go out (if still useful).
  const first = setTimeout(tick, Math.min(intervalSeconds, 2) * 1000);
  first.unref();

  return {
    workerId,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
