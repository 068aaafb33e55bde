/**
 * DELETE /api/v1/me (decision 025): after a fresh re-authentication a person's account and everything
 * they wrote go at once. A shared space is left first, exactly as by "leave": the partner sees only
 * the neutral notice and keeps everything they wrote (their commitments, the one made for the erased
 * person too, their marks, turns and agreements), and nothing the partner can fetch afterwards holds
 * the erased person's words or name. The email is free for a new account.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { buildRequest } from '../../src/http/client.js';
import { routeTable } from '../../src/routes.js';
import { type AccountStory, DAY1, DAY3, writeAccountStory } from '../support/account-story.js';
import { consent, invitedTherapist } from '../support/couple-therapist.js';
import { createTestApp, type EventStreamReader, type Person, type TestApp, type TestResponse } from '../support/test-app.js';

let t: TestApp;

/** The error code of a refused call (its body is an error, not the route's answer). */
const codeOf = (res: TestResponse<unknown>) => (res.body as { error?: { code?: string } } | undefined)?.error?.code;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function reauth(p: Person): Promise<void> {
  const res = await p.client.call('auth.reauth', { body: { password: p.password } });
  expect(res.status, res.text).toBe(204);
}

async function erase(p: Person): Promise<TestResponse> {
  await reauth(p);
  return p.client.call('account.erase');
}

async function tables(db: Db): Promise<string[]> {
  const rows =
    t.database.kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !name.startsWith('kysely_'));
}

/** Every `table.column` that still holds this id somewhere, once per place. */
async function placesNaming(id: string): Promise<string[]> {
  const found = new Set<string>();
  for (const table of await tables(t.deps.db)) {
    const rows = await (t.deps.db as Kysely<any>).selectFrom(table).selectAll().execute();
    for (const row of rows) for (const [column, value] of Object.entries(row)) if (value === id) found.add(`${table}.${column}`);
  }
  return [...found].sort();
}

describe('erasing an account', () => {
  it('needs a fresh re-authentication; without it nothing changes', async () => {
    const p = await t.signUp('Careful');
    const res = await p.client.call('account.erase');
    expect(res.status).toBe(403);
    expect(codeOf(res)).toBe('reauth_required');
    expect((await p.client.call('auth.me')).status).toBe(200);
    expect((await t.client().call('account.erase')).status).toBe(401);
    await reauth(p);
    t.clock.advance(5 * 60_000 + 1000);
    expect(codeOf(await p.client.call('account.erase'))).toBe('reauth_required');
    expect(await placesNaming(p.id)).toContain('users.id');
  });

  it('removes a person alone at once: their account, sessions, key, words and own space; the email can start again', async () => {
    const p = await t.signUp('Alone');
    await p.client.call('journal.create', { body: { text: 'Only mine' } });
    const spaceId = (await p.client.call('spaces.get')).body.id;
    const res = await erase(p);
    expect(res.status, res.text).toBe(204);
    const cleared = res.headers.getSetCookie().join('\n');
    expect(cleared).toMatch(/attune_session=;/);
    expect(cleared).toMatch(/attune_device=;[^\n]*Path=\/api\/v1\/auth/);
    expect(p.client.signedIn).toBe(false);
    expect((await p.client.call('auth.me')).status).toBe(401);
    expect(await placesNaming(p.id)).toEqual(['erased_people.user_id']);
    expect(await t.deps.db.selectFrom('erased_people').selectAll().where('user_id', '=', p.id).execute()).toEqual([
      { user_id: p.id, erased_at: expect.any(String) },
    ]);
    expect(await t.deps.db.selectFrom('spaces').select('id').where('id', '=', spaceId).execute()).toEqual([]);
    // The old password no longer signs in; the address is free for a new person.
    expect((await t.client().call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(401);
    const again = await t.client('again').call('auth.signup', {
      body: { email: p.email, password: 'another long private phrase', name: 'Someone new', timeZone: 'Europe/London' },
    });
    expect(again.status, again.text).toBe(201);
    expect(again.body.id).not.toBe(p.id);
  });
});

describe('erasing one partner of a couple', () => {
  let story: AccountStory;
  let a: Person;
  let b: Person;
  let stream: EventStreamReader;

  beforeAll(async () => {
    story = await writeAccountStory(t);
    ({ a, b } = { a: story.a.p, b: story.b.p });
    // Before: the partner's pages hold b's words and name, so the scans below can find them.
    expect((await a.client.call('spaces.get')).text).toContain(story.b.token);
    expect((await a.client.call('checkins.get', { params: { id: story.checkinB } })).text).toContain(story.b.token);
    expect((await a.client.call('conversations.get', { params: { id: story.conversationB } })).text).toContain(story.b.token);
    stream = await a.client.stream('/api/v1/events');
    expect(stream.status).toBe(200);
    await stream.drain(200);
    const res = await erase(b);
    expect(res.status, res.text).toBe(204);
  });
  afterAll(() => stream?.close());

  it('signs the erased person out and leaves no row of theirs, only bare ids on the partner’s rows', async () => {
    expect((await b.client.call('auth.me')).status).toBe(401);
    expect(await placesNaming(b.id)).toEqual(
      [
        'erased_people.user_id',
        // a's rows and the shells around a's words name b the way they name a former partner.
        'commitments.receiver_id',
        'agreements.agreed_by',
        'conversations.author_id',
        'conversation_turns.recorded_by',
        'acknowledgements.author_id',
        'therapist_accesses.proposed_by',
        // The notice that the space changed, addressed to a (kinds and ids, no words).
        'events.author_id',
      ].sort(),
    );
    // The shell of b's acknowledgement that a answered keeps no words of b's.
    const shells = await t.deps.db.selectFrom('acknowledgements').selectAll().where('author_id', '=', b.id).execute();
    expect(shells).toHaveLength(1);
    expect(shells[0]).toMatchObject({ did_sealed: '', effect_sealed: '', change_sealed: '' });
    // The invitation b made keeps its place in the couple's record, without the address b typed.
    const invitations = await t.deps.db.selectFrom('therapist_accesses').selectAll().where('proposed_by', '=', b.id).execute();
    expect(invitations.map((i) => i.email_sealed)).toEqual([null]);
    const events = await t.deps.db.selectFrom('events').selectAll().where('author_id', '=', b.id).execute();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.kind === 'space.changed' && e.audience_id === a.id)).toBe(true);
  });

  it('shows the partner only the neutral notice that the space closed', async () => {
    const space = await a.client.call('spaces.get');
    expect(space.body).toMatchObject({ partner: null, notice: { kind: 'partner-left' } });
    expect(space.body.members).toEqual([expect.objectContaining({ id: a.id, you: true })]);
    expect(space.text).not.toContain(story.b.token);
  });

  it('keeps the partner’s commitments (the one made for the erased person too) with their marks', async () => {
    const commitment = await a.client.call('commitments.get', { params: { id: story.commitmentA } });
    expect(commitment.status, commitment.text).toBe(200);
    expect(commitment.text).toContain(story.a.w('commitment'));
    const log = await a.client.call('log.occurrences', { params: { id: story.commitmentA }, query: { from: DAY1, to: DAY1 } });
    expect(log.status, log.text).toBe(200);
    expect(log.body.occurrences[0]).toMatchObject({ mark: { status: 'done', note: story.a.w('mark-note') }, ack: null });
    expect(
      await t.deps.db.selectFrom('commitments').select('receiver_id').where('id', '=', story.commitmentA).executeTakeFirst(),
    ).toEqual({ receiver_id: b.id });
    // b's own commitment, made for a, went with b.
    expect((await a.client.call('commitments.get', { params: { id: story.commitmentB } })).status).toBe(404);
  });

  it('keeps the partner’s turns and acknowledgement answers, in conversations either of them started', async () => {
    const started = await a.client.call('conversations.get', { params: { id: story.conversationB } });
    expect(started.status, started.text).toBe(200);
    expect(started.body.turns.map((turn) => turn.text)).toEqual([
      story.a.w('turn-reflect-recorded-by-b'),
      story.a.w('takeaway-recorded-by-b'),
    ]);
    expect(started.body.turns.every((turn) => turn.byMe && turn.recordedBy === 'partner')).toBe(true);
    const own = await a.client.call('conversations.get', { params: { id: story.conversationA } });
    expect(own.body.turns.map((turn) => turn.text)).toEqual([story.a.w('turn-share'), null, story.a.w('takeaway')]);
    const answered = await a.client.call('acknowledgements.list', { params: { id: story.conversationA } });
    expect(answered.body.acknowledgements).toEqual([
      expect.objectContaining({
        byMe: false,
        fromFormerPartner: true,
        did: null,
        reply: expect.objectContaining({ byMe: true, missing: story.a.w('ack-missing') }),
      }),
    ]);
    const mine = await a.client.call('acknowledgements.list', { params: { id: story.conversationB } });
    expect(mine.body.acknowledgements).toEqual([expect.objectContaining({ byMe: true, did: story.a.w('ack-did'), reply: null })]);
  });

  it('keeps the partner’s agreements, the one the erased person accepted too; words of theirs leave', async () => {
    const accepted = await a.client.call('agreements.get', { params: { id: story.agreementBAccepted } });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.wording).toEqual({ text: story.a.w('need-accepted'), byMe: true });
    const inTheirWords = await a.client.call('agreements.get', { params: { id: story.agreementInBWords } });
    expect(inTheirWords.status, inTheirWords.text).toBe(200);
    expect(inTheirWords.body.wording).toBeNull();
    expect(inTheirWords.body.need.text).toBe(story.a.w('need-proposed'));
    // An agreement on the erased person's need went with the need, as their words.
    expect((await a.client.call('agreements.get', { params: { id: story.agreementOnBNeed } })).status).toBe(404);
  });

  it("holds nothing of the erased person's words or name in anything the partner can fetch", async () => {
    await reauth(a); // so the private places and the export answer with their content
    const ids = await idsFor(a, story);
    const answered: string[] = [];
    for (const route of routeTable.filter((r) => r.method === 'GET')) {
      for (const input of inputsFor(route.id, ids)) {
        const built = buildRequest(route, input as never);
        const res =
          route.id === 'events.stream'
            ? await readStream(a, built.url)
            : await a.client.request('GET', built.url, undefined, { accept: 'application/json, text/calendar' });
        expect(res.status, `${route.id} ${built.url}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
        expect(res.text, `${route.id} ${built.url}`).not.toContain(story.b.token);
        expect(res.text, `${route.id} ${built.url}`).not.toContain(b.email);
        if (res.status === 200) answered.push(route.id);
      }
    }
    // Most of the partner's screens answered with their content: the scan read real pages.
    for (const id of [
      'spaces.get',
      'needs.list',
      'agreements.list',
      'conversations.list',
      'conversations.get',
      'acknowledgements.list',
      'commitments.get',
      'log.occurrences',
      'checkins.get',
      'notifications.list',
      'journal.list',
      'account.export',
      'calendar.feed',
      'summary.mine',
      'today.get',
    ]) {
      expect(answered, id).toContain(id);
    }
  });

  it('sends the partner’s open stream only the neutral change, with no words', async () => {
    const events = await stream.drain(300);
    expect(events.map((e) => e.event)).toContain('space.changed');
    expect(JSON.stringify(events)).not.toContain(story.b.token);
  });

  it('ends the therapist’s access to the couple, as leaving does', async () => {
    const couples = await story.therapist.therapist.client.call('therapists.couples');
    expect(couples.status).toBe(200);
    expect(couples.text).not.toContain(story.b.token);
    const access = await t.deps.db
      .selectFrom('therapist_accesses')
      .select('ended_at')
      .where('id', '=', story.therapist.accessId)
      .executeTakeFirstOrThrow();
    expect(access.ended_at).not.toBeNull();
  });
});

describe('erasing a therapist', () => {
  it('ends their accesses and keeps the couple’s record of what was opened, without their name', async () => {
    const { a, b } = await t.couple([`Cara ${randomUUID().slice(0, 6)}`, `Dev ${randomUUID().slice(0, 6)}`]);
    const therapist = await invitedTherapist(t, a, 'Robin Erased');
    for (const p of [a, b]) {
      await reauth(p);
      await consent(p, therapist.accessId, ['agreements']);
    }
    expect(
      (await therapist.therapist.client.call('therapists.view.agreements', { params: { id: therapist.accessId } })).status,
    ).toBe(200);
    expect((await erase(therapist.therapist)).status).toBe(204);
    const list = await a.client.call('therapists.list');
    expect(list.status, list.text).toBe(200);
    const [access] = list.body.accesses;
    expect(access).toMatchObject({
      id: therapist.accessId,
      therapistName: null,
      log: [expect.objectContaining({ view: 'agreements' })],
    });
    expect(access?.state).not.toBe('active');
    expect(list.text).not.toContain('Robin Erased');
  });
});

// --- every GET route the partner can call, with the ids of what is (or was) there ---------------

interface Ids {
  story: AccountStory;
  bid: string;
  journal: string;
  selfCheck: string;
  feedToken: string;
}

async function idsFor(a: Person, story: AccountStory): Promise<Ids> {
  const bid = (await a.client.call('bids.list')).body.bids[0]?.id as string;
  const journal = (await a.client.call('journal.list')).body.entries[0]?.id as string;
  const selfCheck = (await a.client.call('understand.selfChecks.list')).body.selfChecks[0]?.id as string;
  const feed = await a.client.call('calendar.create');
  const feedToken = new URL(feed.body.url).pathname.split('/').pop() as string;
  return { story, bid, journal, selfCheck, feedToken };
}

/** The inputs to call a GET route with: for a route about one thing, both the partner's and the erased person's. */
function inputsFor(id: string, ids: Ids): object[] {
  const s = ids.story;
  const byId = (...list: string[]) => list.map((x) => ({ params: { id: x } }));
  const table: Record<string, object[]> = {
    'spaces.invites.preview': [{ params: { token: 'A'.repeat(43) } }],
    'therapists.invitePreview': [{ params: { token: 'A'.repeat(43) } }],
    'understand.selfChecks.get': byId(ids.selfCheck),
    'needs.get': byId(s.needA, s.needB),
    'agreements.get': byId(s.agreementInBWords, s.agreementBAccepted, s.agreementOnBNeed),
    'conversations.get': byId(s.conversationA, s.conversationB),
    'acknowledgements.list': byId(s.conversationA, s.conversationB),
    'commitments.get': byId(s.commitmentA, s.commitmentB),
    'log.occurrences': [s.commitmentA, s.commitmentB].map((x) => ({ params: { id: x }, query: { from: DAY1, to: DAY3 } })),
    'checkins.get': byId(s.checkinA, s.checkinB),
    'bids.get': byId(ids.bid),
    'calendar.feed': [{ params: { token: ids.feedToken } }],
    'closeness.pair': [{ params: { questionId: s.closenessQuestion } }],
    'journal.get': byId(ids.journal),
  };
  const route = routeTable.find((r) => r.id === id);
  if (route?.path.startsWith('/api/v1/therapist/couples/:id')) return byId(s.therapist.accessId);
  if (table[id]) return table[id];
  if (route?.params) throw new Error(`${id} takes params: add what to call it with`);
  return [{}];
}

async function readStream(p: Person, url: string): Promise<TestResponse> {
  const reader = await p.client.stream(url, { 'last-event-id': '0' });
  if (reader.status !== 200) {
    const text = await reader.response.text();
    return { status: reader.status, body: undefined, text, headers: reader.response.headers };
  }
  const events = await reader.drain(300);
  reader.close();
  return { status: 200, body: events, text: JSON.stringify(events), headers: reader.response.headers };
}
