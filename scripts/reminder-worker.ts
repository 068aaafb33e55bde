/**
 * A reminders worker on its own, for the two-process test (tests/integration/reminders-multiprocess.pg.test.ts)
 * and for trying claiming by hand: boots on DATABASE_URL (with the usual environment: MASTER_KEY,
 * SESSION_SECRET, VAPID_* on PostgreSQL), then runs runReminderTick in a loop for a while.
 *
 *   REMINDER_WORKER_SECONDS=5           how long to run at most (default 5)
 *   REMINDER_WORKER_UNTIL_IDLE=3        stop sooner, once this many ticks in a row found nothing to claim
 *                                       (tests end on that condition; the seconds are then only a cap)
 *   REMINDER_FAKE_NOW=2026-06-01T12:00Z a fixed "now" for every tick (default: the real clock)
 *   REMINDER_WORKER_ID=a                the worker's name in claimed rows (default: host:pid:random)
 *   REMINDER_CLAIM_BATCH=50             reminders claimed per tick (smaller: more claims racing each other)
 *   REMINDER_WAIT_FOR_GO=1              print "ready" once booted and wait for a line on stdin first,
 *                                       so a test can start several workers at the same moment
 *
 *   node --import tsx scripts/reminder-worker.ts
 *
 * Prints one JSON line at the end: { workerId, ticks, claimed, sent, skipped, failed }.
 */
import { createInterface } from 'node:readline';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config/env.js';
import { runReminderTick } from '../src/features/reminders/reminders.service.js';
import { newWorkerId } from '../src/features/reminders/reminders.worker.js';
import type { Clock } from '../src/shared/clock.js';

async function main(): Promise<void> {
  const seconds = Number(process.env.REMINDER_WORKER_SECONDS ?? '5');
  const untilIdle = process.env.REMINDER_WORKER_UNTIL_IDLE ? Number(process.env.REMINDER_WORKER_UNTIL_IDLE) : null;
  if (untilIdle !== null && !(Number.isInteger(untilIdle) && untilIdle > 0)) {
    throw new Error('REMINDER_WORKER_UNTIL_IDLE must be a whole number above 0');
  }
  const fakeNow = process.env.REMINDER_FAKE_NOW;
  const workerId = process.env.REMINDER_WORKER_ID || newWorkerId();
  const claimBatch = process.env.REMINDER_CLAIM_BATCH ? Number(process.env.REMINDER_CLAIM_BATCH) : null;
  if (claimBatch !== null && !(Number.isInteger(claimBatch) && claimBatch > 0)) {
    throw new Error('REMINDER_CLAIM_BATCH must be a whole number above 0');
  }
  const fixed = fakeNow ? new Date(fakeNow) : null;
  if (fixed && Number.isNaN(fixed.getTime())) throw new Error('REMINDER_FAKE_NOW must be an ISO instant');
  const clock: Clock | undefined = fixed ? { now: () => new Date(fixed.getTime()) } : undefined;

  // This process runs ticks itself; no interval of its own.
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, REMINDER_INTERVAL_SECONDS: '0' });
  const deps = await boot(config, clock ? { clock } : {});

  if (process.env.REMINDER_WAIT_FOR_GO === '1') {
    process.stdout.write('ready\n');
    const lines = createInterface({ input: process.stdin });
    await new Promise<void>((resolve) => lines.once('line', () => resolve()));
    lines.close();
  }

  const totals = { workerId, ticks: 0, claimed: 0, sent: 0, skipped: 0, failed: 0 };
  const deadline = Date.now() + seconds * 1000;
  let idleTicks = 0;
  try {
    while (Date.now() < deadline && (untilIdle === null || idleTicks < untilIdle)) {
      const r = await runReminderTick(deps, workerId, claimBatch ? { claimBatch } : {});
      totals.ticks += 1;
      totals.claimed += r.claimed;
      totals.sent += r.sent;
      totals.skipped += r.skipped;
      totals.failed += r.failed;
      idleTicks = r.claimed === 0 ? idleTicks + 1 : 0;
      if (r.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await deps.db.destroy();
  }
  process.stdout.write(`${JSON.stringify(totals)}\n`);
}

main().catch((error: unknown) => {
  console.error('reminder worker failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
