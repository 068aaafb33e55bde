import type { Db } from '../../db/database.js';

// What the home screen may read of this step: only whether the person has begun it (a yes or no,
// never a count of what they wrote and never a word of it).

/** Whether the person has made a commitment, or has one made for them in the space they share now. */
export async function hasBegunAct(db: Db, userId: string, spaceId: string | null): Promise<boolean> {
  return (await begunActRows(db, userId, spaceId)[0].executeTakeFirst()) !== undefined;
}

/** The same question as reads the home screen can ask all at once (it has begun when any finds a row). */
export function begunActRows(db: Db, userId: string, spaceId: string | null) {
  return [
    db
      .selectFrom('commitments')
      .select('id')
      .where((eb) =>
        spaceId === null
          ? eb('author_id', '=', userId)
          : eb.or([eb('author_id', '=', userId), eb.and([eb('receiver_id', '=', userId), eb('space_id', '=', spaceId)])]),
      )
      .limit(1),
  ] as const;
}
