import type { Db } from '../../db/database.js';

const COLUMNS = ['id', 'author_id', 'space_id', 'visibility', 'text_sealed', 'noticed_on', 'created_at'] as const;

export async function insertAppreciation(
  db: Db,
  row: { id: string; authorId: string; spaceId: string; textSealed: string; on: string; at: string },
) {
  await db
    .insertInto('appreciations')
    .values({
      id: row.id,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: 'couple',
      text_sealed: row.textSealed,
      noticed_on: row.on,
      created_at: row.at,
    })
    .execute();
}

export async function findAppreciation(db: Db, id: string) {
  return db.selectFrom('appreciations').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type AppreciationRow = NonNullable<Awaited<ReturnType<typeof findAppreciation>>>;

/** Appreciations written in a space by these people over local days [first, last], newest first. */
export async function listAppreciations(
  db: Db,
  spaceId: string,
  authorIds: readonly string[],
  first: string,
  last: string,
  limit: number,
) {
  return db
    .selectFrom('appreciations')
    .select(COLUMNS)
    .where('space_id', '=', spaceId)
    .where('author_id', 'in', authorIds)
    .where('noticed_on', '>=', first)
    .where('noticed_on', '<=', last)
    .orderBy('noticed_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
