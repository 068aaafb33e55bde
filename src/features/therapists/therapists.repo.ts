import type { Db } from '../../db/database.js';
import { toCount } from '../../db/values.js';
import type { TherapistAccessFacts, TherapistConsent, TherapistView } from '../../domain/therapist-access.js';
import { isTherapistView } from '../../domain/therapist-access.js';

// Queries for therapist access. Reads return the facts the access policy decides on; every write
// names the access together with the space or the therapist it must belong to.

export type AccessRow = Awaited<ReturnType<typeof findAccess>> & {};

export async function findAccess(db: Db, accessId: string) {
  return db.selectFrom('therapist_accesses').selectAll().where('id', '=', accessId).executeTakeFirst();
}

export async function findAccessByTokenHash(db: Db, tokenHash: string) {
  return db.selectFrom('therapist_accesses').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** A space's accesses, newest first (a couple has a handful; bounded all the same). */
export async function accessesOfSpace(db: Db, spaceId: string) {
  return db
    .selectFrom('therapist_accesses')
    .selectAll()
    .where('space_id', '=', spaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

/** The accesses a therapist accepted that may still count: not revoked, not ended with a space. */
export async function openAccessesOfTherapist(db: Db, therapistId: string) {
  return db
    .selectFrom('therapist_accesses')
    .selectAll()
    .where('therapist_id', '=', therapistId)
    .where('revoked_at', 'is', null)
    .where('ended_at', 'is', null)
    .orderBy('accepted_at', 'desc')
    .limit(500)
    .execute();
}

export async function insertAccess(
  db: Db,
  row: {
    id: string;
    spaceId: string;
    proposedBy: string;
    tokenHash: string;
    emailSealed: string | null;
    createdAt: string;
    inviteExpiresAt: string;
    accessUntil: string;
  },
): Promise<void> {
  await db
    .insertInto('therapist_accesses')
    .values({
      id: row.id,
      space_id: row.spaceId,
      proposed_by: row.proposedBy,
      token_hash: row.tokenHash,
      email_sealed: row.emailSealed,
      therapist_id: null,
      created_at: row.createdAt,
      invite_expires_at: row.inviteExpiresAt,
      accepted_at: null,
      access_until: row.accessUntil,
      revoked_at: null,
      revoked_by: null,
      ended_at: null,
    })
    .execute();
}

/** Takes the invitation for one therapist; false when another took it first or it closed meanwhile. */
export async function claimAccess(db: Db, accessId: string, therapistId: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('therapist_accesses')
    .set({ therapist_id: therapistId, accepted_at: nowIso })
    .where('id', '=', accessId)
    .where('therapist_id', 'is', null)
    .where('revoked_at', 'is', null)
    .where('ended_at', 'is', null)
    .where('invite_expires_at', '>', nowIso)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

/** Revokes an access of this space once; a second revocation changes nothing. */
export async function revokeAccess(db: Db, accessId: string, spaceId: string, userId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('therapist_accesses')
    .set({ revoked_at: nowIso, revoked_by: userId })
    .where('id', '=', accessId)
    .where('space_id', '=', spaceId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every access of a space that was left; returns the therapists who held one. */
export async function endAccessesOfSpace(db: Db, spaceId: string, nowIso: string): Promise<string[]> {
  const held = await db
    .selectFrom('therapist_accesses')
    .select('therapist_id')
    .where('space_id', '=', spaceId)
    .where('ended_at', 'is', null)
    .where('therapist_id', 'is not', null)
    .execute();
  await db
    .updateTable('therapist_accesses')
    .set({ ended_at: nowIso })
    .where('space_id', '=', spaceId)
    .where('ended_at', 'is', null)
    .execute();
  return held.flatMap((r) => (r.therapist_id ? [r.therapist_id] : []));
}

export async function consentsOf(db: Db, accessIds: readonly string[]) {
  if (accessIds.length === 0) return [];
  return db
    .selectFrom('therapist_consents')
    .selectAll()
    .where('access_id', 'in', [...accessIds])
    .execute();
}

/** Creates or replaces one partner's consent (either may narrow or widen it at any time). */
export async function putConsent(
  db: Db,
  row: { id: string; accessId: string; userId: string; include: readonly TherapistView[]; nowIso: string },
): Promise<void> {
  const include_json = JSON.stringify(row.include);
  await db
    .insertInto('therapist_consents')
    .values({
      id: row.id,
      access_id: row.accessId,
      user_id: row.userId,
      include_json,
      consented_at: row.nowIso,
      updated_at: row.nowIso,
    })
    .onConflict((oc) => oc.columns(['access_id', 'user_id']).doUpdateSet({ include_json, updated_at: row.nowIso }))
    .execute();
}

export async function activeMemberIds(db: Db, spaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('space_members')
    .select('user_id')
    .where('space_id', '=', spaceId)
    .where('left_at', 'is', null)
    .orderBy('joined_at')
    .execute();
  return rows.map((r) => r.user_id);
}

export function parseInclude(json: string): TherapistView[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((v): v is TherapistView => typeof v === 'string' && isTherapistView(v)) : [];
}

export type AccessFacts = TherapistAccessFacts & { id: string; row: AccessRow };

/** The facts the access policy needs about these accesses, read fresh (never cached: revocation is immediate). */
export async function factsOf(db: Db, rows: readonly AccessRow[]): Promise<AccessFacts[]> {
  const consents = await consentsOf(
    db,
    rows.map((r) => r.id),
  );
  const members = new Map<string, string[]>();
  for (const spaceId of new Set(rows.map((r) => r.space_id))) members.set(spaceId, await activeMemberIds(db, spaceId));
  return rows.map((row) => ({
    id: row.id,
    row,
    spaceId: row.space_id,
    therapistId: row.therapist_id,
    memberIds: members.get(row.space_id) ?? [],
    consents: consents
      .filter((c) => c.access_id === row.id)
      .map((c): TherapistConsent => ({ userId: c.user_id, include: parseInclude(c.include_json) })),
    accessUntil: row.access_until,
    revokedAt: row.revoked_at,
    endedAt: row.ended_at,
    inviteExpiresAt: row.invite_expires_at,
  }));
}

/** The facts about one access, read fresh; undefined when there is no such access. */
export async function accessFacts(db: Db, accessId: string): Promise<AccessFacts | undefined> {
  const row = await findAccess(db, accessId);
  return row ? (await factsOf(db, [row]))[0] : undefined;
}

export async function insertLogEntry(db: Db, row: { id: string; accessId: string; view: TherapistView; at: string }) {
  await db
    .insertInto('therapist_access_log')
    .values({ id: row.id, access_id: row.accessId, view: row.view, at: row.at })
    .execute();
}

/** Each access's log, newest first, at most `perAccess` entries each. */
export async function logsOf(db: Db, accessIds: readonly string[], perAccess: number) {
  const byAccess = new Map<string, { view: string; at: string }[]>();
  for (const accessId of accessIds) {
    const rows = await db
      .selectFrom('therapist_access_log')
      .select(['view', 'at'])
      .where('access_id', '=', accessId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(perAccess)
      .execute();
    byAccess.set(accessId, rows);
  }
  return byAccess;
}

/**
 * How many accesses of this space are open now (neither revoked, ended nor expired, and accepted or
 * with a link still usable): bounds proposals, as a couple works with a few therapists at most.
 */
export async function countOpenAccesses(db: Db, spaceId: string, nowIso: string): Promise<number> {
  const row = await db
    .selectFrom('therapist_accesses')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('space_id', '=', spaceId)
    .where('revoked_at', 'is', null)
    .where('ended_at', 'is', null)
    .where('access_until', '>', nowIso)
    .where((eb) => eb.or([eb('therapist_id', 'is not', null), eb('invite_expires_at', '>', nowIso)]))
    .executeTakeFirst();
  return toCount(row?.n);
}
