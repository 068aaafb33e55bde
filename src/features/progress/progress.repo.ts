import type { Db } from '../../db/database.js';

// The one row of its own that Patience reads and writes: whether the person said they would like to
// think about therapy (person_preferences, made by migration 0017). It is theirs alone and feeds only
// their own therapy suggestion. Everything else Patience shows is read through the other features'
// windowed repositories (pulses, check-ins, commitments and the log).

export async function therapyAskedOf(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('person_preferences').select('therapy_asked').where('user_id', '=', userId).executeTakeFirst();
  return Number(row?.therapy_asked ?? 0) === 1;
}

export async function saveTherapyAsked(db: Db, userId: string, asked: boolean, at: string): Promise<void> {
  const value = asked ? 1 : 0;
  await db
    .insertInto('person_preferences')
    .values({ user_id: userId, therapy_asked: value, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ therapy_asked: value, updated_at: at }))
    .execute();
}
