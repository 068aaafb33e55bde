import type { LiveEvent } from './live-event.js';

/** Where a process reads stored events from: the events table, in seq order. */
export interface StoredEvents {
  /**
   * Stored events after `seq`, oldest first, at most `limit` rows read; `lastSeq` is the seq of the
   * last row read (also when its kind is one this version no longer knows and it was left out).
   */
  after(seq: number, limit: number): Promise<{ events: LiveEvent[]; lastSeq: number | null; rowsRead: number }>;
  /** The last seq given so far. */
  latest(): Promise<number>;
}

const BATCH = 200;

/**
 * Hands events to this process's streams once each, in seq order. The stored events are the truth:
 * an event this process just stored is handed on at once when it is the very next one; otherwise
 * (another process's events came in between, a notification was lost, a reconnect) the events after
 * the last one handed on are read from the table, oldest first, in bounded batches.
 */
export class OrderedDispatcher {
  private last: number | null = null;
  private starting: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly stored: StoredEvents,
    private readonly deliver: (event: LiveEvent) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The seq of the last event handed on (null before start). */
  get lastDispatched(): number | null {
    return this.last;
  }

  /** Starts from the newest stored event: a stream that opens later replays what it missed itself. */
  start(): Promise<void> {
    this.starting ??= this.stored.latest().then((seq) => {
      this.last ??= seq;
    });
    return this.starting;
  }

  /** An event this process has just stored (its transaction committed). */
  offer(event: LiveEvent): void {
    if (this.last !== null && !this.running) {
      if (event.seq <= this.last) return;
      if (event.seq === this.last + 1) {
        this.last = event.seq;
        this.deliver(event);
        return;
      }
    }
    void this.catchUp();
  }

  /** Somewhere, events up to `seq` are stored: read them unless they were handed on already. */
  heard(seq: number): void {
    if (this.last !== null && !this.running && seq <= this.last) return;
    void this.catchUp();
  }

  /** Resolves when no read of stored events is running (shutdown waits for it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Reads and hands on every stored event after the last one handed on. Never rejects. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = (async () => {
      try {
        await this.start();
        do {
          this.again = false;
          for (;;) {
            const from = this.last ?? 0;
            const { events, lastSeq, rowsRead } = await this.stored.after(from, BATCH);
            for (const event of events) {
              if (this.last !== null && event.seq <= this.last) continue;
              this.last = event.seq;
              this.deliver(event);
            }
            if (lastSeq !== null && (this.last === null || lastSeq > this.last)) this.last = lastSeq;
            if (rowsRead < BATCH) break;
          }
        } while (this.again);
      } catch (error) {
        this.onError(error);
      } finally {
        this.running = null;
      }
    })();
    this.running = run;
    return run;
  }
}
