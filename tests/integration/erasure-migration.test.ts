/**
 * Migration 0021 (decision 025) on a database that already holds data: the references that would have
 * deleted a partner's own rows with the other person's account stop cascading, nothing is lost on the
 * way, the rebuilt SQLite tables keep their indexes and the foreign keys of their children, and the
 * list of erased people exists. On SQLite and on PostgreSQL (a fresh, empty database of this run).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migrations/index.js';
import { adminUrl, dropDatabase, quoteIdent, urlForDatabase, withAdmin } from '../support/pg.js';
import { testDbKind } from '../support/test-db.js';

const kind = testDbKind();
let db: Db;
let cleanup: () => Promise<void>;

async function emptyDatabase(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'attune-0021-'));
    const target = createDatabase({ kind, url: join(dir, 'attune.sqlite') });
    return {
      db: target,
      cleanup: async () => {
        await target.destroy().catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  // Named like this run's other databases, so the run's teardown sweeps it should a test crash.
  const name = `attune_t_${inject('pgRunId')}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const target = createDatabase({ kind, url: urlForDatabase(adminUrl(), name) });
  return {
    db: target,
    cleanup: async () => {
      await target.destroy().catch(() => undefined);
      await withAdmin((client) => dropDatabase(client, name));
    },
  };
}

async function migrateBefore0021(target: Db): Promise<void> {
  const earlier = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0021'));
  const { error } = await new Migrator({ db: target, provider: { getMigrations: async () => earlier } }).migrateToLatest();
  if (error) throw error;
}

const T = '2026-11-16T09:00:00.000Z';
const ids = {
  a: 'user-a',
  b: 'user-b',
  therapist: 'user-t',
  space: 'space-1',
  needA: 'need-a',
  proposalB: 'response-b',
  agreement: 'agreement-1',
  commitmentA: 'commitment-a',
  versionA: 'version-a',
  markA: 'mark-a',
  conversationB: 'conversation-b',
  turnA: 'turn-a',
  turnB: 'turn-b',
  ackB: 'ack-b',
  replyA: 'reply-a',
  access: 'access-1',
  log: 'log-1',
};

/** Rows as the app wrote them before 0021: b's account names b on rows that are a's or shared. */
async function writeRowsBefore(target: Kysely<any>): Promise<void> {
  const user = (id: string, email: string, role = 'partner') => ({
    id,
    email,
    name_sealed: 'sealed',
    password_hash: 'hash',
    data_key_wrapped: 'wrapped',
    time_zone: 'Europe/London',
    created_at: T,
    updated_at: T,
    role,
  });
  await target
    .insertInto('users')
    .values([user(ids.a, 'a@example.org'), user(ids.b, 'b@example.org'), user(ids.therapist, 't@example.org', 'therapist')])
    .execute();
  await target.insertInto('spaces').values({ id: ids.space, created_at: T }).execute();
  const shared = { space_id: ids.space, visibility: 'couple' };
  await target
    .insertInto('needs')
    .values({ id: ids.needA, author_id: ids.a, ...shared, state: 'agreed', text_sealed: 's', created_at: T, updated_at: T })
    .execute();
  await target
    .insertInto('need_responses')
    .values({ id: ids.proposalB, need_id: ids.needA, author_id: ids.b, space_id: ids.space, kind: 'proposal', created_at: T })
    .execute();
  // a's need, agreed in b's proposed words, and accepted by b: two references to b.
  await target
    .insertInto('agreements')
    .values({
      id: ids.agreement,
      need_id: ids.needA,
      space_id: ids.space,
      proposal_id: ids.proposalB,
      agreed_by: ids.b,
      agreed_at: T,
    })
    .execute();
  await target
    .insertInto('commitments')
    .values({
      id: ids.commitmentA,
      author_id: ids.a,
      receiver_id: ids.b,
      agreement_id: ids.agreement,
      ...shared,
      starts_on: '2026-11-16',
      created_at: T,
      updated_at: T,
    })
    .execute();
  await target
    .insertInto('commitment_versions')
    .values({
      id: ids.versionA,
      commitment_id: ids.commitmentA,
      author_id: ids.a,
      space_id: ids.space,
      effective_from: T,
      what_sealed: 's',
      schedule_json: '{}',
      zone: 'Europe/London',
      created_at: T,
    })
    .execute();
  await target
    .insertInto('occurrence_marks')
    .values({
      id: ids.markA,
      commitment_id: ids.commitmentA,
      author_id: ids.a,
      space_id: ids.space,
      occurrence_key: '2026-11-16',
      due_at: T,
      status: 'done',
      marked_at: T,
    })
    .execute();
  // A conversation b started on one device: b recorded a's turn too.
  await target
    .insertInto('conversations')
    .values({
      id: ids.conversationB,
      author_id: ids.b,
      ...shared,
      mode: 'one-device',
      state_json: '{}',
      version: 1,
      created_at: T,
      updated_at: T,
    })
    .execute();
  const turn = (id: string, author: string, seq: number) => ({
    id,
    conversation_id: ids.conversationB,
    author_id: author,
    recorded_by: ids.b,
    ...shared,
    kind: 'share',
    seq,
    text_sealed: 's',
    created_at: T,
  });
  await target
    .insertInto('conversation_turns')
    .values([turn(ids.turnB, ids.b, 1), turn(ids.turnA, ids.a, 2)])
    .execute();
  await target
    .insertInto('acknowledgements')
    .values({
      id: ids.ackB,
      conversation_id: ids.conversationB,
      author_id: ids.b,
      ...shared,
      did_sealed: 's',
      effect_sealed: 's',
      change_sealed: 's',
      created_at: T,
    })
    .execute();
  await target
    .insertInto('acknowledgement_replies')
    .values({ id: ids.replyA, acknowledgement_id: ids.ackB, author_id: ids.a, ...shared, felt: 'yes', created_at: T })
    .execute();
  await target
    .insertInto('therapist_accesses')
    .values({
      id: ids.access,
      space_id: ids.space,
      proposed_by: ids.a,
      token_hash: 'hash-1',
      therapist_id: ids.therapist,
      created_at: T,
      invite_expires_at: T,
      accepted_at: T,
      access_until: T,
    })
    .execute();
  await target
    .insertInto('therapist_access_log')
    .values({ id: ids.log, access_id: ids.access, view: 'figures', at: T })
    .execute();
}

const count = async (table: string, where: Record<string, string> = {}) => {
  let query = (db as Kysely<any>).selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value);
  return Number((await query.executeTakeFirstOrThrow()).n);
};

beforeAll(async () => {
  ({ db, cleanup } = await emptyDatabase());
  await migrateBefore0021(db);
  await writeRowsBefore(db as Kysely<any>);
  await migrateToLatest(db);
});
afterAll(async () => {
  await cleanup?.();
});

describe(`migration 0021 on ${kind}, with data`, () => {
  it('keeps every row and every value of the tables it changes', async () => {
    expect(await db.selectFrom('commitments').selectAll().execute()).toEqual([
      expect.objectContaining({ id: ids.commitmentA, author_id: ids.a, receiver_id: ids.b, agreement_id: ids.agreement }),
    ]);
    expect(await db.selectFrom('agreements').selectAll().execute()).toEqual([
      { id: ids.agreement, need_id: ids.needA, space_id: ids.space, proposal_id: ids.proposalB, agreed_by: ids.b, agreed_at: T },
    ]);
    expect(await count('conversations', { author_id: ids.b })).toBe(1);
    expect(await count('conversation_turns', { recorded_by: ids.b })).toBe(2);
    expect(await count('acknowledgements', { author_id: ids.b })).toBe(1);
    expect(await count('therapist_accesses', { therapist_id: ids.therapist })).toBe(1);
    expect(await count('erased_people')).toBe(0);
  });

  it('keeps the indexes of the rebuilt tables', async () => {
    const names =
      kind === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(db)).rows
        : (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(db))
            .rows;
    expect(names.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'commitments_space_idx',
        'commitments_author_idx',
        'commitments_agreement_idx',
        'agreements_space_idx',
        'conversations_author_idx',
        'conversations_space_idx',
        'conversation_turns_conversation_idx',
        'acknowledgements_conversation_idx',
        'acknowledgements_author_space_idx',
        'therapist_accesses_space_idx',
        'therapist_accesses_therapist_idx',
      ]),
    );
    if (kind === 'sqlite') expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
  });

  it('keeps a unique need per agreement and a unique token per access', async () => {
    const again = db
      .insertInto('agreements')
      .values({ id: 'agreement-2', need_id: ids.needA, space_id: ids.space, proposal_id: null, agreed_by: ids.a, agreed_at: T })
      .execute();
    await expect(again).rejects.toThrow();
  });

  it("deleting b's account deletes b's rows and no longer any of a's or the shared shells", async () => {
    await db.deleteFrom('users').where('id', '=', ids.b).execute();
    // a's own rows stay, naming b by a bare id.
    expect(await count('commitments', { id: ids.commitmentA })).toBe(1);
    expect(await count('commitment_versions', { id: ids.versionA })).toBe(1);
    expect(await count('occurrence_marks', { id: ids.markA })).toBe(1);
    expect(await count('agreements', { id: ids.agreement })).toBe(1);
    expect(await count('conversation_turns', { id: ids.turnA })).toBe(1);
    expect(await count('acknowledgement_replies', { id: ids.replyA })).toBe(1);
    // The shells stay for the erasure to deal with (it removes their words); b's own words go.
    expect(await count('conversations', { id: ids.conversationB })).toBe(1);
    expect(await count('acknowledgements', { id: ids.ackB })).toBe(1);
    expect(await count('conversation_turns', { id: ids.turnB })).toBe(0);
    expect(await count('need_responses', { id: ids.proposalB })).toBe(0);
  });

  it("deleting a therapist's account keeps the couple's record of the access", async () => {
    await db.deleteFrom('users').where('id', '=', ids.therapist).execute();
    expect(await count('therapist_accesses', { id: ids.access })).toBe(1);
    expect(await count('therapist_access_log', { id: ids.log })).toBe(1);
  });

  it('still cascades from a rebuilt table to its children, and from users to what stays linked', async () => {
    await db.deleteFrom('commitments').where('id', '=', ids.commitmentA).execute();
    expect(await count('commitment_versions', { commitment_id: ids.commitmentA })).toBe(0);
    expect(await count('occurrence_marks', { commitment_id: ids.commitmentA })).toBe(0);
    await db.deleteFrom('conversations').where('id', '=', ids.conversationB).execute();
    expect(await count('conversation_turns', { conversation_id: ids.conversationB })).toBe(0);
    expect(await count('acknowledgements', { conversation_id: ids.conversationB })).toBe(0);
    expect(await count('acknowledgement_replies', { id: ids.replyA })).toBe(0);
    await db.deleteFrom('users').where('id', '=', ids.a).execute();
    expect(await count('needs', { author_id: ids.a })).toBe(0);
    expect(await count('agreements', { need_id: ids.needA })).toBe(0);
  });

  it('has the list of erased people: an id and a time, nothing more', async () => {
    await db.insertInto('erased_people').values({ user_id: ids.b, erased_at: T }).execute();
    await expect(db.insertInto('erased_people').values({ user_id: ids.b, erased_at: T }).execute()).rejects.toThrow();
    expect(await db.selectFrom('erased_people').selectAll().execute()).toEqual([{ user_id: ids.b, erased_at: T }]);
  });
});
