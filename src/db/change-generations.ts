import type { Db } from './database.js';

/**
 * How many writes a space's rows have seen, as counted by the database's triggers (migration 0025):
 * '0' before the first. A string, as PostgreSQL answers a bigint; only equality matters.
 */
export async function spaceGeneration(db: Db, spaceId: string): Promise<string> {
  const row = await db.selectFrom('change_generations').select('generation').where('scope', '=', spaceId).executeTakeFirst();
  return row === undefined ? '0' : String(row.generation);
}
