import type { Db } from '../../db/database.js';
import { lockRow } from '../../db/row-lock.js';
import { newId } from '../../shared/ids.js';

/** A new space with one member. Every person always has exactly one active space. */
export async function createSpaceFor(db: Db, userId: string, nowIso: string, now: Date): Promise<string> {
  const spaceId = newId(now);
  await db.insertInto('spaces').values({ id: spaceId, created_at: nowIso }).execute();
  await db
    .insertInto('space_members')
    .values({ id: newId(now), space_id: spaceId, user_id: userId, joined_at: nowIso, left_at: null })
    .execute();
  return spaceId;
}

export async function activeMembers(db: Db, spaceId: string) {
  return db
    .selectFrom('space_members')
    .select(['user_id', 'joined_at'])
    .where('space_id', '=', spaceId)
    .where('left_at', 'is', null)
    .orderBy('joined_at')
    .execute();
}

/**
 * Serialises joins into one space. A no-op write takes the row lock on PostgreSQL and the write
 * lock on SQLite, so two people accepting at once cannot both become the second member.
 */
export async function lockSpace(db: Db, spaceId: string): Promise<void> {
  await lockRow(db, 'spaces', spaceId);
}

export async function endMembership(db: Db, userId: string, spaceId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('space_members')
    .set({ left_at: nowIso })
    .where('user_id', '=', userId)
    .where('space_id', '=', spaceId)
    .where('left_at', 'is', null)
    .execute();
}

export async function addMember(db: Db, userId: string, spaceId: string, nowIso: string, now: Date): Promise<void> {
  await db
    .insertInto('space_members')
    .values({ id: newId(now), space_id: spaceId, user_id: userId, joined_at: nowIso, left_at: null })
    .execute();
}
