import type { Db } from '../db/database.js';
import { toCount } from '../db/values.js';
import { newId } from '../shared/ids.js';
import { toDbTime } from '../shared/time.js';

/**
 * Rate limits live in the database so they hold across processes. A sliding log: one row per hit,
 * counted over the window; rows older than the window are pruned as the bucket is used, so the
 * table stays bounded by (buckets in use × limit).
 */
export interface RateLimitVerdict {
  limited: boolean;
  retryAfterSeconds: number;
}

export async function checkLimit(db: Db, bucket: string, limit: number, windowMs: number, now: Date): Promise<RateLimitVerdict> {
  const since = toDbTime(new Date(now.getTime() - windowMs));
  const row = await db
    .selectFrom('rate_limit_hits')
    .select((eb) => [eb.fn.countAll().as('hits'), eb.fn.min('at').as('oldest')])
    .where('bucket', '=', bucket)
    .where('at', '>', since)
    .executeTakeFirst();
  const hits = toCount(row?.hits);
  if (hits < limit || !row?.oldest) return { limited: false, retryAfterSeconds: 0 };
  const freeAt = new Date(String(row.oldest)).getTime() + windowMs;
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
}

export async function recordHit(db: Db, bucket: string, windowMs: number, now: Date): Promise<void> {
  await db
    .deleteFrom('rate_limit_hits')
    .where('bucket', '=', bucket)
    .where('at', '<=', toDbTime(new Date(now.getTime() - windowMs)))
    .execute();
  await db
    .insertInto('rate_limit_hits')
    .values({ id: newId(now), bucket, at: toDbTime(now) })
    .execute();
}

export async function clearBucket(db: Db, bucket: string): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('bucket', '=', bucket).execute();
}
