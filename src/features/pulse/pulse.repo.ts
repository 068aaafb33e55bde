import type { Db } from '../../db/database.js';
import type { Visibility } from '../../domain/access-policy.js';

// The weekly trust pulse's rows. A pulse is its author's: the answers never leave them; the score
// is shared with the partner only when the author chose 'couple'. The service decides who sees what
// through the access policy; these functions only load and store. Week keys ('YYYY-Www', ISO) sort
// as text in week order, so a range of weeks is a plain text range.

const PULSE_COLUMNS = [
  'id',
  'author_id',
  'space_id',
  'visibility',
  'week_key',
  'answers_json',
  'score',
  'created_at',
  'updated_at',
] as const;

export async function findPulse(db: Db, id: string) {
  const row = await db.selectFrom('pulses').select(PULSE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? { ...row, score: Number(row.score) } : undefined;
}

export type PulseRow = NonNullable<Awaited<ReturnType<typeof findPulse>>>;

/** A person's pulse for one ISO week, whatever its visibility; the service decides who sees it. */
export async function findPulseOfWeek(db: Db, authorId: string, weekKey: string): Promise<PulseRow | undefined> {
  const row = await db
    .selectFrom('pulses')
    .select(PULSE_COLUMNS)
    .where('author_id', '=', authorId)
    .where('week_key', '=', weekKey)
    .executeTakeFirst();
  return row ? { ...row, score: Number(row.score) } : undefined;
}

export interface PulseScore {
  /** The ISO week key, e.g. '2026-W48' (plot it at mondayOfIsoWeek(week)). */
  week: string;
  /** 0..100, one decimal. */
  score: number;
  visibility: Visibility;
}

/**
 * One person's pulse scores for the ISO weeks fromWeek..toWeek (both included), oldest week first:
 * every one of them, private or shared, with its visibility. No answers. For the author's own
 * progress and reflection; a caller showing a partner's scores must keep only the ones the access
 * policy lets the viewer see (shared, in the space they share now: see `partnerSharedScores`).
 * Bounded by the range: at most one row per week.
 */
export async function pulseScoresOf(db: Db, authorId: string, fromWeek: string, toWeek: string): Promise<PulseScore[]> {
  const rows = await db
    .selectFrom('pulses')
    .select(['week_key', 'score', 'visibility'])
    .where('author_id', '=', authorId)
    .where('week_key', '>=', fromWeek)
    .where('week_key', '<=', toWeek)
    .orderBy('week_key', 'asc')
    .execute();
  return rows.map((r) => ({ week: r.week_key, score: Number(r.score), visibility: r.visibility }));
}

/** The pulses (rows, with space and ids) one person wrote in a range of weeks, oldest week first. */
export async function pulsesOf(db: Db, authorId: string, fromWeek: string, toWeek: string): Promise<PulseRow[]> {
  const rows = await db
    .selectFrom('pulses')
    .select(PULSE_COLUMNS)
    .where('author_id', '=', authorId)
    .where('week_key', '>=', fromWeek)
    .where('week_key', '<=', toWeek)
    .orderBy('week_key', 'asc')
    .execute();
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/** My partner's shared pulses in the space we share now, in a range of weeks, oldest first. */
export async function sharedPulsesOf(
  db: Db,
  who: { partnerId: string; spaceId: string },
  fromWeek: string,
  toWeek: string,
): Promise<PulseRow[]> {
  const rows = await db
    .selectFrom('pulses')
    .select(PULSE_COLUMNS)
    .where('author_id', '=', who.partnerId)
    .where('space_id', '=', who.spaceId)
    .where('visibility', '=', 'couple')
    .where('week_key', '>=', fromWeek)
    .where('week_key', '<=', toWeek)
    .orderBy('week_key', 'asc')
    .execute();
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export interface PulseValues {
  spaceId: string;
  visibility: Visibility;
  answersJson: string;
  score: number;
}

/** Inserts a person's pulse for a week; false when one for that week already exists (a concurrent write won). */
export async function insertPulse(
  db: Db,
  row: PulseValues & { id: string; authorId: string; weekKey: string; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('pulses')
    .values({
      id: row.id,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: row.visibility,
      week_key: row.weekKey,
      answers_json: row.answersJson,
      score: row.score,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(['author_id', 'week_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Rewrites the author's own pulse; false when it is gone (deleted a moment ago). */
export async function updatePulse(db: Db, row: PulseValues & { id: string; authorId: string; at: string }): Promise<boolean> {
  const result = await db
    .updateTable('pulses')
    .set({
      space_id: row.spaceId,
      visibility: row.visibility,
      answers_json: row.answersJson,
      score: row.score,
      updated_at: row.at,
    })
    .where('id', '=', row.id)
    .where('author_id', '=', row.authorId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deletePulse(db: Db, id: string, authorId: string): Promise<boolean> {
  const result = await db.deleteFrom('pulses').where('id', '=', id).where('author_id', '=', authorId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
