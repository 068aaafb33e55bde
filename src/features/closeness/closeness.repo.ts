import type { Db } from '../../db/database.js';

// Queries for step 7's question days, themes and skips (answers and responses: answers.repo.ts).
// Every function takes the db (or a transaction) first and the space or person it is about, so no
// query can reach past one space.

// ---------------------------------------------------------------------------------------------
// Question days

const DAY_COLUMNS = ['id', 'space_id', 'day', 'question_id'] as const;

export async function findDay(db: Db, spaceId: string, day: string) {
  return db
    .selectFrom('closeness_days')
    .select(DAY_COLUMNS)
    .where('space_id', '=', spaceId)
    .where('day', '=', day)
    .executeTakeFirst();
}

export type DayRow = NonNullable<Awaited<ReturnType<typeof findDay>>>;

/** Stores the question of a day once: a concurrent first ask for the same day inserts nothing (the unique index decides). */
export async function insertDay(db: Db, row: { id: string; spaceId: string; day: string; questionId: string; at: string }) {
  await db
    .insertInto('closeness_days')
    .values({ id: row.id, space_id: row.spaceId, day: row.day, question_id: row.questionId, created_at: row.at })
    .onConflict((oc) => oc.columns(['space_id', 'day']).doNothing())
    .execute();
}

/** Question ids asked in a space, the newest `limit` days: what the deck should not repeat yet. */
export async function askedQuestionIds(db: Db, spaceId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('closeness_days')
    .select('question_id')
    .where('space_id', '=', spaceId)
    .orderBy('day', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.question_id);
}

/** Records that a question day was shown to this person (their own row; nothing another can read). */
export async function markOffered(db: Db, row: { id: string; userId: string; spaceId: string; day: string; at: string }) {
  const seen = await db
    .selectFrom('closeness_seen')
    .select('id')
    .where('user_id', '=', row.userId)
    .where('space_id', '=', row.spaceId)
    .where('day', '=', row.day)
    .executeTakeFirst();
  if (seen) return;
  await db
    .insertInto('closeness_seen')
    .values({ id: row.id, user_id: row.userId, space_id: row.spaceId, day: row.day, created_at: row.at })
    .onConflict((oc) => oc.columns(['user_id', 'space_id', 'day']).doNothing())
    .execute();
}

/** The question days of a space shown to this person, newest first; with a question id, only its days. */
export async function offeredDays(
  db: Db,
  who: { userId: string; spaceId: string },
  options: { questionId?: string; limit: number },
): Promise<DayRow[]> {
  let query = db
    .selectFrom('closeness_days as d')
    .innerJoin('closeness_seen as s', (join) => join.onRef('s.space_id', '=', 'd.space_id').onRef('s.day', '=', 'd.day'))
    .select(['d.id', 'd.space_id', 'd.day', 'd.question_id'])
    .where('s.user_id', '=', who.userId)
    .where('d.space_id', '=', who.spaceId);
  if (options.questionId !== undefined) query = query.where('d.question_id', '=', options.questionId);
  return query.orderBy('d.day', 'desc').limit(options.limit).execute();
}

// ---------------------------------------------------------------------------------------------
// Themes

/** The theme in force on a day: the latest one effective by then (null: any theme, also when none was chosen). */
export async function themeOn(db: Db, spaceId: string, day: string): Promise<string | null> {
  const row = await db
    .selectFrom('closeness_themes')
    .select('theme')
    .where('space_id', '=', spaceId)
    .where('effective_from', '<=', day)
    .orderBy('effective_from', 'desc')
    .executeTakeFirst();
  return row?.theme ?? null;
}

/** The first theme change still to come after a day, if any. */
export async function nextThemeAfter(db: Db, spaceId: string, day: string) {
  return db
    .selectFrom('closeness_themes')
    .select(['theme', 'effective_from'])
    .where('space_id', '=', spaceId)
    .where('effective_from', '>', day)
    .orderBy('effective_from', 'asc')
    .executeTakeFirst();
}

/** Sets the theme from a day on; a second change for the same day replaces the first. */
export async function saveTheme(
  db: Db,
  row: { id: string; spaceId: string; theme: string | null; from: string; setBy: string; at: string },
) {
  await db
    .insertInto('closeness_themes')
    .values({ id: row.id, space_id: row.spaceId, theme: row.theme, effective_from: row.from, set_by: row.setBy, set_at: row.at })
    .onConflict((oc) =>
      oc.columns(['space_id', 'effective_from']).doUpdateSet({ theme: row.theme, set_by: row.setBy, set_at: row.at }),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Skips

export async function skippedDays(
  db: Db,
  who: { userId: string; spaceId: string },
  days: readonly string[],
): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const rows = await db
    .selectFrom('closeness_skips')
    .select('day')
    .where('user_id', '=', who.userId)
    .where('space_id', '=', who.spaceId)
    .where('day', 'in', [...days])
    .execute();
  return new Set(rows.map((r) => r.day));
}

export async function insertSkip(db: Db, row: { id: string; userId: string; spaceId: string; day: string; at: string }) {
  await db
    .insertInto('closeness_skips')
    .values({ id: row.id, user_id: row.userId, space_id: row.spaceId, day: row.day, created_at: row.at })
    .onConflict((oc) => oc.columns(['user_id', 'space_id', 'day']).doNothing())
    .execute();
}

export async function deleteSkip(db: Db, who: { userId: string; spaceId: string }, day: string) {
  await db
    .deleteFrom('closeness_skips')
    .where('user_id', '=', who.userId)
    .where('space_id', '=', who.spaceId)
    .where('day', '=', day)
    .execute();
}
