import type { Db } from '../../db/database.js';

// The list of erased people (erased_people, migration 0021): ids and when, nothing else.

export async function recordErasure(db: Db, userId: string, erasedAt: string): Promise<void> {
  await db
    .insertInto('erased_people')
    .values({ user_id: userId, erased_at: erasedAt })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/** Listed as erased, yet with an account row: what a restored backup brings back. */
export async function erasedButPresent(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('erased_people')
    .innerJoin('users', 'users.id', 'erased_people.user_id')
    .select('erased_people.user_id')
    .orderBy('erased_people.erased_at')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function listErasures(db: Db): Promise<{ userId: string; erasedAt: string }[]> {
  const rows = await db.selectFrom('erased_people').select(['user_id', 'erased_at']).orderBy('erased_at').execute();
  return rows.map((r) => ({ userId: r.user_id, erasedAt: r.erased_at }));
}

/** Adds ids to the list (those already on it stay as they are); answers how many were new. */
export async function addErasures(db: Db, entries: readonly { userId: string; erasedAt: string }[]): Promise<number> {
  let added = 0;
  for (const e of entries) {
    const result = await db
      .insertInto('erased_people')
      .values({ user_id: e.userId, erased_at: e.erasedAt })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}
