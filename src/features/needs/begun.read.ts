import type { Db } from '../../db/database.js';

// What the home screen may read of this step: only whether the person has begun it (a yes or no,
// never a count of what they wrote and never a word of it).

/** Whether the person has written a need of their own. */
export async function hasBegunNeeds(db: Db, userId: string): Promise<boolean> {
  return (await begunNeedsRows(db, userId)[0].executeTakeFirst()) !== undefined;
}

/** The same question as reads the home screen can ask all at once (it has begun when any finds a row). */
export function begunNeedsRows(db: Db, userId: string) {
  return [db.selectFrom('needs').select('id').where('author_id', '=', userId).limit(1)] as const;
}
