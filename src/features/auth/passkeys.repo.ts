import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PasskeysTable, WebauthnChallengesTable } from '../../db/schema.js';

// Passkeys and the challenges handed out for them (migration 0022). Every query about a passkey
// names its owner, except the sign-in's lookup by credential id (the passkey is what names the person).

export type ChallengePurpose = WebauthnChallengesTable['purpose'];

/** Challenges kept at most per person (register and re-authentication); older ones are dropped. */
const CHALLENGES_PER_PERSON = 10;

/** Stores a challenge; first forgets every expired one, and a person's oldest beyond the few kept. */
export async function insertChallenge(db: Db, row: Insertable<WebauthnChallengesTable>, nowIso: string): Promise<void> {
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', nowIso).execute();
  if (row.user_id) {
    const keep = await db
      .selectFrom('webauthn_challenges')
      .select('id')
      .where('user_id', '=', row.user_id)
      .orderBy('expires_at', 'desc')
      .limit(CHALLENGES_PER_PERSON - 1)
      .execute();
    let stale = db.deleteFrom('webauthn_challenges').where('user_id', '=', row.user_id);
    if (keep.length > 0)
      stale = stale.where(
        'id',
        'not in',
        keep.map((k) => k.id),
      );
    await stale.execute();
  }
  await db.insertInto('webauthn_challenges').values(row).execute();
}

/**
 * Takes a challenge for one use: answers it and deletes it, or answers undefined when there is no
 * such live challenge for this purpose (and person, when given). Of two requests racing with the
 * same challenge, only the one whose delete removed the row gets it.
 */
export async function takeChallenge(
  db: Db,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  nowIso: string,
): Promise<{ challenge: string } | undefined> {
  const row = await db
    .selectFrom('webauthn_challenges')
    .select(['id', 'challenge', 'user_id', 'expires_at', 'purpose'])
    .where('challenge', '=', challenge)
    .executeTakeFirst();
  if (!row) return undefined;
  const removed = await db.deleteFrom('webauthn_challenges').where('id', '=', row.id).executeTakeFirst();
  if (Number(removed.numDeletedRows) !== 1) return undefined;
  if (row.purpose !== purpose || row.user_id !== userId || row.expires_at <= nowIso) return undefined;
  return { challenge: row.challenge };
}

export async function insertPasskey(db: Db, row: Insertable<PasskeysTable>): Promise<void> {
  await db.insertInto('passkeys').values(row).execute();
}

export function listPasskeysOf(db: Db, userId: string) {
  return db
    .selectFrom('passkeys')
    .select(['id', 'credential_id', 'transports', 'name_sealed', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(100)
    .execute();
}

/** A passkey by its id, for the access policy: who owns it. */
export function findPasskey(db: Db, id: string) {
  return db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The passkey a WebAuthn answer names (sign-in and re-authentication). */
export function findPasskeyByCredential(db: Db, credentialId: string) {
  return db.selectFrom('passkeys').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
}

export async function renamePasskey(db: Db, userId: string, id: string, nameSealed: string): Promise<void> {
  await db.updateTable('passkeys').set({ name_sealed: nameSealed }).where('id', '=', id).where('user_id', '=', userId).execute();
}

export async function deletePasskey(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom('passkeys').where('id', '=', id).where('user_id', '=', userId).execute();
}

/**
 * Records a use: the new counter and when. Only when the stored counter is still the one the answer
 * was checked against, so two uses racing with the same counter cannot both pass.
 */
export async function recordPasskeyUse(db: Db, id: string, expectedCounter: number, newCounter: number, atIso: string) {
  const result = await db
    .updateTable('passkeys')
    .set({ counter: newCounter, last_used_at: atIso })
    .where('id', '=', id)
    .where('counter', '=', expectedCounter)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
