import type { Db } from '../../db/database.js';

/**
 * Deletes a person's account row, with its wrapped data key (decision 025): every row that names them
 * as its author or owner goes with it (ON DELETE CASCADE), their sessions and known browsers too.
 * Call it inside the erasure's one transaction (src/features/account/erasure.service.ts).
 */
export async function deleteAccountRow(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}
