import type { Db } from '../../db/database.js';

// What the home screen may read of this step: only whether the person has begun it (a yes or no,
// never a count of what they wrote and never a word of it).

/** Whether the person has written a need of their own. */
export async function hasBegunNeeds(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('needs').select('id').where('author_id', '=', userId).limit(1).executeTakeFirst();
  return row !== undefined;
}
