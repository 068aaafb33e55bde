import { Hono } from 'hono';
import { sql } from 'kysely';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../../src/features/auth/session.service.js';
import { defineContract } from '../../src/http/contract.js';
import { registerRoute } from '../../src/http/register.js';
import { bind } from '../../src/http/route.js';
import { routeTable } from '../../src/routes.js';
import { AppError, conflict } from '../../src/shared/errors.js';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.js';

// Idempotency-Key on writes (src/http/idempotency.ts), through a real write route (writing a need),
// on a real SQLite file and a real PostgreSQL server.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const needCount = async (userId: string) =>
  Number(
    (
      await t.deps.db
        .selectFrom('needs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('author_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Idempotency-Key', () => {
  it('a replay answers the first result, marked as replayed, and changes nothing', async () => {
    const p = await t.signUp('Replay');
    const headers = { 'Idempotency-Key': 'need-1-7f3a' };
    const first = await p.client.post('/api/v1/needs', { text: 'Sit with me after dinner on weekdays' }, headers);
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const again = await p.client.post('/api/v1/needs', { text: 'Sit with me after dinner on weekdays' }, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await needCount(p.id)).toBe(1);

    // The same content written in a different key order is the same request.
    const other = await p.client.post(
      '/api/v1/needs',
      { text: 'Sit with me after dinner on weekdays' },
      { 'Idempotency-Key': 'need-2' },
    );
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await needCount(p.id)).toBe(2);
  });

  it('the same key with a different body answers 422 and writes nothing', async () => {
    const p = await t.signUp('Reuse');
    const headers = { 'Idempotency-Key': 'reused-key' };
    expect((await p.client.post('/api/v1/needs', { text: 'Text me when you leave work' }, headers)).status).toBe(201);
    const reused = await p.client.post('/api/v1/needs', { text: 'Something else entirely, please' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(await needCount(p.id)).toBe(1);
  });

  it('keys belong to one person: the same key from someone else is a new request', async () => {
    const a = await t.signUp('KeyA');
    const b = await t.signUp('KeyB');
    const headers = { 'Idempotency-Key': 'shared-looking-key' };
    const fromA = await a.client.post('/api/v1/needs', { text: 'Ask how my day went' }, headers);
    const fromB = await b.client.post('/api/v1/needs', { text: 'Ask how my day went' }, headers);
    expect(fromA.status).toBe(201);
    expect(fromB.status).toBe(201);
    expect(fromB.headers.get('idempotent-replayed')).toBeNull();
    expect(fromB.body.id).not.toBe(fromA.body.id);
  });

  it('a refusal is replayed as the same refusal; a 204 is replayed as a 204', async () => {
    const p = await t.signUp('Refusal');
    const created = await p.client.post('/api/v1/needs', { text: 'Plan one evening together each week' });
    const share = await p.client.post(`/api/v1/needs/${created.body.id}/share`, undefined, { 'Idempotency-Key': 'share-solo' });
    expect(share.status).toBe(409);
    const shareAgain = await p.client.post(`/api/v1/needs/${created.body.id}/share`, undefined, {
      'Idempotency-Key': 'share-solo',
    });
    expect(shareAgain.status).toBe(409);
    expect(shareAgain.body).toEqual(share.body);
    expect(shareAgain.headers.get('idempotent-replayed')).toBe('true');

    const del = await p.client.delete(`/api/v1/needs/${created.body.id}`, { 'Idempotency-Key': 'delete-1' });
    expect(del.status).toBe(204);
    const delAgain = await p.client.delete(`/api/v1/needs/${created.body.id}`, { 'Idempotency-Key': 'delete-1' });
    expect(delAgain.status).toBe(204);
    expect(delAgain.headers.get('idempotent-replayed')).toBe('true');
  });

  it('simultaneous requests with one key write once', async () => {
    const p = await t.signUp('Burst');
    const headers = { 'Idempotency-Key': 'burst-key' };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => p.client.post('/api/v1/needs', { text: 'Hold my hand on walks' }, headers)),
    );
    for (const r of results) expect([201, 409]).toContain(r.status);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('request_in_progress');
    expect(await needCount(p.id)).toBe(1);
    const after = await p.client.post('/api/v1/needs', { text: 'Hold my hand on walks' }, headers);
    expect(after.status).toBe(201);
    expect(after.headers.get('idempotent-replayed')).toBe('true');
  });

  it('"still being saved, try again" is not kept as the answer: a retry with the same key runs', async () => {
    const p = await t.signUp('Transient');
    let calls = 0;
    const contract = defineContract({
      id: 'test.transient',
      method: 'POST',
      path: '/api/v1/test-transient',
      tag: 'test',
      summary: 'Busy the first time, fine the second',
      access: 'signed-in',
      idempotent: true,
      success: { status: 200, schema: v.object({ calls: v.number() }) },
      errors: [401, 409],
    });
    const route = bind(contract, async () => {
      calls += 1;
      if (calls === 1) throw conflict('request_in_progress', 'Still saving.');
      return { calls };
    });
    const app = new Hono();
    registerRoute(app, route, t.deps, signedInUser);
    app.onError((err, c) => (err instanceof AppError ? c.json(err.toBody(), err.status) : c.json({}, 500)));
    const send = () =>
      app.request(`${ORIGIN}/api/v1/test-transient`, {
        method: 'POST',
        headers: { cookie: `attune_session=${p.client.sessionCookie()}`, 'Idempotency-Key': 'transient-1' },
      });
    const first = await send();
    expect(first.status).toBe(409);
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ calls: 2 });
    const replay = await send();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual({ calls: 2 });
  });

  it('"enter your password again" is not kept as the answer: after re-entering it, the same key writes', async () => {
    const p = await t.signUp('Juniper');
    t.clock.advance(16 * 60_000);
    const headers = { 'Idempotency-Key': 'journal-after-idle' };
    const body = { body: { text: 'A line for myself' } };
    const refused = await p.client.call('journal.create', body, headers);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'reauth_required' } });
    expect((await p.client.call('auth.reauth', { body: { password: p.password } })).status).toBe(204);
    const written = await p.client.call('journal.create', body, headers);
    expect(written.status, written.text).toBe(201);
    expect(written.headers.get('idempotent-replayed')).toBeNull();
    const replay = await p.client.call('journal.create', body, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('a malformed key answers 400 naming the header', async () => {
    const p = await t.signUp('Malformed');
    const res = await p.client.post('/api/v1/needs', { text: 'Call me at lunch' }, { 'Idempotency-Key': 'has spaces in it' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('headers.idempotency-key');
    expect(await needCount(p.id)).toBe(0);
  });

  it('the stored answer is sealed: the words are not in the table', async () => {
    const p = await t.signUp('Sealed');
    const words = 'Canary-idempotent-words-4411';
    await p.client.post('/api/v1/needs', { text: words }, { 'Idempotency-Key': 'sealed-1' });
    const rows = await t.deps.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', p.id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(words);
    expect(JSON.stringify(rows)).not.toContain('sealed-1');
  });

  it('a request whose process died before its commit is run again, once, after the lease', async () => {
    const p = await t.signUp('Stale');
    const headers = { 'Idempotency-Key': 'died-mid-way' };
    const first = await p.client.post('/api/v1/needs', { text: 'Leave a note on the fridge' }, headers);
    expect(first.status).toBe(201);
    // What a process killed before its commit leaves: the claim, still pending, and nothing else
    // (the write and its answer commit together, so they are gone together).
    await t.deps.db.deleteFrom('needs').where('author_id', '=', p.id).execute();
    await t.deps.db
      .updateTable('idempotency_keys')
      .set({ state: 'pending', response_status: null, response_sealed: null })
      .where('user_id', '=', p.id)
      .execute();
    const soon = await p.client.post('/api/v1/needs', { text: 'Leave a note on the fridge' }, headers);
    expect(soon.status).toBe(409);
    expect(soon.body.error.code).toBe('request_in_progress');
    expect(soon.headers.get('retry-after')).toBe('1');
    t.clock.advance((t.deps.config.idempotencyLeaseSeconds + 1) * 1000);
    const later = await p.client.post('/api/v1/needs', { text: 'Leave a note on the fridge' }, headers);
    expect(later.status).toBe(201);
    expect(await needCount(p.id)).toBe(1);
    const replay = await p.client.post('/api/v1/needs', { text: 'Leave a note on the fridge' }, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await needCount(p.id)).toBe(1);
  });

  it('a write whose answer could not be stored is not kept either, so the retry makes it exactly once', async () => {
    const p = await t.signUp('InDoubt');
    const headers = { 'Idempotency-Key': 'answer-lost-1' };
    // A real failure at the worst moment: the database refuses to store the answer, after the
    // handler wrote the need. Before the unit of work, the need stayed and the retry made a second.
    const sqlite = t.database.target.kind === 'sqlite';
    const install = sqlite
      ? [
          `CREATE TRIGGER refuse_answer BEFORE UPDATE ON idempotency_keys WHEN NEW.state = 'done' BEGIN SELECT RAISE(ABORT, 'the disk went away'); END`,
        ]
      : [
          `CREATE FUNCTION refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.state = 'done' THEN RAISE EXCEPTION 'the disk went away'; END IF; RETURN NEW; END $$`,
          'CREATE TRIGGER refuse_answer BEFORE UPDATE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION refuse_answer()',
        ];
    const remove = sqlite
      ? ['DROP TRIGGER refuse_answer']
      : ['DROP TRIGGER refuse_answer ON idempotency_keys', 'DROP FUNCTION refuse_answer()'];
    for (const statement of install) await sql.raw(statement).execute(t.deps.db);
    let failed: Awaited<ReturnType<typeof p.client.post>>;
    try {
      failed = await p.client.post('/api/v1/needs', { text: 'Text me when the train is late' }, headers);
    } finally {
      for (const statement of remove) await sql.raw(statement).execute(t.deps.db);
    }
    expect(failed.status).toBe(500);
    expect(await needCount(p.id)).toBe(0);
    const retry = await p.client.post('/api/v1/needs', { text: 'Text me when the train is late' }, headers);
    expect(retry.status).toBe(201);
    expect(await needCount(p.id)).toBe(1);
  });

  it('every signed-in write outside sign-in is idempotent, and the document says so', async () => {
    const writes = routeTable.filter(
      (r) => r.method !== 'GET' && r.access === 'signed-in' && r.tag !== 'auth' && r.tag !== 'events',
    );
    // Re-entering the password keeps no idempotency row on purpose: nothing about it may be stored
    // beyond the person's own session (decision 022; reflection.unlock is an alias of auth.reauth).
    const exempt = new Set(['auth.reauth', 'reflection.unlock']);
    const missing = writes.filter((r) => !r.idempotent && !exempt.has(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
    const doc = (await t.client().get('/api/openapi.json')).body;
    const op = doc.paths['/api/v1/needs'].post;
    expect(op.parameters.some((x: { name: string; in: string }) => x.name === 'Idempotency-Key' && x.in === 'header')).toBe(true);
    expect(op.responses['422']).toBeDefined();
  });
});
