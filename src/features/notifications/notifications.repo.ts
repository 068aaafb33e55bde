import type { Db } from '../../db/database.js';
import { toCount } from '../../db/values.js';
import { PARTNER_KINDS } from '../../domain/notifications.js';

// Queries for the notification centre and reminder preferences. Every read of notifications is by
// recipient: no query here ever reads another person's notifications or their read state for
// anyone else (the service also checks each row with the access policy).

const COLUMNS = ['id', 'user_id', 'space_id', 'kind', 'subject_id', 'created_at', 'read_at'] as const;
const partnerKinds = [...PARTNER_KINDS];

export async function findNotification(db: Db, id: string) {
  return db.selectFrom('notifications').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type NotificationRow = NonNullable<Awaited<ReturnType<typeof findNotification>>>;

/**
 * Inserts one notification unless an unread one with the same key is already there (the unique
 * (user_id, unread_key) index decides, so two at once still make one). True when it was inserted.
 */
export async function insertNotification(
  db: Db,
  row: {
    id: string;
    userId: string;
    spaceId: string;
    kind: string;
    subjectId: string | null;
    unreadKey: string | null;
    at: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('notifications')
    .values({
      id: row.id,
      user_id: row.userId,
      space_id: row.spaceId,
      kind: row.kind,
      subject_id: row.subjectId,
      unread_key: row.unreadKey,
      created_at: row.at,
      read_at: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'unread_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * The filter of what belongs in a person's centre now, in SQL (the service checks each row again
 * with notificationShown): theirs, and the partner's kinds only from the space they are in.
 */
function mine(db: Db, userId: string, spaceId: string) {
  return db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('space_id', '=', spaceId), eb('kind', 'not in', partnerKinds)]));
}

/** Newest first, at most `limit`. */
export async function listNotifications(db: Db, userId: string, spaceId: string, limit: number) {
  return mine(db, userId, spaceId).select(COLUMNS).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Db, userId: string, spaceId: string): Promise<number> {
  const row = await mine(db, userId, spaceId)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

/** Unread notifications in a person's centre, per kind. */
export async function unreadByKind(db: Db, userId: string, spaceId: string): Promise<Map<string, number>> {
  const rows = await mine(db, userId, spaceId)
    .where('read_at', 'is', null)
    .select((eb) => ['kind', eb.fn.countAll().as('n')] as const)
    .groupBy('kind')
    .execute();
  return new Map(rows.map((r) => [r.kind, toCount(r.n)]));
}

/** Marks read every unread one of a kind in a person's centre made up to `upTo` (one entry of the centre). */
export async function markKindRead(db: Db, userId: string, spaceId: string, kind: string, upTo: string, at: string) {
  const rows = await mine(db, userId, spaceId)
    .where('kind', '=', kind)
    .where('read_at', 'is', null)
    .where('created_at', '<=', upTo)
    .select('id')
    .execute();
  if (rows.length === 0) return 0;
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at, unread_key: null })
    .where('user_id', '=', userId)
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks read a person's unread notifications of a kind about one thing (it has been done). */
export async function markReadAbout(db: Db, userId: string, kind: string, subjectId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at, unread_key: null })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks one of the recipient's notifications read; already read stays as it was. */
export async function markRead(db: Db, id: string, userId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at, unread_key: null })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markAllRead(db: Db, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at, unread_key: null })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Forgets a person's notifications older than `before` (read or not): a centre stays about now. */
export async function pruneOlder(db: Db, userId: string, before: string): Promise<void> {
  await db.deleteFrom('notifications').where('user_id', '=', userId).where('created_at', '<', before).execute();
}

/** Deletes every notification of a kind about a subject; answers whose centres changed. */
export async function deleteAbout(db: Db, kind: string, subjectId: string): Promise<{ userId: string; spaceId: string }[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('notifications')
      .select(['user_id', 'space_id'])
      .where('subject_id', '=', subjectId)
      .where('kind', '=', kind)
      .execute();
    if (rows.length === 0) return [];
    await trx.deleteFrom('notifications').where('subject_id', '=', subjectId).where('kind', '=', kind).execute();
    return rows.map((r) => ({ userId: r.user_id, spaceId: r.space_id }));
  });
}

export async function findPreferences(db: Db, userId: string) {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export type PreferencesRow = NonNullable<Awaited<ReturnType<typeof findPreferences>>>;

export async function upsertPreferences(db: Db, row: PreferencesRow): Promise<void> {
  const { user_id: _, ...changes } = row;
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
    .execute();
}
