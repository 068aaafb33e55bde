import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSelfChecks } from '../../src/domain/index.js';
import { SELF_CHECK_HISTORY_LIMIT } from '../../src/features/understand/self-checks.service.js';
import { createTestApp, leaveSpace, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 24 * 60 * 60 * 1000;

describe('the private self-check', () => {
  it('records, lists newest first, reads and deletes my own self-checks', async () => {
    const p = await t.signUp('Rowan');
    expect((await p.client.get('/api/v1/self-checks')).body).toEqual({ selfChecks: [] });

    const first = await p.client.post('/api/v1/self-checks', {
      ratings: { 'ignored-when-sharing': 5, 'affection-fading': 4, insecurity: 4 },
      note: '  The evenings feel long.  ',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ratings: { 'ignored-when-sharing': 5 }, note: 'The evenings feel long.' });

    t.clock.advance(14 * DAY);
    const second = await p.client.post('/api/v1/self-checks', {
      ratings: { 'ignored-when-sharing': 3, 'affection-fading': 4, insecurity: 2 },
    });
    expect(second.status).toBe(201);
    expect(second.body.note).toBeNull();

    const list = await p.client.get('/api/v1/self-checks');
    expect(list.body.selfChecks.map((s: { id: string }) => s.id)).toEqual([second.body.id, first.body.id]);
    const [latest, earlier] = list.body.selfChecks;
    const changes = compareSelfChecks(earlier.ratings, latest.ratings);
    expect(changes.find((c) => c.id === 'ignored-when-sharing')?.direction).toBe('less');
    expect(changes.find((c) => c.id === 'affection-fading')?.direction).toBe('same');

    const one = await p.client.get(`/api/v1/self-checks/${first.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(first.body);

    expect((await p.client.delete(`/api/v1/self-checks/${first.body.id}`)).status).toBe(204);
    expect((await p.client.get(`/api/v1/self-checks/${first.body.id}`)).status).toBe(404);
    expect((await p.client.get('/api/v1/self-checks')).body.selfChecks).toHaveLength(1);
  });

  it('refuses unknown statements, ratings off the scale, an empty check and an over-long note, naming the field', async () => {
    const p = await t.signUp('Careful');
    const unknown = await p.client.post('/api/v1/self-checks', { ratings: { 'no-such-sign': 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toContain('ratings');
    const offScale = await p.client.post('/api/v1/self-checks', { ratings: { insecurity: 6 } });
    expect(offScale.status).toBe(400);
    const asText = await p.client.post('/api/v1/self-checks', { ratings: { insecurity: '3' } });
    expect(asText.status).toBe(400);
    const empty = await p.client.post('/api/v1/self-checks', { ratings: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0].path).toBe('ratings');
    const long = await p.client.post('/api/v1/self-checks', { ratings: { insecurity: 3 }, note: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].path).toBe('note');
    const extra = await p.client.post('/api/v1/self-checks', { ratings: { insecurity: 3 }, share: true });
    expect(extra.status).toBe(400);
    expect((await p.client.get('/api/v1/self-checks')).body.selfChecks).toEqual([]);
  });

  it('keeps the history bounded, newest first', async () => {
    const p = await t.signUp('Many');
    for (let i = 0; i < SELF_CHECK_HISTORY_LIMIT + 3; i++) {
      t.clock.advance(DAY);
      await p.client.post('/api/v1/self-checks', { ratings: { insecurity: (i % 5) + 1 } });
    }
    const bounded = await p.client.get('/api/v1/self-checks');
    expect(bounded.body.selfChecks).toHaveLength(SELF_CHECK_HISTORY_LIMIT);
    const times = bounded.body.selfChecks.map((s: { createdAt: string }) => s.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('keeps ratings and note sealed at rest, bound to their row', async () => {
    const p = await t.signUp('Sealed');
    const res = await p.client.post('/api/v1/self-checks', { ratings: { 'eroded-trust': 5 }, note: 'marigold lantern' });
    const row = await t.deps.db.selectFrom('self_checks').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row.ratings_sealed.startsWith('v1.')).toBe(true);
    expect(row.note_sealed?.startsWith('v1.')).toBe(true);
    expect(`${row.ratings_sealed} ${row.note_sealed}`).not.toMatch(/eroded|marigold/);
  });
});

describe('a self-check is never visible to the partner', () => {
  it("the partner's every response is identical whether or not the author ever did a self-check", async () => {
    const { a, b } = await t.couple(['Asha', 'Bo']);
    const views = async () => {
      const paths = [
        '/api/v1/space',
        '/api/v1/me',
        '/api/v1/self-checks',
        '/api/v1/space/invites',
        `/api/v1/self-checks/${randomUUID()}`,
      ];
      const texts: string[] = [];
      for (const path of paths) texts.push((await b.client.get(path)).text);
      return texts;
    };
    const before = await views();
    const made = await a.client.post('/api/v1/self-checks', {
      ratings: { 'emotional-coldness': 5, 'doubting-worth': 5 },
      note: 'cinnamon harbour words',
    });
    expect(made.status).toBe(201);
    const after = await views();
    expect(after).toEqual(before);
    expect(after.join(' ')).not.toContain('cinnamon');

    // Asking for the author's id answers exactly like an id that does not exist.
    const theirs = await b.client.get(`/api/v1/self-checks/${made.body.id}`);
    const missing = await b.client.get(`/api/v1/self-checks/${randomUUID()}`);
    expect(theirs.status).toBe(404);
    expect(theirs.text).toBe(missing.text);
    const del = await b.client.delete(`/api/v1/self-checks/${made.body.id}`);
    expect(del.status).toBe(404);
    expect(del.text).toBe(missing.text);
    expect((await a.client.get(`/api/v1/self-checks/${made.body.id}`)).status).toBe(200);
  });

  it('stays with its author when the shared space is left', async () => {
    const { a, b } = await t.couple(['Cai', 'Dee']);
    const made = await a.client.post('/api/v1/self-checks', { ratings: { insecurity: 2 } });
    await leaveSpace(b);
    expect((await a.client.get(`/api/v1/self-checks/${made.body.id}`)).status).toBe(200);
    expect((await b.client.get('/api/v1/self-checks')).body.selfChecks).toEqual([]);
  });

  it('asks a signed-out visitor to sign in', async () => {
    expect((await t.client().get('/api/v1/self-checks')).status).toBe(401);
  });
});
