import type { Db } from '../../db/database.js';

export interface SelfCheckRow {
  id: string;
  author_id: string;
  ratings_sealed: string;
  note_sealed: string | null;
  created_at: string;
}

export async function insertSelfCheck(db: Db, row: SelfCheckRow): Promise<void> {
  await db.insertInto('self_checks').values(row).execute();
}

export async function findSelfCheck(db: Db, id: string): Promise<SelfCheckRow | undefined> {
  return db.selectFrom('self_checks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The author's own self-checks, newest first, at most `limit`. */
export async function listSelfChecks(db: Db, authorId: string, limit: number): Promise<SelfCheckRow[]> {
  return db
    .selectFrom('self_checks')
    .selectAll()
    .where('author_id', '=', authorId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function deleteSelfCheck(db: Db, authorId: string, id: string): Promise<void> {
  await db.deleteFrom('self_checks').where('id', '=', id).where('author_id', '=', authorId).execute();
}
