import type { Db } from '../../db/database.js';
import { toCount } from '../../db/values.js';

// What other features may read of needs and agreements: whether an agreement is in a space (a
// commitment can hang on one), and the agreements reached on the needs a person wrote (for their
// private reflection). Counts, dates and ids only: never the words.

/** Whether this agreement was reached in this space. */
export async function isAgreementInSpace(db: Db, id: string, spaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('agreements')
    .select('id')
    .where('id', '=', id)
    .where('space_id', '=', spaceId)
    .executeTakeFirst();
  return row !== undefined;
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
