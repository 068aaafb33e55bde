import type { Db } from '../../db/database.js';
import type { EventBus } from '../../realtime/event-bus.js';
import { endAccessesOfSpace } from './therapists.repo.js';

// What other features tell therapist access: a space was left, so every access of it ends. The
// caller ends them inside its own transaction and closes the therapists' streams once it committed.

/** Ends every therapist access of a space (call it in the transaction that closes the space). */
export function endTherapistAccesses(db: Db, spaceId: string, nowIso: string): Promise<string[]> {
  return endAccessesOfSpace(db, spaceId, nowIso);
}

/**
 * Closes these therapists' open event streams at once (every session: a stream does not say which
 * couple it is for). The browser reconnects; every later request decides again from the database.
 */
export function closeTherapistStreams(deps: { events: EventBus }, therapistIds: readonly string[]): void {
  for (const userId of new Set(therapistIds)) deps.events.endSessions({ userId, sessionId: null });
}
