import type { Db } from '../../db/database.js';
import { toCount } from '../../db/values.js';

export async function insertInvite(
  db: Db,
  row: { id: string; spaceId: string; createdBy: string; tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('space_invites')
    .values({
      id: row.id,
      space_id: row.spaceId,
      created_by: row.createdBy,
      token_hash: row.tokenHash,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      revoked_at: null,
      used_at: null,
      used_by: null,
    })
    .execute();
}

export async function listOpenInvites(db: Db, createdBy: string, spaceId: string, nowIso: string) {
  return db
    .selectFrom('space_invites')
    .select(['id', 'created_at', 'expires_at'])
    .where('created_by', '=', createdBy)
    .where('space_id', '=', spaceId)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export async function countOpenInvites(db: Db, createdBy: string, spaceId: string, nowIso: string): Promise<number> {
  const row = await db
    .selectFrom('space_invites')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('created_by', '=', createdBy)
    .where('space_id', '=', spaceId)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  return toCount(row?.n);
}

export async function findInviteById(db: Db, inviteId: string) {
  return db.selectFrom('space_invites').selectAll().where('id', '=', inviteId).executeTakeFirst();
}

/** Only an invite that can still be used: not revoked, not used, not expired. */
export async function findUsableInvite(db: Db, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('space_invites')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

export async function revokeInvite(db: Db, inviteId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('space_invites')
    .set({ revoked_at: nowIso })
    .where('id', '=', inviteId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Claims the invite for one person; false when someone else used it first. */
export async function claimInvite(db: Db, inviteId: string, userId: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('space_invites')
    .set({ used_at: nowIso, used_by: userId })
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

/** A full space needs no open links: close every open invite of these people. */
export async function revokeOpenInvitesBy(db: Db, userIds: string[], nowIso: string): Promise<void> {
  await db
    .updateTable('space_invites')
    .set({ revoked_at: nowIso })
    .where('created_by', 'in', userIds)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .execute();
}
