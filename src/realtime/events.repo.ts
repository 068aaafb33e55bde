import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { EventsTable } from '../db/schema.js';
import { isEventKind } from '../domain/event-kinds.js';
import type { LiveEvent } from './live-event.js';

/** The PostgreSQL channel that says "events up to this seq are stored" (payload: the seq, nothing else). */
export const EVENTS_CHANNEL = 'attune_events';
/**
 * The advisory lock every event insert takes on PostgreSQL, held until its transaction commits: the
 * next insert waits, so seqs become visible in the order they were given (decision 028).
 */
export const EVENT_ORDER_LOCK = 0x617474756e65; // "attune"

const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export type NewStoredEvent = Omit<LiveEvent, 'seq'>;

/**
 * Stores an event with the next seq, in one transaction: on PostgreSQL behind the advisory lock, with
 * a NOTIFY that is delivered only when it commits. Returns the event with its seq.
 */
export async function insertEvent(db: Db, event: NewStoredEvent): Promise<LiveEvent> {
  const postgres = isPostgres(db);
  const seq = await db.transaction().execute(async (trx) => {
    if (postgres) await sql`SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`.execute(trx);
    const next = await trx
      .updateTable('event_sequence')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('id', '=', 1)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const seq = Number(next.last_seq);
    await trx
      .insertInto('events')
      .values({
        id: event.id,
        seq,
        space_id: event.spaceId,
        author_id: event.authorId,
        visibility: event.visibility,
        audience_id: event.audienceId,
        kind: event.kind,
        subject_id: event.subjectId,
        created_at: event.at,
      })
      .execute();
    if (postgres) await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${String(seq)})`.execute(trx);
    return seq;
  });
  return { ...event, seq };
}

function toLiveEvents(rows: EventsTable[]): LiveEvent[] {
  // A kind this version no longer knows (an event stored before an upgrade) is left out.
  return rows.flatMap((r) => {
    if (!isEventKind(r.kind)) return [];
    return [
      {
        id: r.id,
        seq: Number(r.seq),
        spaceId: r.space_id,
        authorId: r.author_id,
        visibility: r.visibility,
        audienceId: r.audience_id,
        kind: r.kind,
        subjectId: r.subject_id,
        at: r.created_at,
      },
    ];
  });
}

/** Events after `afterSeq` that concern this space or are addressed to this person, oldest first. */
export async function eventsSince(
  db: Db,
  spaceId: string | null,
  userId: string,
  afterSeq: number,
  limit: number,
): Promise<LiveEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where((eb) =>
      spaceId === null ? eb('audience_id', '=', userId) : eb.or([eb('space_id', '=', spaceId), eb('audience_id', '=', userId)]),
    )
    .orderBy('seq')
    .limit(limit)
    .execute();
  return toLiveEvents(rows);
}

/**
 * Every stored event after `afterSeq`, oldest first, at most `limit` rows: what a process hands to its
 * own streams. `lastSeq` moves past rows of a kind this version no longer knows, left out of `events`.
 */
export async function storedEventsAfter(
  db: Db,
  afterSeq: number,
  limit: number,
): Promise<{ events: LiveEvent[]; lastSeq: number | null; rowsRead: number }> {
  const rows = await db.selectFrom('events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  const last = rows.at(-1);
  return { events: toLiveEvents(rows), lastSeq: last ? Number(last.seq) : null, rowsRead: rows.length };
}

/** The last seq given so far (0 before any event). */
export async function latestSeq(db: Db): Promise<number> {
  const row = await db.selectFrom('event_sequence').select('last_seq').where('id', '=', 1).executeTakeFirst();
  return Number(row?.last_seq ?? 0);
}

/** The seq of a stored event by its id (an old Last-Event-ID), or null when it is gone. */
export async function seqOfEvent(db: Db, id: string): Promise<number | null> {
  const row = await db.selectFrom('events').select('seq').where('id', '=', id).executeTakeFirst();
  return row ? Number(row.seq) : null;
}

export async function pruneEvents(db: Db, beforeIso: string): Promise<void> {
  await db.deleteFrom('events').where('created_at', '<', beforeIso).execute();
}
