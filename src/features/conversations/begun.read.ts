import type { Db } from '../../db/database.js';

// What the home screen may read of this step: only whether the person has begun it (a yes or no,
// never a count of what they wrote and never a word of it).

/** Whether the person has a draft of their own, or a conversation they started or held in the space they share now. */
export async function hasBegunTalk(db: Db, userId: string, spaceId: string | null): Promise<boolean> {
  const [draft, held] = begunTalkRows(db, userId, spaceId);
  if (await draft.executeTakeFirst()) return true;
  return (await held.executeTakeFirst()) !== undefined;
}

/** The same question as reads the home screen can ask all at once (it has begun when any finds a row). */
export function begunTalkRows(db: Db, userId: string, spaceId: string | null) {
  return [
    db.selectFrom('talk_drafts').select('id').where('author_id', '=', userId).limit(1),
    db
      .selectFrom('conversations')
      .select('id')
      .where((eb) =>
        spaceId === null ? eb('author_id', '=', userId) : eb.or([eb('author_id', '=', userId), eb('space_id', '=', spaceId)]),
      )
      .limit(1),
  ] as const;
}
