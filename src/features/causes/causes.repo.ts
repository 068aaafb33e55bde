import type { Db } from '../../db/database.js';

const COLUMNS = [
  'id',
  'author_id',
  'space_id',
  'visibility',
  'marks_sealed',
  'revealed_at',
  'understanding_sealed',
  'understanding_updated_at',
] as const;

/** A person's set in one space (at most one, by a unique index). */
export async function findSet(db: Db, authorId: string, spaceId: string) {
  return db
    .selectFrom('cause_sets')
    .select(COLUMNS)
    .where('author_id', '=', authorId)
    .where('space_id', '=', spaceId)
    .executeTakeFirst();
}

/** A person's sets from spaces other than this one: what they wrote with someone before. Their own words. */
export async function findEarlierSets(db: Db, authorId: string, currentSpaceId: string) {
  return db
    .selectFrom('cause_sets')
    .select(COLUMNS)
    .where('author_id', '=', authorId)
    .where('space_id', '<>', currentSpaceId)
    .orderBy('created_at', 'desc')
    .execute();
}

export type CauseSetRow = NonNullable<Awaited<ReturnType<typeof findSet>>>;

/** Inserts a new private set; false if one already exists for this person and space. */
export async function insertSet(
  db: Db,
  row: { id: string; authorId: string; spaceId: string; marksSealed: string; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('cause_sets')
    .values({
      id: row.id,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: 'private',
      marks_sealed: row.marksSealed,
      revealed_at: null,
      understanding_sealed: null,
      understanding_updated_at: null,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(['author_id', 'space_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Replaces the marks only while unrevealed; false if the set was revealed meanwhile. */
export async function updateUnrevealedMarks(
  db: Db,
  id: string,
  authorId: string,
  marksSealed: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('cause_sets')
    .set({ marks_sealed: marksSealed, updated_at: at })
    .where('id', '=', id)
    .where('author_id', '=', authorId)
    .where('revealed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markRevealed(db: Db, id: string, authorId: string, at: string): Promise<void> {
  await db
    .updateTable('cause_sets')
    .set({ visibility: 'couple', revealed_at: at, updated_at: at })
    .where('id', '=', id)
    .where('author_id', '=', authorId)
    .where('revealed_at', 'is', null)
    .execute();
}

export async function saveUnderstanding(db: Db, id: string, authorId: string, sealed: string | null, at: string): Promise<void> {
  await db
    .updateTable('cause_sets')
    .set({ understanding_sealed: sealed, understanding_updated_at: sealed === null ? null : at, updated_at: at })
    .where('id', '=', id)
    .where('author_id', '=', authorId)
    .execute();
}

/** Forgets an unrevealed set; a revealed one stays (the caller refuses first). */
export async function deleteUnrevealedSet(db: Db, id: string, authorId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('cause_sets')
    .where('id', '=', id)
    .where('author_id', '=', authorId)
    .where('revealed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
