import type { Db } from '../../db/database.js';
import { newId } from '../../shared/ids.js';

export async function insertNotice(db: Db, userId: string, kind: 'partner-left', nowIso: string, now: Date): Promise<void> {
  await db
    .insertInto('space_notices')
    .values({ id: newId(now), user_id: userId, kind, created_at: nowIso, dismissed_at: null })
    .execute();
}

export async function latestOpenNotice(db: Db, userId: string) {
  return db
    .selectFrom('space_notices')
    .select(['id', 'kind', 'created_at'])
    .where('user_id', '=', userId)
    .where('dismissed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findNotice(db: Db, noticeId: string) {
  return db.selectFrom('space_notices').select(['id', 'user_id']).where('id', '=', noticeId).executeTakeFirst();
}

export async function dismissNotice(db: Db, noticeId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('space_notices')
    .set({ dismissed_at: nowIso })
    .where('id', '=', noticeId)
    .where('dismissed_at', 'is', null)
    .execute();
}
