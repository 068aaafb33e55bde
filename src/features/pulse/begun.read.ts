import type { Db } from '../../db/database.js';

// What the home screen may read of this step: only whether the person has begun it (a yes or no,
// never a count of what they wrote and never a word of it).

/** Whether the person has answered a trust pulse (the start of Patience). */
export async function hasBegunPatience(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('pulses').select('id').where('author_id', '=', userId).limit(1).executeTakeFirst();
  return row !== undefined;
}
