import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SELF_PROMPTS } from '../../src/domain/closeness/prompts.js';
import { JOURNAL_LIMITS } from '../../src/features/journal/journal.schema.js';
import { routeTable } from '../../src/routes.js';
import { newId } from '../../src/shared/ids.js';
import { createTestApp, type Person, type TestApp, type TestClient } from '../support/test-app.js';

// "For me", the private journal (decision 022): the owner's alone, behind the private places'
// password window, sealed at rest, searched after opening on the server (bounded per request), and
// invisible to the partner in every way: not one of their answers changes when it is used.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const MINUTE = 60_000;
const START = '2026-04-06T08:00:00.000Z';
const L = JOURNAL_LIMITS;

type Body = { text: string; mood?: 'calm' | 'tender' | 'low' | null; tags?: string[]; promptId?: string | null };

async function write(p: Person, body: Body, headers?: Record<string, string>) {
  const res = await p.client.call('journal.create', { body }, headers);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function list(client: TestClient, query: { q?: string; before?: string } = {}) {
  const res = await client.call('journal.list', { query });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const texts = (body: { entries: { text: string }[] }) => body.entries.map((e) => e.text);

/** Entries written straight into the database (sealed as the feature seals them), one second apart, oldest first. */
async function seed(p: Person, texts: readonly string[], from = Date.parse(START)): Promise<string[]> {
  const rows = [];
  for (const [i, text] of texts.entries()) {
    const at = new Date(from + i * 1000);
    const id = newId(at);
    const context = (column: string) => ({ table: 'journal_entries', column, rowId: id });
    rows.push({
      id,
      user_id: p.id,
      text_sealed: await t.deps.sealer.seal(p.id, context('text'), text),
      mood: null,
      tags_sealed: await t.deps.sealer.seal(p.id, context('tags'), '[]'),
      prompt_id: null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    });
  }
  for (let i = 0; i < rows.length; i += 200)
    await t.deps.db
      .insertInto('journal_entries')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.map((r) => r.id);
}

describe('writing, reading, changing and deleting my entries', () => {
  it('keeps text, mood, tags and the prompt answered, newest first', async () => {
    t.clock.set(START);
    const p = await t.signUp('Writer');
    const prompt = SELF_PROMPTS[0];
    if (!prompt) throw new Error('no prompts');
    const first = await write(p, {
      text: '  I asked for what I needed.  ',
      mood: 'calm',
      tags: ['Needs', 'Needs', 'brave'],
      promptId: prompt.id,
    });
    expect(first).toEqual({
      id: expect.any(String),
      text: 'I asked for what I needed.',
      mood: 'calm',
      tags: ['Needs', 'brave'],
      promptId: prompt.id,
      createdAt: START,
      updatedAt: START,
    });
    t.clock.advance(MINUTE);
    const second = await write(p, { text: 'A quiet evening.' });
    expect(second).toMatchObject({ mood: null, tags: [], promptId: null });
    expect(await list(p.client)).toEqual({ entries: [second, first], more: false, before: null });
    expect((await p.client.call('journal.get', { params: { id: first.id } })).body).toEqual(first);

    t.clock.advance(MINUTE);
    const changed = await p.client.call('journal.update', {
      params: { id: first.id },
      body: { text: 'I asked, and it was heard.', tags: [] },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toEqual({
      ...first,
      text: 'I asked, and it was heard.',
      tags: [],
      updatedAt: t.clock.now().toISOString(),
    });
    const moodOnly = await p.client.call('journal.update', { params: { id: first.id }, body: { mood: null } });
    expect(moodOnly.body).toMatchObject({ text: 'I asked, and it was heard.', mood: null, tags: [] });

    expect((await p.client.call('journal.delete', { params: { id: first.id } })).status).toBe(204);
    expect((await p.client.call('journal.get', { params: { id: first.id } })).status).toBe(404);
    expect((await p.client.call('journal.delete', { params: { id: first.id } })).status).toBe(404);
    expect(texts(await list(p.client))).toEqual(['A quiet evening.']);
  });

  it('refuses an unknown prompt (400 naming promptId), empty text, and an empty change', async () => {
    t.clock.set(START);
    const p = await t.signUp('Checked');
    const unknown = await p.client.call('journal.create', { body: { text: 'Something', promptId: 'no-such-prompt' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { fields: [{ path: 'promptId' }] } });
    expect((await p.client.post('/api/v1/journal', { text: '   ' })).status).toBe(400);
    expect((await p.client.post('/api/v1/journal', { text: 'ok', mood: 'furious' })).status).toBe(400);
    const entry = await write(p, { text: 'Something' });
    expect((await p.client.patch(`/api/v1/journal/${entry.id}`, {})).status).toBe(400);
    expect((await p.client.patch(`/api/v1/journal/${entry.id}`, { promptId: null })).status).toBe(400);
    expect(texts(await list(p.client))).toEqual(['Something']);
  });

  it('offers the self-worth prompts, even while the journal itself asks for the password', async () => {
    t.clock.set(START);
    const p = await t.signUp('Prompted');
    t.clock.advance(16 * MINUTE);
    const res = await p.client.call('journal.prompts');
    expect(res.status).toBe(200);
    expect(res.body.prompts).toEqual(SELF_PROMPTS.map(({ id, text, hint }) => ({ id, text, hint })));
  });
});

describe('behind the private places', () => {
  it('answers 403 reauth_required on every route but the prompts after 15 quiet minutes, and opens again with the password', async () => {
    t.clock.set(START);
    const p = await t.signUp('Locked');
    const entry = await write(p, { text: 'Mine alone' });
    t.clock.advance(15 * MINUTE);
    expect((await p.client.call('journal.get', { params: { id: entry.id } })).status).toBe(200);
    t.clock.advance(15 * MINUTE + 1);
    const id = { params: { id: entry.id } };
    const refused = [
      await p.client.call('journal.create', { body: { text: 'Not yet' } }),
      await p.client.call('journal.list'),
      await p.client.call('journal.list', { query: { q: 'mine' } }),
      await p.client.call('journal.get', id),
      await p.client.call('journal.update', { ...id, body: { mood: 'low' } }),
      await p.client.call('journal.delete', id),
    ];
    for (const res of refused) {
      expect(res.status, res.text).toBe(403);
      expect((res.body as unknown as { error: { code: string } }).error.code).toBe('reauth_required');
    }
    expect((await p.client.call('auth.reauth', { body: { password: p.password } })).status).toBe(204);
    expect(await list(p.client)).toMatchObject({ entries: [{ id: entry.id, text: 'Mine alone', mood: null }] });
  });
});

describe('searching my journal', () => {
  it('finds every word of the search in text or tags, whatever the case and accents', async () => {
    t.clock.set(START);
    const p = await t.signUp('Seeker');
    const cafe = await write(p, { text: "Un café au lait, seule, et c'était bien.", tags: ['Self-Care'] });
    t.clock.advance(MINUTE);
    const river = await write(p, { text: 'Walked by the RIVER after work.', tags: ['Été', 'walking'] });
    t.clock.advance(MINUTE);
    await write(p, { text: 'Nothing much today.' });
    const ids = async (q: string) => (await list(p.client, { q })).entries.map((e) => e.id);
    expect(await ids('CAFE')).toEqual([cafe.id]);
    expect(await ids('seule   Café')).toEqual([cafe.id]);
    expect(await ids('etait')).toEqual([cafe.id]);
    expect(await ids('self-care')).toEqual([cafe.id]);
    expect(await ids('ete')).toEqual([river.id]);
    expect(await ids('river walk')).toEqual([river.id]);
    expect(await ids('cafe river')).toEqual([]);
    // Newest first; a search of nothing but spaces is the plain list.
    expect(await ids('a')).toHaveLength(3);
    expect(await ids('WALK')).toEqual([river.id]);
    expect((await ids('   ')).slice(1)).toEqual([river.id, cafe.id]);
  });

  it('pages 50 at a time, newest first, with `before`, for the list and for search alike', async () => {
    t.clock.set(START);
    const p = await t.signUp('Pages');
    const ids = await seed(
      p,
      Array.from({ length: 120 }, (_, i) => `Day ${i}: ${i % 2 === 0 ? 'a steady day' : 'a hard one'}`),
    );
    const newestFirst = [...ids].reverse();

    const one = await list(p.client);
    expect(one.entries.map((e) => e.id)).toEqual(newestFirst.slice(0, 50));
    expect(one).toMatchObject({ more: true, before: newestFirst[49] });
    const two = await list(p.client, { before: one.before ?? '' });
    expect(two.entries.map((e) => e.id)).toEqual(newestFirst.slice(50, 100));
    const three = await list(p.client, { before: two.before ?? '' });
    expect(three.entries.map((e) => e.id)).toEqual(newestFirst.slice(100));
    expect(three).toMatchObject({ more: false, before: null });

    // Search: at most 50 matches per answer; the next starts after the last one looked at.
    const found: string[] = [];
    let answer = await list(p.client, { q: 'DAY' });
    expect(answer.entries).toHaveLength(50);
    expect(answer).toMatchObject({ more: true, before: answer.entries[49]?.id });
    found.push(...answer.entries.map((e) => e.id));
    while (answer.more) {
      answer = await list(p.client, { q: 'day', before: answer.before ?? '' });
      found.push(...answer.entries.map((e) => e.id));
    }
    expect(found).toEqual(newestFirst);
    const steady = await list(p.client, { q: 'steady' });
    expect(steady.entries.map((e) => e.id)).toEqual(newestFirst.filter((_, i) => i % 2 === 1).slice(0, 50));
    expect(steady.more).toBe(true);

    // A `before` that is not one of my entries is refused, naming it.
    const stray = await p.client.call('journal.list', { query: { before: randomUUID() } });
    expect(stray.status).toBe(400);
    expect(stray.body).toMatchObject({ error: { fields: [{ path: 'before' }] } });
  });

  it('opens at most 2,000 entries per request, and says where to go on', async () => {
    t.clock.set(START);
    const p = await t.signUp('Long');
    const total = L.searchScan + 50;
    const ids = await seed(
      p,
      Array.from({ length: total }, (_, i) => (i === 0 ? 'The lighthouse, years ago.' : `An ordinary entry, number ${i}.`)),
    );
    const newestFirst = [...ids].reverse();
    const open = vi.spyOn(t.deps.sealer, 'open');
    const opened = () =>
      new Set(open.mock.calls.filter(([, context]) => context.table === 'journal_entries').map(([, context]) => context.rowId));
    try {
      const first = await list(p.client, { q: 'Lighthouse' });
      expect(first).toEqual({ entries: [], more: true, before: newestFirst[L.searchScan - 1] });
      expect(opened().size).toBe(L.searchScan);
      open.mockClear();
      const rest = await list(p.client, { q: 'lighthouse', before: first.before ?? '' });
      expect(rest.entries.map((e) => e.id)).toEqual([ids[0]]);
      expect(rest).toMatchObject({ more: false, before: null });
      expect(opened().size).toBe(50);
    } finally {
      open.mockRestore();
    }
  });
});

describe('sealed at rest', () => {
  it('stores no word of the text or the tags in plain form; the mood and prompt stay plain', async () => {
    t.clock.set(START);
    const p = await t.signUp('Sealed');
    const entry = await write(
      p,
      {
        text: 'Marmalade sandwiches on the quayside',
        tags: ['zeppelin', 'quietude'],
        mood: 'tender',
        promptId: SELF_PROMPTS[1]?.id ?? null,
      },
      { 'idempotency-key': 'journal-sealed-000001' },
    );
    const row = await t.deps.db.selectFrom('journal_entries').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    for (const word of ['Marmalade', 'sandwiches', 'quayside', 'zeppelin', 'quietude']) {
      expect(raw.toLowerCase()).not.toContain(word.toLowerCase());
    }
    expect(row).toMatchObject({ user_id: p.id, mood: 'tender', prompt_id: SELF_PROMPTS[1]?.id });
    expect(row.text_sealed).not.toBe('');
    expect(row.tags_sealed).not.toBeNull();
    // The stored answer of the Idempotency-Key is sealed too.
    const keys = JSON.stringify(await t.deps.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', p.id).execute());
    expect(keys).toContain('journal.create');
    expect(keys.toLowerCase()).not.toContain('marmalade');
  });
});

describe('mine alone', () => {
  it('answers the partner and an outsider 404 for my entry, exactly as for a missing one; signed-out visitors 401', async () => {
    t.clock.set(START);
    const { a, b } = await t.couple(['Uma', 'Vic']);
    const outsider = await t.signUp('Wren');
    const entry = await write(a, { text: 'Something only I should read', tags: ['secret'] });
    const missing = randomUUID();

    for (const other of [b, outsider]) {
      // Their private places are open (they just signed in): the answer is about the entry, not the password.
      for (const id of [entry.id, missing]) {
        const answers = [
          await other.client.call('journal.get', { params: { id } }),
          await other.client.call('journal.update', { params: { id }, body: { text: 'Overwritten' } }),
          await other.client.call('journal.delete', { params: { id } }),
        ];
        for (const res of answers) expect(res.status, res.text).toBe(404);
      }
      const hidden = await other.client.call('journal.get', { params: { id: entry.id } });
      const absent = await other.client.call('journal.get', { params: { id: missing } });
      expect(hidden.text).toBe(absent.text);
      expect(await list(other.client)).toEqual({ entries: [], more: false, before: null });
      expect(await list(other.client, { q: 'secret' })).toEqual({ entries: [], more: false, before: null });
      const byMyEntry = await other.client.call('journal.list', { query: { before: entry.id } });
      const byNothing = await other.client.call('journal.list', { query: { before: missing } });
      expect(byMyEntry.status).toBe(400);
      expect(byMyEntry.text).toBe(byNothing.text);
    }
    expect((await a.client.call('journal.get', { params: { id: entry.id } })).body.text).toBe('Something only I should read');

    const visitor = t.client('signed out');
    const id = { params: { id: entry.id } };
    for (const res of [
      await visitor.call('journal.create', { body: { text: 'x' } }),
      await visitor.call('journal.list'),
      await visitor.call('journal.prompts'),
      await visitor.call('journal.get', id),
      await visitor.call('journal.update', { ...id, body: { mood: 'calm' } }),
      await visitor.call('journal.delete', id),
    ]) {
      expect(res.status).toBe(401);
    }
  });
});

describe('nothing about using For me reaches the partner', () => {
  const partnerGets = routeTable.filter((r) => r.method === 'GET' && !r.path.includes(':') && !r.success.stream);
  const streamRoute = routeTable.find((r) => r.method === 'GET' && r.success.stream);

  async function snapshot(p: Person): Promise<Record<string, string>> {
    const seen: Record<string, string> = {};
    for (const route of partnerGets) {
      const res = await p.client.get(route.path);
      seen[route.path] = `${res.status} ${res.text}`;
    }
    return seen;
  }

  async function stored(partnerId: string) {
    const db = t.deps.db;
    const count = async (table: 'events' | 'notifications') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const partnersKeys = await db.selectFrom('idempotency_keys').select('route_id').where('user_id', '=', partnerId).execute();
    return { events: await count('events'), notifications: await count('notifications'), partnersKeys };
  }

  it('leaves every parameter-free answer of the partner, their event stream and notifications byte-identical', async () => {
    t.clock.set(START);
    const { a, b } = await t.couple(['Xan', 'Yara']);
    // Some shared life first, so the partner's screens are not empty.
    const commitment = await b.client.call('commitments.create', {
      body: { agreementId: null, what: 'Ask about her day', schedule: { kind: 'daily', by: null }, startsOn: '2026-04-06' },
    });
    expect(commitment.status, commitment.text).toBe(201);
    expect(partnerGets.length).toBeGreaterThan(10);
    expect(partnerGets.map((r) => r.path)).toContain('/api/v1/notifications');
    expect(streamRoute).toBeDefined();

    const before = await snapshot(b);
    expect(await snapshot(b)).toEqual(before);
    const storedBefore = await stored(b.id);
    const live = await b.client.stream(streamRoute?.path ?? '/api/v1/events');
    expect((await live.drain(300)).map((e) => e.event)).toEqual(['ready']);

    // Write, list, search, read, edit and delete, with keys as the browser sends them; re-enter the password too.
    const key = (n: number) => ({ 'idempotency-key': `for-me-journal-${String(n).padStart(6, '0')}` });
    const first = await write(a, { text: 'I felt invisible at dinner again', tags: ['dinner'], mood: 'low' }, key(1));
    const second = await write(a, { text: 'I went for a swim, just for me', promptId: SELF_PROMPTS[1]?.id ?? null }, key(2));
    expect(texts(await list(a.client))).toHaveLength(2);
    expect(texts(await list(a.client, { q: 'DINNER' }))).toEqual(['I felt invisible at dinner again']);
    expect((await a.client.call('journal.get', { params: { id: second.id } })).status).toBe(200);
    expect((await a.client.call('journal.update', { params: { id: first.id }, body: { mood: 'calm' } }, key(3))).status).toBe(
      200,
    );
    expect((await a.client.call('journal.delete', { params: { id: second.id } }, key(4))).status).toBe(204);
    expect((await a.client.call('journal.prompts')).status).toBe(200);
    expect((await a.client.call('auth.reauth', { body: { password: a.password } })).status).toBe(204);

    expect(await live.drain(500)).toEqual([]);
    live.close();
    expect(await snapshot(b)).toEqual(before);
    expect(await stored(b.id)).toEqual(storedBefore);
  });
});
