import { sql } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

type TableWithId = { [T in keyof Database]: Database[T] extends { id: string } ? T : never }[keyof Database];

/**
 * Takes one row's lock for the rest of the transaction, the same way on both databases: a write
 * that changes nothing takes the row lock on PostgreSQL and the write lock on SQLite
 * (docs/decisions/001). Two requests changing the same thing then queue instead of racing.
 */
export async function lockRow(db: Db, table: TableWithId, id: string): Promise<void> {
  await (db as any).updateTable(table).set({ id: sql`id` }).where('id', '=', id).execute();
}
