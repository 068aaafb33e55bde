import type { Db } from '../../db/database.js';
import type { PushSubscriptionsTable } from '../../db/schema.js';

// Push subscriptions are account records: every query is scoped to the person (the service checks
// ownership with the access policy too), except the one that frees an endpoint from whoever held it.

const COLUMNS = [
  'id',
  'user_id',
  'endpoint_hash',
  'endpoint_sealed',
  'keys_sealed',
  'device_sealed',
  'created_at',
  'session_id',
] as const;

export type PushSubscriptionRow = PushSubscriptionsTable;

export async function findSubscription(db: Db, id: string) {
  return db.selectFrom('push_subscriptions').select(['id', 'user_id']).where('id', '=', id).executeTakeFirst();
}

export async function findByEndpointHash(db: Db, endpointHash: string) {
  return db.selectFrom('push_subscriptions').select(COLUMNS).where('endpoint_hash', '=', endpointHash).executeTakeFirst();
}

/** The person's devices, newest first, at most `limit`. */
export async function listSubscriptions(db: Db, userId: string, limit: number): Promise<PushSubscriptionRow[]> {
  return db
    .selectFrom('push_subscriptions')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertSubscription(db: Db, row: PushSubscriptionRow): Promise<void> {
  await db.insertInto('push_subscriptions').values(row).execute();
}

export async function updateSubscription(
  db: Db,
  userId: string,
  id: string,
  changes: Pick<PushSubscriptionRow, 'keys_sealed' | 'device_sealed' | 'session_id'>,
): Promise<void> {
  await db.updateTable('push_subscriptions').set(changes).where('id', '=', id).where('user_id', '=', userId).execute();
}

export async function deleteSubscription(db: Db, userId: string, id: string): Promise<number> {
  const result = await db.deleteFrom('push_subscriptions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Frees an endpoint from another person who turned push on in this browser before (a shared device). */
export async function deleteEndpointOfOthers(db: Db, userId: string, endpointHash: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('endpoint_hash', '=', endpointHash).where('user_id', '<>', userId).execute();
}

/** Keeps the person's newest `keep` devices and removes the rest. */
export async function trimSubscriptions(db: Db, userId: string, keep: number): Promise<void> {
  const rows = await listSubscriptions(db, userId, keep + 50);
  const extra = rows.slice(keep).map((r) => r.id);
  if (extra.length > 0) {
    await db.deleteFrom('push_subscriptions').where('user_id', '=', userId).where('id', 'in', extra).execute();
  }
}

/** Removes every subscription of the person (signing out everywhere, a password reset or change). */
export async function deleteAllSubscriptionsOf(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('user_id', '=', userId).execute();
}
