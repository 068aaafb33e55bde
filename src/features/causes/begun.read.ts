import type { Db } from '../../db/database.js';

// What the home screen may read of this step: only whether the person has begun it (a yes or no,
// never a count of what they wrote and never a word of it).

/** Whether the person has marked causes of their own. */
export async function hasBegunWhy(db: Db, userId: string): Promise<boolean> {
  return (await begunWhyRows(db, userId)[0].executeTakeFirst()) !== undefined;
}

/** The same question as reads the home screen can ask all at once (it has begun when any finds a row). */
export function begunWhyRows(db: Db, userId: string) {
  return [db.selectFrom('cause_sets').select('id').where('author_id', '=', userId).limit(1)] as const;
}
