import type { Db } from '../../db/database.js';

export async function findSafetyCheck(db: Db, userId: string) {
  return db
    .selectFrom('safety_checks')
    .select(['id', 'answers_sealed', 'updated_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** One row per person: a second save replaces the first (both databases support ON CONFLICT). */
export async function saveSafetyCheck(
  db: Db,
  row: { id: string; userId: string; answersSealed: string; updatedAt: string },
): Promise<void> {
  await db
    .insertInto('safety_checks')
    .values({ id: row.id, user_id: row.userId, answers_sealed: row.answersSealed, updated_at: row.updatedAt })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ answers_sealed: row.answersSealed, updated_at: row.updatedAt }))
    .execute();
}

export async function deleteSafetyCheck(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('safety_checks').where('user_id', '=', userId).execute();
}
