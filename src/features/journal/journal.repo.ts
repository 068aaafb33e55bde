import type { Db } from '../../db/database.js';

// Queries for the private journal. Every list is scoped to its owner, and the service checks each
// single entry with the access policy (decideOwned), so no one else's entry is ever opened.

const ENTRY_COLUMNS = ['id', 'user_id', 'text_sealed', 'mood', 'tags_sealed', 'prompt_id', 'created_at', 'updated_at'] as const;

export async function findEntry(db: Db, id: string) {
  return db.selectFrom('journal_entries').select(ENTRY_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

/** Where a page starts: strictly before this entry, newest first (ties on the instant broken by id). */
export interface EntryCursor {
  createdAt: string;
  id: string;
}

/** My entries newest first, starting after `cursor` (or from the newest), at most `limit`. */
export async function listMyEntries(db: Db, userId: string, cursor: EntryCursor | null, limit: number) {
  let query = db.selectFrom('journal_entries').select(ENTRY_COLUMNS).where('user_id', '=', userId);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', cursor.createdAt),
        eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Where one of my entries sits in my journal (undefined when it is not mine or does not exist). */
export async function findMyCursor(db: Db, userId: string, id: string): Promise<EntryCursor | undefined> {
  const row = await db
    .selectFrom('journal_entries')
    .select(['id', 'created_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && { createdAt: row.created_at, id: row.id };
}

export async function insertEntry(
  db: Db,
  row: {
    id: string;
    userId: string;
    textSealed: string;
    mood: string | null;
    tagsSealed: string;
    promptId: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('journal_entries')
    .values({
      id: row.id,
      user_id: row.userId,
      text_sealed: row.textSealed,
      mood: row.mood,
      tags_sealed: row.tagsSealed,
      prompt_id: row.promptId,
      created_at: row.at,
      updated_at: row.at,
    })
    .execute();
}

export async function updateEntry(
  db: Db,
  userId: string,
  id: string,
  changes: { text_sealed?: string; mood?: string | null; tags_sealed?: string; updated_at: string },
): Promise<void> {
  await db.updateTable('journal_entries').set(changes).where('id', '=', id).where('user_id', '=', userId).execute();
}

export async function deleteEntry(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom('journal_entries').where('id', '=', id).where('user_id', '=', userId).execute();
}
