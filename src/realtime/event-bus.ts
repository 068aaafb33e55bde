import { EventEmitter } from 'node:events';
import type { EventFacts } from '../domain/access-policy.js';
import type { EventKind } from '../domain/event-kinds.js';

/** A change someone may hear about: what kind, about which item, and who may hear it. No words. */
export interface LiveEvent extends EventFacts {
  id: string;
  kind: EventKind;
  subjectId: string | null;
  at: string;
}

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
 * How events reach open streams. The first implementation is in-process; a deployment with several
 * processes needs one that fans out through PostgreSQL (LISTEN/NOTIFY) behind this same interface.
 */
export interface EventBus {
  publish(event: LiveEvent): void;
  endSessions(ended: SessionEnded): void;
  /** Closes every stream open in this process, each told to reconnect after retryMs (shutdown). */
  closeStreams(retryMs: number): void;
  subscribe(listener: BusListener): () => void;
}

export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open tab is a listener; the default warning at 10 is meant for leaks, not for this.
    this.emitter.setMaxListeners(0);
  }

  publish(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }

  endSessions(ended: SessionEnded): void {
    this.emitter.emit('session-ended', ended);
  }

  closeStreams(retryMs: number): void {
    this.emitter.emit('closing', retryMs);
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
}
