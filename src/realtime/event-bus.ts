import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { latestSeq, storedEventsAfter } from './events.repo.js';
import type { LiveEvent } from './live-event.js';
import { OrderedDispatcher, type StoredEvents } from './ordered-dispatch.js';

export type { LiveEvent } from './live-event.js';

/** Tells open streams that a session ended, so they close at once rather than at the next check. */
export interface SessionEnded {
  userId: string;
  /** null: every session of this person. */
  sessionId: string | null;
}

/** Who listens on the bus: one open stream. */
export interface BusListener {
  onEvent(event: LiveEvent): void;
  onSessionEnded(ended: SessionEnded): void;
  /** This process is shutting down: say when to come back, then close. */
  onClosing?(retryMs: number): void;
}

/**
 * How events reach open streams: InProcessEventBus for one process (SQLite), PgEventBus
 * (pg-event-bus.ts) for several processes on one PostgreSQL database (decision 028). Either way each
 * process hands every stored event to its streams once, in seq order.
 */
export interface EventBus {
  /** An event stored by this process (its transaction committed). */
  publish(event: LiveEvent): void;
  /** Closes the streams of an ended session, in every process. */
  endSessions(ended: SessionEnded): void;
  /** Closes every stream open in this process, each told to reconnect after retryMs (shutdown). */
  closeStreams(retryMs: number): void;
  subscribe(listener: BusListener): () => void;
  /** Stops listening (shutdown); streams are closed first with closeStreams. */
  close(): Promise<void>;
}

/** The stored events of one database, as the dispatcher reads them. */
export function storedEventsOf(db: Db): StoredEvents {
  return {
    after: (seq, limit) => storedEventsAfter(db, seq, limit),
    latest: () => latestSeq(db),
  };
}

/** One process: events are handed to this process's streams in seq order, each once. */
export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter();
  protected readonly dispatcher: OrderedDispatcher;

  constructor(
    stored: StoredEvents,
    protected readonly logger?: Logger,
  ) {
    // Every open tab is a listener; the default warning at 10 is meant for leaks, not for this.
    this.emitter.setMaxListeners(0);
    this.dispatcher = new OrderedDispatcher(
      stored,
      (event) => this.emitLocal('event', event),
      (error) =>
        this.logger?.warn({ err: error instanceof Error ? error.message : error }, 'live events: reading stored events failed'),
    );
  }

  /** Starts from the newest stored event. */
  start(): Promise<void> {
    return this.dispatcher.start();
  }

  publish(event: LiveEvent): void {
    this.dispatcher.offer(event);
  }

  endSessions(ended: SessionEnded): void {
    this.emitLocal('session-ended', ended);
  }

  closeStreams(retryMs: number): void {
    this.emitter.emit('closing', retryMs);
  }

  async close(): Promise<void> {
    await this.dispatcher.idle();
  }

  subscribe(listener: BusListener): () => void {
    const onEvent = (e: LiveEvent) => listener.onEvent(e);
    const onEnded = (e: SessionEnded) => listener.onSessionEnded(e);
    const onClosing = (retryMs: number) => listener.onClosing?.(retryMs);
    this.emitter.on('event', onEvent);
    this.emitter.on('session-ended', onEnded);
    this.emitter.on('closing', onClosing);
    return () => {
      this.emitter.off('event', onEvent);
      this.emitter.off('session-ended', onEnded);
      this.emitter.off('closing', onClosing);
    };
  }

  /** One stream failing never keeps the event from the others. */
  protected emitLocal(name: 'event' | 'session-ended', payload: LiveEvent | SessionEnded): void {
    for (const listener of this.emitter.listeners(name)) {
      try {
        (listener as (p: typeof payload) => void)(payload);
      } catch (error) {
        this.logger?.warn({ err: error instanceof Error ? error.message : error }, 'live events: a stream failed');
      }
    }
  }
}
