import type { Db } from '../db/database.js';
import type { Visibility } from '../domain/access-policy.js';
import type { EventKind } from '../domain/event-kinds.js';
import type { Clock } from '../shared/clock.js';
import { DAY_MS, toDbTime } from '../shared/time.js';
import type { EventBus, LiveEvent } from './event-bus.js';
import { newEventId } from './event-ids.js';
import { insertEvent, pruneEvents } from './events.repo.js';

export interface NewEvent {
  kind: EventKind;
  spaceId: string;
  authorId: string;
  visibility: Visibility;
  subjectId?: string | null;
  /** Set to address the event to one person only. */
  audienceId?: string | null;
}

/** What publishing and streaming need; a feature passes its AppDeps, which has all of it. */
export interface RealtimeDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
}

const KEEP_EVENTS_MS = 7 * DAY_MS;
let publishedSincePrune = 0;

/**
 * Records an event (with its seq, in commit order) and tells open streams, in every process. Call it
 * after the change has committed, so a listener that fetches the item at once sees it.
 */
export async function publishEvent(deps: RealtimeDeps, input: NewEvent): Promise<LiveEvent> {
  const now = deps.clock.now();
  const event = await insertEvent(deps.db, {
    id: newEventId(now),
    kind: input.kind,
    spaceId: input.spaceId,
    authorId: input.authorId,
    visibility: input.visibility,
    subjectId: input.subjectId ?? null,
    audienceId: input.audienceId ?? null,
    at: toDbTime(now),
  });
  deps.events.publish(event);
  // Keeps the table bounded without a scheduler: an occasional sweep of week-old events.
  publishedSincePrune += 1;
  if (publishedSincePrune >= 500) {
    publishedSincePrune = 0;
    await pruneEvents(deps.db, toDbTime(new Date(now.getTime() - KEEP_EVENTS_MS)));
  }
  return event;
}
