import type { Db } from '../../db/database.js';

// Each partner's own part of the summary (summary_choices, made by migration 0019): which of their
// shared words to include (a JSON array of note ids) and their note for the session (sealed). One row
// per person per space; only its owner writes it.

const COLUMNS = ['id', 'user_id', 'space_id', 'notes_json', 'note_sealed', 'updated_at'] as const;

export async function findChoices(db: Db, userId: string, spaceId: string) {
  return db
    .selectFrom('summary_choices')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .where('space_id', '=', spaceId)
    .executeTakeFirst();
}

export type ChoicesRow = NonNullable<Awaited<ReturnType<typeof findChoices>>>;

/** The choices of these members in one space. */
export async function choicesIn(db: Db, spaceId: string, userIds: readonly string[]): Promise<ChoicesRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('summary_choices')
    .select(COLUMNS)
    .where('space_id', '=', spaceId)
    .where('user_id', 'in', [...userIds])
    .execute();
}

/** Writes a person's choices for a space: one row, replaced in place (both databases support ON CONFLICT). */
export async function saveChoices(
  db: Db,
  row: { id: string; userId: string; spaceId: string; notesJson: string; noteSealed: string | null; at: string },
): Promise<void> {
  const changes = { notes_json: row.notesJson, note_sealed: row.noteSealed, updated_at: row.at };
  await db
    .insertInto('summary_choices')
    .values({ id: row.id, user_id: row.userId, space_id: row.spaceId, ...changes })
    .onConflict((oc) => oc.columns(['user_id', 'space_id']).doUpdateSet(changes))
    .execute();
}
