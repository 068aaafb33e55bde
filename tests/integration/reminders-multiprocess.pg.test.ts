import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/ids.js';
import { createTestApp, type Person, type TestApp } from '../support/test-app.js';

// Two real worker processes (scripts/reminder-worker.ts) against one PostgreSQL database holding 200
// due reminders: claiming with FOR UPDATE SKIP LOCKED must give each reminder to exactly one of them.
// On SQLite there is one writer at a time and one process per data folder: a *.pg.test.ts file runs
// in the PostgreSQL project only.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FAKE_NOW = '2026-06-01T12:00:00.000Z';
const PEOPLE = 20;
const PER_PERSON = 10;

interface WorkerRun {
  workerId: string;
  ticks: number;
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Starts a worker that boots, says "ready" and waits for a line on stdin before its first tick. */
function startWorker(workerId: string) {
  const config = t.deps.config;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'reminder-worker.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: process.env.TZ ?? '',
      DATABASE_URL: config.database.url,
      DATA_DIR: t.dataDir,
      MASTER_KEY: config.masterKey ?? '',
      SESSION_SECRET: config.sessionSecret ?? '',
      VAPID_PUBLIC_KEY: config.vapid.publicKey ?? '',
      VAPID_PRIVATE_KEY: config.vapid.privateKey ?? '',
      LOG_LEVEL: 'warn',
      REMINDER_FAKE_NOW: FAKE_NOW,
      // Each worker ends when three ticks in a row find nothing left to claim: a condition, not a
      // clock, so a busy machine makes the run slower, never shorter. The seconds are a safety cap.
      REMINDER_WORKER_UNTIL_IDLE: '3',
      REMINDER_WORKER_SECONDS: '180',
      REMINDER_WORKER_ID: workerId,
      // Small batches: many claims, racing each other the whole time.
      REMINDER_CLAIM_BATCH: '4',
      REMINDER_WAIT_FOR_GO: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (out.includes('ready\n')) resolve();
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`worker ${workerId} exited (${code}) before it was ready: ${err}`)));
  });
  const done = new Promise<WorkerRun>((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker ${workerId} exited with ${code}: ${err}`));
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return reject(new Error(`worker ${workerId} printed no result: ${out} ${err}`));
      resolve(JSON.parse(line) as WorkerRun);
    });
  });
  return { child, ready, done, go: () => child.stdin?.write('go\n') };
}

describe('two worker processes on PostgreSQL', () => {
  it('send each of 200 due reminders exactly once, and both take a share', async () => {
    t.clock.set('2026-05-31T12:00:00.000Z'); // the day before the workers' "now"
    const people: Person[] = [];
    for (let i = 0; i < PEOPLE; i++) people.push(await t.signUp(`Person${i}`));
    for (const p of people) {
      const res = await p.client.put('/api/v1/notifications/preferences', { reflection: { weekday: 1, time: '09:00' } });
      expect(res.status, res.text).toBe(200);
    }
    // 200 reminders due over the last hours, each with its own subject so its notification can be found.
    const now = Date.parse(FAKE_NOW);
    const rows = people.flatMap((p, i) =>
      Array.from({ length: PER_PERSON }, (_, k) => {
        const sendAt = new Date(now - (i * PER_PERSON + k + 1) * 60_000);
        return {
          id: newId(sendAt),
          user_id: p.id,
          kind: 'reminder.reflection',
          dedupe_key: `reflection:2025-${String(k + 1).padStart(2, '0')}-06`,
          subject_id: randomUUID(),
          send_at: sendAt.toISOString(),
          useful_until: new Date(now + 24 * 3_600_000).toISOString(),
          state: 'pending' as const,
          claimed_by: null,
          lease_until: null,
          sent_at: null,
          created_at: sendAt.toISOString(),
        };
      }),
    );
    await t.deps.db.insertInto('reminders').values(rows).execute();

    const a = startWorker('worker-a');
    const b = startWorker('worker-b');
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const [ra, rb] = await Promise.all([a.done, b.done]);

    // Each claimed some; between them every one, once.
    expect(ra.claimed).toBeGreaterThan(0);
    expect(rb.claimed).toBeGreaterThan(0);
    expect(ra.claimed + rb.claimed).toBe(rows.length);
    expect(ra.sent + rb.sent).toBe(rows.length);
    expect(ra.failed + rb.failed + ra.skipped + rb.skipped).toBe(0);

    const after = await t.deps.db
      .selectFrom('reminders')
      .select(['id', 'state', 'claimed_by', 'sent_at'])
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(after).toHaveLength(rows.length);
    expect(after.every((r) => r.state === 'sent' && r.sent_at === FAKE_NOW)).toBe(true);
    expect(new Set(after.map((r) => r.claimed_by))).toEqual(new Set(['worker-a', 'worker-b']));

    // Exactly one in-app notification per reminder.
    const notes = await t.deps.db
      .selectFrom('notifications')
      .select(['subject_id', 'user_id', 'kind'])
      .where(
        'subject_id',
        'in',
        rows.map((r) => r.subject_id),
      )
      .execute();
    expect(notes).toHaveLength(rows.length);
    const bySubject = new Map(notes.map((n) => [n.subject_id, n]));
    for (const r of rows)
      expect(bySubject.get(r.subject_id)).toEqual({ subject_id: r.subject_id, user_id: r.user_id, kind: r.kind });
  }, 240_000);
});
