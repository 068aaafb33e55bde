import type { Db } from '../db/database.js';
import { isEventKind } from '../domain/event-kinds.js';
import type { LiveEvent } from './event-bus.js';

export async function insertEvent(db: Db, event: LiveEvent): Promise<void> {
  await db
    .insertInto('events')
    .values({
      id: event.id,
      space_id: event.spaceId,
      author_id: event.authorId,
      visibility: event.visibility,
      audience_id: event.audienceId,
      kind: event.kind,
      subject_id: event.subjectId,
      created_at: event.at,
    })
    .execute();
}

/** Events after `afterId` that concern this space or are addressed to this person, oldest first. */
export async function eventsSince(
  db: Db,
  spaceId: string | null,
  userId: string,
  afterId: string,
  limit: number,
): Promise<LiveEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '>', afterId)
    .where((eb) =>
      spaceId === null ? eb('audience_id', '=', userId) : eb.or([eb('space_id', '=', spaceId), eb('audience_id', '=', userId)]),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
  // A kind this version no longer knows (an event stored before an upgrade) is left out.
  return rows.flatMap((r) => {
    if (!isEventKind(r.kind)) return [];
    return [
      {
        id: r.id,
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

export async function pruneEvents(db: Db, beforeIso: string): Promise<void> {
  await db.deleteFrom('events').where('created_at', '<', beforeIso).execute();
}
