import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { canReceiveEvent } from '../domain/access-policy.js';
import { readSessionCookie, sessionTokenHash } from '../features/auth/session.service.js';
import { findLiveSession } from '../features/auth/sessions.repo.js';
import type { AppDeps } from '../http/deps.js';
import type { SignedInUser } from '../http/route.js';
import { toDbTime } from '../shared/time.js';
import type { LiveEvent } from './event-bus.js';
import { eventsSince } from './events.repo.js';

const HEARTBEAT_MS = 20_000;
const REPLAY_LIMIT = 500;
const RECONNECT_AFTER_MS = 1000;

/** What a stream sends for one event: the kind and the id of what changed, never its words. */
const message = (event: LiveEvent) => ({
  id: event.id,
  event: event.kind,
  data: JSON.stringify({ kind: event.kind, subjectId: event.subjectId, at: event.at }),
});

/**
 * One server-sent event stream per browser tab. Every event passes the access policy for this
 * person before it is written. A reconnect with Last-Event-ID first catches up from the events
 * table. The stream closes when its session ends, and after any change to the person's space (the
 * browser reconnects at once and the stream starts again with the person's new space).
 */
export function openEventStream(c: Context, deps: AppDeps, user: SignedInUser, lastEventId: string | null): Response {
  const { actor } = user;
  return streamSSE(c, async (stream) => {
    let closed = false;
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const close = () => {
      if (closed) return;
      closed = true;
      finish();
    };
    stream.onAbort(close);

    // Writes are chained so events leave in order even when they arrive while one is being written.
    let writing: Promise<void> = Promise.resolve();
    let lastSentId = lastEventId ?? '';
    const send = (event: LiveEvent) => {
      if (closed || event.id <= lastSentId || !canReceiveEvent(actor, event)) return;
      lastSentId = event.id;
      writing = writing.then(() => stream.writeSSE(message(event))).catch(close);
      if (event.kind === 'space.changed' && event.audienceId === actor.userId) writing = writing.then(close);
    };

    // Subscribe first and hold live events back until the catch-up is written, so none falls between.
    let held: LiveEvent[] | null = [];
    const unsubscribe = deps.events.subscribe({
      onEvent: (event) => (held ? held.push(event) : send(event)),
      onSessionEnded: (ended) => {
        if (ended.userId === actor.userId && (ended.sessionId === null || ended.sessionId === user.sessionId)) close();
      },
    });

    // Sent at once: it flushes the headers (a browser waits for them) and sets a short reconnect delay.
    await stream.writeSSE({ event: 'ready', data: '{}', retry: RECONNECT_AFTER_MS });
    if (lastEventId) {
      for (const event of await eventsSince(deps.db, actor.spaceId, actor.userId, lastEventId, REPLAY_LIMIT)) send(event);
    }
    const live = held;
    held = null;
    for (const event of live) send(event);

    // A session can also end in another process: check now and then, and keep proxies from timing out.
    const token = readSessionCookie(c);
    const heartbeat = setInterval(() => {
      void (async () => {
        const session = token
          ? await findLiveSession(deps.db, sessionTokenHash(deps, token), toDbTime(deps.clock.now()))
          : undefined;
        if (!session) return close();
        writing = writing.then(() => stream.write(': still here\n\n')).then(() => undefined, close);
      })().catch(close);
    }, HEARTBEAT_MS);

    await done;
    clearInterval(heartbeat);
    unsubscribe();
    await writing.catch(() => undefined);
  });
}
