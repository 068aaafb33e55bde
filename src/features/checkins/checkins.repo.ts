import type { Db } from '../../db/database.js';
import { lockRow } from '../../db/row-lock.js';
import type { Visibility } from '../../domain/access-policy.js';

const CHECKIN_COLUMNS = [
  'id',
  'author_id',
  'space_id',
  'visibility',
  'local_date',
  'connected',
  'heard',
  'mood',
  'line_sealed',
  'created_at',
  'updated_at',
] as const;

export async function findCheckin(db: Db, id: string) {
  return db.selectFrom('checkins').select(CHECKIN_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type CheckinRow = NonNullable<Awaited<ReturnType<typeof findCheckin>>>;

/** A person's check-in for one local day, whatever its visibility; the service decides who sees it. */
/** The check-ins of a few people on one day, in one read (home reads mine and my partner's). */
export async function findCheckinsOn(db: Db, authorIds: readonly string[], localDate: string): Promise<CheckinRow[]> {
  if (authorIds.length === 0) return [];
  return db
    .selectFrom('checkins')
    .select(CHECKIN_COLUMNS)
    .where('author_id', 'in', authorIds)
    .where('local_date', '=', localDate)
    .execute();
}

export async function findCheckinOn(db: Db, authorId: string, localDate: string): Promise<CheckinRow | undefined> {
  return db
    .selectFrom('checkins')
    .select(CHECKIN_COLUMNS)
    .where('author_id', '=', authorId)
    .where('local_date', '=', localDate)
    .executeTakeFirst();
}

/**
 * Check-ins in a window of local dates (both ends included), newest day first: all of my own, and
 * those my partner shared in the space we share now. The service checks each row with the access
 * policy too. A window holds at most two rows a day, so it is bounded by its span.
 */
export async function listVisibleCheckins(
  db: Db,
  who: { userId: string; partnerId: string | null; spaceId: string },
  window: { from: string; to: string },
): Promise<CheckinRow[]> {
  return db
    .selectFrom('checkins')
    .select(CHECKIN_COLUMNS)
    .where('local_date', '>=', window.from)
    .where('local_date', '<=', window.to)
    .where((eb) => {
      const mine = eb('author_id', '=', who.userId);
      if (who.partnerId === null) return mine;
      return eb.or([
        mine,
        eb.and([eb('author_id', '=', who.partnerId), eb('space_id', '=', who.spaceId), eb('visibility', '=', 'couple')]),
      ]);
    })
    .orderBy('local_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export interface CheckinValues {
  spaceId: string;
  visibility: Visibility;
  connected: number;
  heard: number;
  mood: string;
  lineSealed: string | null;
}

/** Inserts a person's check-in for a day; false when one for that day already exists (a concurrent write won). */
export async function insertCheckin(
  db: Db,
  row: CheckinValues & { id: string; authorId: string; localDate: string; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('checkins')
    .values({
      id: row.id,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: row.visibility,
      local_date: row.localDate,
      connected: row.connected,
      heard: row.heard,
      mood: row.mood,
      line_sealed: row.lineSealed,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(['author_id', 'local_date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Rewrites the author's own check-in; false when it is gone (deleted a moment ago). */
export async function updateCheckin(db: Db, row: CheckinValues & { id: string; authorId: string; at: string }): Promise<boolean> {
  const result = await db
    .updateTable('checkins')
    .set({
      space_id: row.spaceId,
      visibility: row.visibility,
      connected: row.connected,
      heard: row.heard,
      mood: row.mood,
      line_sealed: row.lineSealed,
      updated_at: row.at,
    })
    .where('id', '=', row.id)
    .where('author_id', '=', row.authorId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the check-in with the replies to it. */
export async function deleteCheckin(db: Db, id: string, authorId: string): Promise<boolean> {
  await db.deleteFrom('checkin_replies').where('checkin_id', '=', id).execute();
  const result = await db.deleteFrom('checkins').where('id', '=', id).where('author_id', '=', authorId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

const REPLY_COLUMNS = ['id', 'checkin_id', 'author_id', 'space_id', 'kind', 'reaction', 'text_sealed', 'created_at'] as const;

export async function listReplies(db: Db, checkinIds: readonly string[]) {
  if (checkinIds.length === 0) return [];
  return db
    .selectFrom('checkin_replies')
    .select(REPLY_COLUMNS)
    .where('checkin_id', 'in', checkinIds)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export type ReplyRow = Awaited<ReturnType<typeof listReplies>>[number];

/** Takes the check-in's row lock for the rest of the transaction (a no-op write). */
export async function lockCheckin(db: Db, id: string): Promise<void> {
  await lockRow(db, 'checkins', id);
}

export async function countReplies(db: Db, checkinId: string): Promise<number> {
  const row = await db
    .selectFrom('checkin_replies')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('checkin_id', '=', checkinId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertReply(
  db: Db,
  row: {
    id: string;
    checkinId: string;
    authorId: string;
    spaceId: string;
    kind: string;
    reaction: string | null;
    textSealed: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('checkin_replies')
    .values({
      id: row.id,
      checkin_id: row.checkinId,
      author_id: row.authorId,
      space_id: row.spaceId,
      kind: row.kind,
      reaction: row.reaction,
      text_sealed: row.textSealed,
      created_at: row.at,
    })
    .execute();
}

export async function findDefaultVisibility(db: Db, userId: string): Promise<Visibility | undefined> {
  const row = await db
    .selectFrom('checkin_preferences')
    .select('default_visibility')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.default_visibility;
}

export async function rememberVisibility(db: Db, userId: string, visibility: Visibility, at: string): Promise<void> {
  await db
    .insertInto('checkin_preferences')
    .values({ user_id: userId, default_visibility: visibility, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ default_visibility: visibility, updated_at: at }))
    .execute();
}
