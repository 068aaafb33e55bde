import type { Db } from '../../db/database.js';

// Queries for the private reflection. The re-authentication stamp lives on the person's own session
// row and nowhere else: not an event, not a notification, not an idempotency row. Every function
// takes the acting person's id, so none can reach another person's session.

/** When this session last re-entered the password (null: never); undefined when it is not theirs. */
export async function findReauth(db: Db, userId: string, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select('reauth_at')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Stamps (or slides) the re-authentication of this one session. */
export async function stampReauth(db: Db, userId: string, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ reauth_at: at }).where('id', '=', sessionId).where('user_id', '=', userId).execute();
}
