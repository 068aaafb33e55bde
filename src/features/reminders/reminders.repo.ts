import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// Queries for the reminders worker. Planning reads one person at a time; sending claims a batch of
// due rows inside the database so that two processes never take the same row (the only place in
// the code base with a dialect check of its own: PostgreSQL's FOR UPDATE SKIP LOCKED).

export interface PersonToPlan {
  userId: string;
  zone: string;
  plannedUntil: string | null;
}

/**
 * People whose plan is behind, at most `limit`, the longest-waiting first: no plan yet, a plan
 * running out within `soon`, or preferences, profile (zone) or one of their commitments changed at or
 * after the plan was made ("at": a change in the same millisecond as planning is planned again).
 * Only people who have saved preferences can have reminders.
 */
export async function peopleToPlan(db: Db, soon: string, limit: number): Promise<PersonToPlan[]> {
  const rows = await db
    .selectFrom('notification_preferences as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('reminder_plans as r', 'r.user_id', 'p.user_id')
    .select(['p.user_id as userId', 'u.time_zone as zone', 'r.planned_until as plannedUntil'])
    .where((eb) =>
      eb.or([
        eb('r.user_id', 'is', null),
        eb('r.planned_until', '<', soon),
        eb('p.updated_at', '>=', eb.ref('r.planned_at')),
        eb('u.updated_at', '>=', eb.ref('r.planned_at')),
        eb.exists(
          eb
            .selectFrom('commitments as c')
            .select('c.id')
            .whereRef('c.author_id', '=', 'p.user_id')
            .whereRef('c.updated_at', '>=', 'r.planned_at'),
        ),
      ]),
    )
    .orderBy(sql`coalesce(r.planned_until, '')`)
    .orderBy('p.user_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ userId: r.userId, zone: r.zone, plannedUntil: r.plannedUntil ?? null }));
}

/**
 * Records the plan (first, so the row lock on PostgreSQL makes a second planner of the same person
 * wait for this one's transaction to end).
 */
export async function savePlan(db: Db, userId: string, plannedUntil: string, plannedAt: string): Promise<void> {
  await db
    .insertInto('reminder_plans')
    .values({ user_id: userId, planned_until: plannedUntil, planned_at: plannedAt })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ planned_until: plannedUntil, planned_at: plannedAt }))
    .execute();
}

/** Forgets the person's reminders not yet due, to plan them again from the current preferences. */
export async function dropFuturePending(db: Db, userId: string, after: string): Promise<void> {
  await db
    .deleteFrom('reminders')
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .where('send_at', '>', after)
    .execute();
}

export interface NewReminder {
  id: string;
  userId: string;
  kind: string;
  dedupeKey: string;
  subjectId: string | null;
  sendAt: string;
  usefulUntil: string;
  at: string;
}

/** Inserts what is not there yet; a dedupe key already planned, sent or skipped is left as it is. */
export async function insertReminders(db: Db, rows: readonly NewReminder[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('reminders')
    .values(
      rows.map((r) => ({
        id: r.id,
        user_id: r.userId,
        kind: r.kind,
        dedupe_key: r.dedupeKey,
        subject_id: r.subjectId,
        send_at: r.sendAt,
        useful_until: r.usefulUntil,
        state: 'pending' as const,
        claimed_by: null,
        lease_until: null,
        sent_at: null,
        created_at: r.at,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

export interface ClaimedReminder {
  id: string;
  user_id: string;
  kind: string;
  dedupe_key: string;
  subject_id: string | null;
  send_at: string;
  useful_until: string;
}

/**
 * Claims up to `limit` due reminders for this worker, oldest first, in one statement: pending ones,
 * and claimed ones whose lease ran out (their worker stopped between claiming and marking). On
 * PostgreSQL, FOR UPDATE SKIP LOCKED lets several processes claim at once without waiting on or
 * taking each other's rows; SQLite has one writer at a time, so the same statement without it is
 * already exclusive.
 */
export async function claimDue(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  input: { workerId: string; now: string; leaseUntil: string; limit: number },
): Promise<ClaimedReminder[]> {
  const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<ClaimedReminder>`
    update reminders
       set state = 'claimed', claimed_by = ${input.workerId}, lease_until = ${input.leaseUntil}
     where id in (
       select id from reminders
        where (state = 'pending' or (state = 'claimed' and lease_until < ${input.now}))
          and send_at <= ${input.now}
        order by send_at, id
        limit ${input.limit}
        ${lock})
    returning id, user_id, kind, dedupe_key, subject_id, send_at, useful_until`.execute(db);
  return [...result.rows].sort((a, b) => (a.send_at < b.send_at ? -1 : a.send_at > b.send_at ? 1 : a.id < b.id ? -1 : 1));
}

/** Marks a claimed reminder done ('sent' or 'skipped'), only while this worker still holds it. */
export async function finishReminder(
  db: Db,
  input: { id: string; workerId: string; state: 'sent' | 'skipped'; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('reminders')
    .set({ state: input.state, sent_at: input.state === 'sent' ? input.at : null, lease_until: null })
    .where('id', '=', input.id)
    .where('state', '=', 'claimed')
    .where('claimed_by', '=', input.workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives back claims this worker will not get to (still unsent), so any worker can take them at once. */
export async function releaseClaims(db: Db, ids: readonly string[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('reminders')
    .set({ state: 'pending', claimed_by: null, lease_until: null })
    .where('id', 'in', ids)
    .where('state', '=', 'claimed')
    .where('claimed_by', '=', workerId)
    .execute();
}

/**
 * Forgets reminders done (sent or skipped) before `before`, at most `limit` at a time. Their dedupe
 * keys are no longer needed: planning never looks further back than a day.
 */
export async function pruneDone(db: Db, before: string, limit: number): Promise<number> {
  const old = db
    .selectFrom('reminders')
    .select('id')
    .where('state', 'in', ['sent', 'skipped'])
    .where('send_at', '<', before)
    .limit(limit);
  const result = await db.deleteFrom('reminders').where('id', 'in', old).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** What sending needs to know about a person: where to write, their email, their zone. */
export async function personOf(db: Db, userId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('space_members as m', (join) => join.onRef('m.user_id', '=', 'u.id').on('m.left_at', 'is', null))
    .leftJoin('space_members as other', (join) =>
      join.onRef('other.space_id', '=', 'm.space_id').on('other.left_at', 'is', null).onRef('other.user_id', '<>', 'u.id'),
    )
    .select(['u.id', 'u.email', 'u.time_zone as zone', 'm.space_id as spaceId', 'other.user_id as partnerId'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}
