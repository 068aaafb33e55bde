import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SessionsTable } from '../../db/schema.js';

export async function insertSession(db: Db, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/**
 * The live session behind a token hash (an expired one is not found), its account, and the space
 * the person is in now with their partner in it (as spaces.read.ts's loadActor reads them): one
 * query for who is asking, on every request (issue 15).
 */
export async function findLiveSession(db: Db, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('space_members as mine', (join) =>
      join.onRef('mine.user_id', '=', 'sessions.user_id').on('mine.left_at', 'is', null),
    )
    .leftJoin('space_members as other', (join) =>
      join
        .onRef('other.space_id', '=', 'mine.space_id')
        .on('other.left_at', 'is', null)
        .onRef('other.user_id', '<>', 'mine.user_id'),
    )
    .select([
      'sessions.id as sessionId',
      'sessions.user_id as userId',
      'sessions.last_used_at as lastUsedAt',
      'users.email as email',
      'users.role as role',
      'mine.space_id as spaceId',
      'other.user_id as partnerId',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', nowIso)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, lastUsedAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_used_at: lastUsedAt, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function listSessions(db: Db, userId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_used_at', 'device'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowIso)
    .orderBy('last_used_at', 'desc')
    .limit(100)
    .execute();
}

export async function findSessionOwner(db: Db, sessionId: string) {
  return db.selectFrom('sessions').select(['id', 'user_id']).where('id', '=', sessionId).executeTakeFirst();
}

export async function deleteSession(db: Db, userId: string, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).execute();
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteAllSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Ends every session of the person but `keepId`; answers the ids of those it ended. */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string): Promise<string[]> {
  const rows = await db.selectFrom('sessions').select('id').where('user_id', '=', userId).where('id', '<>', keepId).execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keepId).execute();
  return rows.map((r) => r.id);
}

export async function deleteExpiredSessions(db: Db, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
}

/** The re-authentication stamps of this one session of this person (undefined when it is not theirs). */
export async function findReauthStamps(db: Db, userId: string, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select(['reauth_at', 'fresh_reauth_at'])
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Sets (or slides) the private places' stamp of this one session; with `fresh`, the fresh stamp too. */
export async function stampReauth(db: Db, userId: string, sessionId: string, at: string, fresh: boolean): Promise<void> {
  await db
    .updateTable('sessions')
    .set(fresh ? { reauth_at: at, fresh_reauth_at: at } : { reauth_at: at })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .execute();
}
