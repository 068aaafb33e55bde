import type { Db } from '../../db/database.js';
import type { Actor } from '../../domain/access-policy.js';

// What other features may read of spaces: the acting person as the access policy sees them, and
// who else is in a space.

/** The acting person as the access policy sees them: their space and their partner, in one query. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('space_members as mine')
    .leftJoin('space_members as other', (join) =>
      join
        .onRef('other.space_id', '=', 'mine.space_id')
        .on('other.left_at', 'is', null)
        .onRef('other.user_id', '<>', 'mine.user_id'),
    )
    .select(['mine.space_id as spaceId', 'other.user_id as partnerId'])
    .where('mine.user_id', '=', userId)
    .where('mine.left_at', 'is', null)
    .executeTakeFirst();
  return row ? { userId, spaceId: row.spaceId, partnerId: row.partnerId ?? null } : null;
}

/** The other active member of a space, if there is one. */
export async function otherMemberOf(db: Db, spaceId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('space_members')
    .select('user_id')
    .where('space_id', '=', spaceId)
    .where('left_at', 'is', null)
    .where('user_id', '<>', userId)
    .executeTakeFirst();
  return row?.user_id ?? null;
}
