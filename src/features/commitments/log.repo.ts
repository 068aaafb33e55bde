import type { Db } from '../../db/database.js';

// The two sides of the log: the actor's marks and the receiver's acknowledgements. Both are read
// for a set of commitments and a window on due_at, through the (commitment_id, due_at) indexes, so
// a window costs the same whatever the length of the history.

const MARK_COLUMNS = [
  'id',
  'commitment_id',
  'author_id',
  'space_id',
  'occurrence_key',
  'due_at',
  'status',
  'done_on',
  'note_sealed',
  'marked_at',
] as const;

export async function marksIn(db: Db, commitmentIds: readonly string[], from: string, to: string) {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('occurrence_marks')
    .select(MARK_COLUMNS)
    .where('commitment_id', 'in', commitmentIds)
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .execute();
}

export type MarkRow = Awaited<ReturnType<typeof marksIn>>[number];

export async function findMark(db: Db, commitmentId: string, key: string) {
  return db
    .selectFrom('occurrence_marks')
    .select(MARK_COLUMNS)
    .where('commitment_id', '=', commitmentId)
    .where('occurrence_key', '=', key)
    .executeTakeFirst();
}

/** The occurrence keys of one commitment that are already marked (done or missed), among these. */
export async function markedKeys(db: Db, commitmentId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('occurrence_marks')
    .select('occurrence_key')
    .where('commitment_id', '=', commitmentId)
    .where('occurrence_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.occurrence_key));
}

/** One mark per occurrence: marking again replaces the first (both databases support ON CONFLICT). */
export async function upsertMark(
  db: Db,
  row: {
    id: string;
    commitmentId: string;
    authorId: string;
    spaceId: string;
    key: string;
    dueAt: string;
    status: 'done' | 'missed';
    doneOn: string | null;
    noteSealed: string | null;
    at: string;
  },
) {
  const changes = {
    due_at: row.dueAt,
    status: row.status,
    done_on: row.doneOn,
    note_sealed: row.noteSealed,
    marked_at: row.at,
  };
  await db
    .insertInto('occurrence_marks')
    .values({
      id: row.id,
      commitment_id: row.commitmentId,
      author_id: row.authorId,
      space_id: row.spaceId,
      occurrence_key: row.key,
      ...changes,
    })
    .onConflict((oc) => oc.columns(['commitment_id', 'occurrence_key']).doUpdateSet(changes))
    .execute();
}

export async function deleteMark(db: Db, commitmentId: string, key: string, authorId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('occurrence_marks')
    .where('commitment_id', '=', commitmentId)
    .where('occurrence_key', '=', key)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

const ACK_COLUMNS = [
  'id',
  'commitment_id',
  'author_id',
  'space_id',
  'occurrence_key',
  'due_at',
  'noticed',
  'helped',
  'acked_at',
  'answered',
] as const;

export async function acksIn(db: Db, commitmentIds: readonly string[], from: string, to: string) {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('occurrence_acks')
    .select(ACK_COLUMNS)
    .where('commitment_id', 'in', commitmentIds)
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .execute();
}

export type AckRow = Awaited<ReturnType<typeof acksIn>>[number];

export async function findAck(db: Db, commitmentId: string, key: string) {
  return db
    .selectFrom('occurrence_acks')
    .select(ACK_COLUMNS)
    .where('commitment_id', '=', commitmentId)
    .where('occurrence_key', '=', key)
    .executeTakeFirst();
}

export async function upsertAck(
  db: Db,
  row: {
    id: string;
    commitmentId: string;
    authorId: string;
    spaceId: string;
    key: string;
    dueAt: string;
    noticed: boolean;
    helped: number | null;
    at: string;
    /** The actor's mark this answers (decision 027). */
    answered: 'done' | 'missed' | null;
  },
) {
  const changes = {
    due_at: row.dueAt,
    noticed: row.noticed ? 1 : 0,
    helped: row.helped,
    acked_at: row.at,
    answered: row.answered,
  };
  await db
    .insertInto('occurrence_acks')
    .values({
      id: row.id,
      commitment_id: row.commitmentId,
      author_id: row.authorId,
      space_id: row.spaceId,
      occurrence_key: row.key,
      ...changes,
    })
    .onConflict((oc) => oc.columns(['commitment_id', 'occurrence_key']).doUpdateSet(changes))
    .execute();
}
