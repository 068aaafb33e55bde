import type { Db } from '../../db/database.js';
import type { KnownDevicesTable } from '../../db/schema.js';

// The browsers that signed in to an account (decision 024). Only keyed hashes are stored.

export async function findKnownDevice(db: Db, id: string) {
  return db
    .selectFrom('known_devices')
    .select(['id', 'user_id', 'secret_hash', 'last_used_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertKnownDevice(db: Db, row: KnownDevicesTable): Promise<void> {
  await db.insertInto('known_devices').values(row).execute();
}

export async function touchKnownDevice(db: Db, userId: string, id: string, at: string): Promise<void> {
  await db.updateTable('known_devices').set({ last_used_at: at }).where('id', '=', id).where('user_id', '=', userId).execute();
}

/** Forgets every known device of the person but `keepId` (none kept when it is null). */
export async function forgetKnownDevices(db: Db, userId: string, keepId: string | null): Promise<void> {
  let query = db.deleteFrom('known_devices').where('user_id', '=', userId);
  if (keepId !== null) query = query.where('id', '<>', keepId);
  await query.execute();
}

/** Forgets the person's devices unused since `before`, and all but their newest `keep`. */
export async function pruneKnownDevices(db: Db, userId: string, before: string, keep: number): Promise<void> {
  await db.deleteFrom('known_devices').where('user_id', '=', userId).where('last_used_at', '<', before).execute();
  const rows = await db
    .selectFrom('known_devices')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('last_used_at', 'desc')
    .orderBy('id', 'desc')
    .limit(keep + 50)
    .execute();
  const extra = rows.slice(keep).map((r) => r.id);
  if (extra.length > 0) await db.deleteFrom('known_devices').where('user_id', '=', userId).where('id', 'in', extra).execute();
}
