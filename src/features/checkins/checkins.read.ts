import type { Db } from '../../db/database.js';
import type { Actor } from '../../domain/access-policy.js';
import type { LocalDate } from '../../domain/zoned-time.js';
import { findCheckinOn, listVisibleCheckins } from './checkins.repo.js';

// What other features may read of check-ins: a person's own scores over a window of days, and
// whether they have checked in on a day. Never a partner's check-in, never the words.

export interface CheckinScores {
  date: LocalDate;
  connected: number;
  heard: number;
}

/** My own check-ins' scores (every visibility, every space) on the local days first..last, newest day first. */
export async function ownCheckinScores(
  db: Db,
  actor: Actor,
  window: { from: LocalDate; to: LocalDate },
): Promise<CheckinScores[]> {
  // With no partner given, the repository returns only the person's own rows.
  const rows = await listVisibleCheckins(db, { userId: actor.userId, partnerId: null, spaceId: actor.spaceId }, window);
  return rows
    .filter((r) => r.author_id === actor.userId)
    .map((r) => ({ date: r.local_date, connected: r.connected, heard: r.heard }));
}

/** Whether the person has already checked in on that local day. */
export async function hasCheckinOn(db: Db, userId: string, localDate: string): Promise<boolean> {
  return (await findCheckinOn(db, userId, localDate)) !== undefined;
}
