import type { Db } from '../../db/database.js';
import { toCount } from '../../db/values.js';

// Queries for the private reflection. The re-authentication stamp lives on the person's own session
// row and nowhere else: not an event, not a notification, not an idempotency row. Every function
// takes the acting person's id, so none can reach another person's session or needs.

/** When this session last re-entered the password (null: never); undefined when it is not theirs. */
export async function findReauth(db: Db, userId: string, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select('reauth_at')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Stamps (or slides) the re-authentication of this one session. */
export async function stampReauth(db: Db, userId: string, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ reauth_at: at }).where('id', '=', sessionId).where('user_id', '=', userId).execute();
}

/** How many agreements were reached on needs this person wrote, in this space, and when the first was. */
export async function agreementsOnNeedsOf(db: Db, userId: string, spaceId: string) {
  const row = await db
    .selectFrom('agreements')
    .innerJoin('needs', 'needs.id', 'agreements.need_id')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('agreements.agreed_at').as('first')])
    .where('needs.author_id', '=', userId)
    .where('agreements.space_id', '=', spaceId)
    .executeTakeFirst();
  const first = row?.first;
  return { count: toCount(row?.n), firstAt: typeof first === 'string' ? first : null };
}

/** Which of these agreements are on needs this person wrote (bounded by the ids given). */
export async function agreementIdsOnNeedsOf(db: Db, userId: string, agreementIds: readonly string[]): Promise<Set<string>> {
  if (agreementIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('agreements')
    .innerJoin('needs', 'needs.id', 'agreements.need_id')
    .select('agreements.id as id')
    .where('needs.author_id', '=', userId)
    .where('agreements.id', 'in', agreementIds)
    .execute();
  return new Set(rows.map((r) => r.id));
}
