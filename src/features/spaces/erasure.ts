import type { Db } from '../../db/database.js';

// What an erasure (decision 025) does to spaces: a space left with no member at all (the person's own
// spaces, never one a partner was ever in) goes, with anything still in it.

/** Every space the person was ever a member of. */
export async function spacesEverOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('space_members').select('space_id').distinct().where('user_id', '=', userId).execute();
  return rows.map((r) => r.space_id);
}

/** Deletes those of these spaces that no longer have any member row (call after the account row went). */
export async function deleteMemberlessSpaces(db: Db, spaceIds: readonly string[]): Promise<void> {
  if (spaceIds.length === 0) return;
  await db
    .deleteFrom('spaces')
    .where('id', 'in', [...spaceIds])
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('space_members').select('space_members.id').whereRef('space_members.space_id', '=', 'spaces.id')),
      ),
    )
    .execute();
}
