/**
 * The kept home day across processes on PostgreSQL (decision 030); a *.pg.test.ts file runs in the
 * PostgreSQL project only. Two app instances (two boots, each with its own pool and its own kept days)
 * share one database, as two processes behind nginx do: a day kept by one is computed again as soon
 * as a write through the other commits, and concurrent writes of one space from both never deadlock
 * on the change count (it is bumped at commit).
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { boot } from '../../src/boot.js';
import { createDatabase } from '../../src/db/database.js';
import type { AppDeps } from '../../src/deps.js';
import { createTestApp, type Person, type TestApp, TestClient } from '../support/test-app.js';

let t: TestApp;
let other: { app: Hono; deps: AppDeps; close(): Promise<void> };
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-25T10:00:00.000Z');
  const db = createDatabase(t.database.target);
  const deps = await boot(t.deps.config, { clock: t.clock, db });
  other = {
    app: createApp(deps),
    deps,
    async close() {
      await deps.events.close();
      deps.homeDays.close();
      await db.destroy();
    },
  };
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

/** The same person's request, sent to the other process with their cookie. */
async function todayOnOther(p: Person) {
  const cookie = p.client.sessionCookie();
  if (!cookie) throw new Error(`${p.name} is not signed in`);
  const res = await new TestClient(other.app, p.name).request('GET', '/api/v1/today', undefined, {
    cookie: `attune_session=${cookie}`,
  });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('two processes on one PostgreSQL', () => {
  it('a day kept by one process is computed again after a write through the other, and shows it', async () => {
    const { a, b } = await t.couple(['Olive', 'Pine']);
    await todayOnOther(a);
    await todayOnOther(a);
    const kept = { ...other.deps.homeDays.counts };
    expect((await todayOnOther(a)).checkins.partners).toBeNull();
    expect(other.deps.homeDays.counts.kept).toBe(kept.kept + 1);

    // Written through the first process: the second has a day of Olive's kept.
    const put = await b.client.put('/api/v1/checkins/2026-11-25', {
      connected: 7,
      heard: 6,
      mood: 'hopeful',
      line: 'A slow walk after dinner',
      visibility: 'couple',
    });
    expect(put.status, put.text).toBe(200);
    expect((await todayOnOther(a)).checkins.partners?.line).toBe('A slow walk after dinner');
  });

  it('both partners writing in one space through both processes at once: every write succeeds', async () => {
    const { a, b } = await t.couple(['Quill', 'Reed']);
    const cookieOf = (p: Person) => `attune_session=${p.client.sessionCookie()}`;
    const viaOther = (p: Person, text: string) =>
      new TestClient(other.app, p.name).request('POST', '/api/v1/needs', { text }, { cookie: cookieOf(p) });
    const writes = [a, b].flatMap((p) =>
      Array.from({ length: 5 }, (_, i) => [
        p.client.post('/api/v1/needs', { text: `I would like a quiet evening together, thought ${i + 1}` }),
        viaOther(p, `I would like us to cook together on Sunday, thought ${i + 1}`),
      ]).flat(),
    );
    const answers = await Promise.all(writes);
    for (const res of answers) expect(res.status, res.text).toBe(201);
    const needs = await a.client.get('/api/v1/needs');
    expect(needs.status).toBe(200);
  });
});
