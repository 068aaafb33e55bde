import type { Db } from '../../db/database.js';

// What the home screen may read of this step: only whether the person has begun it (a yes or no,
// never a count of what they wrote and never a word of it).

/** Whether the person has a draft of their own, or a conversation they started or held in the space they share now. */
export async function hasBegunTalk(db: Db, userId: string, spaceId: string | null): Promise<boolean> {
  const draft = await db.selectFrom('talk_drafts').select('id').where('author_id', '=', userId).limit(1).executeTakeFirst();
  if (draft) return true;
  const held = await db
    .selectFrom('conversations')
    .select('id')
    .where((eb) =>
      spaceId === null ? eb('author_id', '=', userId) : eb.or([eb('author_id', '=', userId), eb('space_id', '=', spaceId)]),
    )
    .limit(1)
    .executeTakeFirst();
  return held !== undefined;
}
