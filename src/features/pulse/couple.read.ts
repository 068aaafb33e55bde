import type { Db } from '../../db/database.js';
import { type Couple, isCoupleItem } from '../../domain/couple-items.js';

// What a reader from outside the couple (their therapist) may read of the trust pulse: the scores a
// partner chose to share, in the couple's space. Never the answers (not even selected here), never a
// score kept private.

export interface CoupleSharedScore {
  authorId: string;
  /** The ISO week key, e.g. '2026-W48'. */
  week: string;
  /** 0..100, one decimal. */
  score: number;
}

/** Shared scores of both partners for the ISO weeks fromWeek..toWeek, oldest week first. */
export async function coupleSharedScores(db: Db, couple: Couple, fromWeek: string, toWeek: string): Promise<CoupleSharedScore[]> {
  if (couple.memberIds.length !== 2) return [];
  const rows = await db
    .selectFrom('pulses')
    .select(['author_id', 'space_id', 'visibility', 'week_key', 'score'])
    .where('space_id', '=', couple.spaceId)
    .where('visibility', '=', 'couple')
    .where('author_id', 'in', [...couple.memberIds])
    .where('week_key', '>=', fromWeek)
    .where('week_key', '<=', toWeek)
    .orderBy('week_key', 'asc')
    .orderBy('author_id', 'asc')
    .execute();
  return rows
    .filter((r) => isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: r.visibility }))
    .map((r) => ({ authorId: r.author_id, week: r.week_key, score: Number(r.score) }));
}
