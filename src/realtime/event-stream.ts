import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AppError } from '../shared/errors.js';
import type { LiveEvent } from './event-bus.js';
import { eventsSince, latestSeq, seqOfEvent } from './events.repo.js';
import type { RealtimeDeps } from './publish.js';
import { type OpenStream, registryFor, type StreamLimits } from './stream-registry.js';

const HEARTBEAT_MS = 20_000;
const REPLAY_LIMIT = 500;
const RECONNECT_AFTER_MS = 1000;

/** What a stream sends for one event: the kind and the id of what changed, never its words. */
const message = (event: LiveEvent) => ({
  // The seq: one commit-ordered cursor across processes, which a reconnect sends back as Last-Event-ID.
  id: String(event.seq),
  event: event.kind,
  data: JSON.stringify({ kind: event.kind, subjectId: event.subjectId, at: event.at }),
});

/**
 * One server-sent event stream per browser tab. Every event passes the access policy for this
 * person before it is written. A reconnect with Last-Event-ID (an event's seq; an event id from
 * before migration 0024 still works while that event is stored) first catches up from the events
 * table. The stream closes when its session ends, and after any change to the person's space (the
 * browser reconnects at once and the stream starts again with the person's new space).
 */
export interface StreamListener {
  userId: string;
  sessionId: string;
  /** The space whose stored events a reconnect catches up on (null: only events addressed to me). */
  spaceId: string | null;
  /** The access policy's answer for this listener (canReceiveEvent for a partner). */
  canReceive: (event: LiveEvent) => boolean;
  /** Asked now and then: a session can also end in another process. */
  sessionAlive: () => Promise<boolean>;
}

export function openEventStream(
  c: Context,
  deps: RealtimeDeps,
  listener: StreamListener,
  lastEventId: string | null,
  limits: StreamLimits,
): Response {
  const { userId } = listener;
  // Admitted before the response starts, so a full process answers a plain 503 with a retry hint.
  let shedNow: ((retryMs: number) => void) | null = null;
  let shedEarly: number | null = null;
  const entry: OpenStream = {
    sessionId: listener.sessionId,
    shed: (retryMs) => {
      if (shedNow) shedNow(retryMs);
      else shedEarly = retryMs;
    },
  };
  const registry = registryFor(deps.events);
  if (!registry.admit(entry, limits)) {
    throw new AppError(
      503,
      'too_many_streams',
      'There are a lot of live connections just now. Attune will try again shortly.',
      undefined,
      {
        'Retry-After': '30',
      },
    );
  }
  return streamSSE(c, async (stream) => {
    try {
      await runStream(stream);
    } finally {
      registry.release(entry);
    }
  });

  async function runStream(stream: Parameters<Parameters<typeof streamSSE>[1]>[0]): Promise<void> {
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
    let lastSentSeq = 0;
    const send = (event: LiveEvent) => {
      if (closed || event.seq <= lastSentSeq || !listener.canReceive(event)) return;
      lastSentSeq = event.seq;
      writing = writing.then(() => stream.writeSSE(message(event))).catch(close);
      if (event.kind === 'space.changed' && event.audienceId === userId) writing = writing.then(close);
    };

    // Where this stream starts, read before subscribing: after the seq a reconnect names, or after the
    // newest stored event (from now). Everything after it is either caught up from the table below or
    // heard live while held back, so none falls between.
    const resumeAfter = (lastEventId ? await resumeCursor(deps, lastEventId) : null) ?? (await latestSeq(deps.db));
    lastSentSeq = resumeAfter;

    // Subscribe first and hold live events back until the catch-up is written, so none falls between.
    let held: LiveEvent[] | null = [];
    const unsubscribe = deps.events.subscribe({
      onEvent: (event) => (held ? held.push(event) : send(event)),
      onSessionEnded: (ended) => {
        if (ended.userId === userId && (ended.sessionId === null || ended.sessionId === listener.sessionId)) close();
      },
      // Shutdown: the browser is told when to come back (another process, or this one restarted),
      // and reconnects with Last-Event-ID, so nothing published meanwhile is missed.
      onClosing: (retryMs) => tellToReconnect(retryMs),
    });
    // Shutdown, or shed for a newer stream of the same session: say when to come back, then close.
    const tellToReconnect = (retryMs: number) => {
      writing = writing.then(() => stream.writeSSE({ event: 'reconnect', data: '{}', retry: retryMs })).then(close, close);
    };
    shedNow = tellToReconnect;
    if (shedEarly !== null) tellToReconnect(shedEarly);

    // Sent at once: it flushes the headers (a browser waits for them) and sets a short reconnect delay.
    await stream.writeSSE({ event: 'ready', data: '{}', retry: RECONNECT_AFTER_MS });
    for (const event of await eventsSince(deps.db, listener.spaceId, userId, resumeAfter, REPLAY_LIMIT)) send(event);
    const live = held;
    held = null;
    for (const event of live) send(event);

    // A session can also end in another process: check now and then, and keep proxies from timing out.
    const heartbeat = setInterval(() => {
      void (async () => {
        if (!(await listener.sessionAlive())) return close();
        writing = writing.then(() => stream.write(': still here\n\n')).then(() => undefined, close);
      })().catch(close);
    }, HEARTBEAT_MS);

    await done;
    clearInterval(heartbeat);
    unsubscribe();
    await writing.catch(() => undefined);
  }
}

/**
 * Where a reconnect resumes: after the seq it names, or after the event it names by id (a tab open
 * from before migration 0024). Null starts from now: an event id no longer stored, or a seq this
 * database never gave (a restored backup), which would otherwise hold back every event until then.
 */
export async function resumeCursor(deps: Pick<RealtimeDeps, 'db'>, lastEventId: string): Promise<number | null> {
  if (/^\d+$/.test(lastEventId)) {
    const seq = Number(lastEventId);
    return Number.isSafeInteger(seq) && seq <= (await latestSeq(deps.db)) ? seq : null;
  }
  return seqOfEvent(deps.db, lastEventId);
}
