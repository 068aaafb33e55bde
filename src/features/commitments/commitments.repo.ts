import type { Db } from '../../db/database.js';
import { lockRow } from '../../db/row-lock.js';

// Queries for commitments, their versions and pauses. Every function takes the db (or a
// transaction) first; the service checks each row with the access policy.

const COMMITMENT_COLUMNS = [
  'id',
  'space_id',
  'author_id',
  'receiver_id',
  'agreement_id',
  'ritual_id',
  'visibility',
  'starts_on',
  'created_at',
  'updated_at',
  'ended_at',
] as const;

export async function findCommitment(db: Db, id: string) {
  return db.selectFrom('commitments').select(COMMITMENT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type CommitmentRow = NonNullable<Awaited<ReturnType<typeof findCommitment>>>;

/** The commitments of a space between two people (either acting), newest first. */
export async function listSpaceCommitments(db: Db, spaceId: string, userIds: readonly string[], limit: number) {
  return db
    .selectFrom('commitments')
    .select(COMMITMENT_COLUMNS)
    .where('space_id', '=', spaceId)
    .where('author_id', 'in', userIds)
    .where('receiver_id', 'in', userIds)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The commitments a person acts on in the space they share now with this partner, not ended, newest
 * first, at most `limit` (`onlyId`: just that one, if it still is).
 */
export async function listActingCommitments(
  db: Db,
  who: { userId: string; spaceId: string; partnerId: string },
  limit: number,
  onlyId?: string,
) {
  let query = db
    .selectFrom('commitments')
    .select(COMMITMENT_COLUMNS)
    .where('author_id', '=', who.userId)
    .where('receiver_id', '=', who.partnerId)
    .where('space_id', '=', who.spaceId)
    .where('ended_at', 'is', null);
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function insertCommitment(
  db: Db,
  row: {
    id: string;
    spaceId: string;
    authorId: string;
    receiverId: string;
    agreementId: string | null;
    ritualId: string | null;
    startsOn: string;
    at: string;
  },
) {
  await db
    .insertInto('commitments')
    .values({
      id: row.id,
      space_id: row.spaceId,
      author_id: row.authorId,
      receiver_id: row.receiverId,
      agreement_id: row.agreementId,
      ritual_id: row.ritualId,
      visibility: 'couple',
      starts_on: row.startsOn,
      created_at: row.at,
      updated_at: row.at,
      ended_at: null,
    })
    .execute();
}

/** These commitments, among the ones this person acts on (any space, ended or not). */
export async function listOwnCommitments(db: Db, authorId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('commitments')
    .select(COMMITMENT_COLUMNS)
    .where('author_id', '=', authorId)
    .where('id', 'in', ids)
    .execute();
}

/** Takes the commitment's row lock for the rest of the transaction (a no-op write), so two requests changing it queue. */
export async function lockCommitment(db: Db, id: string) {
  await lockRow(db, 'commitments', id);
}

/** Whether the commitment has a pause still running. */
export async function hasOpenPause(db: Db, commitmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('commitment_pauses')
    .select('id')
    .where('commitment_id', '=', commitmentId)
    .where('until_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function touchCommitment(db: Db, id: string, at: string, endedAt?: string) {
  await db
    .updateTable('commitments')
    .set({ updated_at: at, ...(endedAt ? { ended_at: endedAt } : {}) })
    .where('id', '=', id)
    .execute();
}

const VERSION_COLUMNS = [
  'id',
  'commitment_id',
  'author_id',
  'space_id',
  'effective_from',
  'what_sealed',
  'schedule_json',
  'zone',
  'created_at',
] as const;

export async function listVersions(db: Db, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('commitment_versions')
    .select(VERSION_COLUMNS)
    .where('commitment_id', 'in', commitmentIds)
    .orderBy('effective_from', 'asc')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export async function insertVersion(
  db: Db,
  row: {
    id: string;
    commitmentId: string;
    authorId: string;
    spaceId: string;
    from: string;
    whatSealed: string;
    scheduleJson: string;
    zone: string;
    at: string;
  },
) {
  await db
    .insertInto('commitment_versions')
    .values({
      id: row.id,
      commitment_id: row.commitmentId,
      author_id: row.authorId,
      space_id: row.spaceId,
      effective_from: row.from,
      what_sealed: row.whatSealed,
      schedule_json: row.scheduleJson,
      zone: row.zone,
      created_at: row.at,
    })
    .execute();
}

const PAUSE_COLUMNS = ['id', 'commitment_id', 'from_at', 'until_at'] as const;

export async function listPauses(db: Db, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('commitment_pauses')
    .select(PAUSE_COLUMNS)
    .where('commitment_id', 'in', commitmentIds)
    .orderBy('from_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export type PauseRow = Awaited<ReturnType<typeof listPauses>>[number];

export async function insertPause(
  db: Db,
  row: { id: string; commitmentId: string; authorId: string; spaceId: string; at: string },
) {
  await db
    .insertInto('commitment_pauses')
    .values({
      id: row.id,
      commitment_id: row.commitmentId,
      author_id: row.authorId,
      space_id: row.spaceId,
      from_at: row.at,
      until_at: null,
      created_at: row.at,
    })
    .execute();
}

/** Ends the open pause; false when there was none. */
export async function endOpenPause(db: Db, commitmentId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('commitment_pauses')
    .set({ until_at: at })
    .where('commitment_id', '=', commitmentId)
    .where('until_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
