// Every live stream open in this process, by session, so no one can hold more than their share:
// a session keeps at most `perSession` streams (a new tab sheds that session's oldest), and the
// process at most `perProcess` (past that, a new stream is refused with a hint to retry later, so
// one person opening thousands can never push everyone else's out).

export interface StreamLimits {
  perSession: number;
  perProcess: number;
}

/** A shed stream is told to wait this long before reconnecting, so two busy tabs do not take turns. */
export const SHED_RETRY_MS = 60_000;

export interface OpenStream {
  readonly sessionId: string;
  /** Closes the stream, telling the browser when to try again. */
  shed(retryMs: number): void;
}

export class StreamRegistry {
  private readonly bySession = new Map<string, OpenStream[]>();
  private total = 0;

  get size(): number {
    return this.total;
  }

  countOf(sessionId: string): number {
    return this.bySession.get(sessionId)?.length ?? 0;
  }

  /** Admits a new stream (shedding its session's oldest past the cap), or false when the process is full. */
  admit(stream: OpenStream, limits: StreamLimits): boolean {
    const mine = this.bySession.get(stream.sessionId) ?? [];
    // A session at its cap makes room itself, so a full process still lets its own tabs move.
    while (mine.length >= limits.perSession) {
      const oldest = mine.shift();
      if (!oldest) break;
      this.total -= 1;
      oldest.shed(SHED_RETRY_MS);
    }
    if (this.total >= limits.perProcess) {
      if (mine.length === 0) this.bySession.delete(stream.sessionId);
      return false;
    }
    mine.push(stream);
    this.bySession.set(stream.sessionId, mine);
    this.total += 1;
    return true;
  }

  /** Forgets a stream that closed (shed ones are already gone; forgetting twice is harmless). */
  release(stream: OpenStream): void {
    const mine = this.bySession.get(stream.sessionId);
    if (!mine) return;
    const at = mine.indexOf(stream);
    if (at < 0) return;
    mine.splice(at, 1);
    this.total -= 1;
    if (mine.length === 0) this.bySession.delete(stream.sessionId);
  }
}

const registries = new WeakMap<object, StreamRegistry>();

/** The registry of one process (one event bus): tests run several apps in one process. */
export function registryFor(bus: object): StreamRegistry {
  let registry = registries.get(bus);
  if (!registry) {
    registry = new StreamRegistry();
    registries.set(bus, registry);
  }
  return registry;
}
