import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { type BusListener, InProcessEventBus, type SessionEnded, storedEventsOf } from './event-bus.js';
import { EVENTS_CHANNEL } from './events.repo.js';

/** Session endings between processes: JSON `{ from, userId, sessionId }`, ids only. */
export const SESSIONS_CHANNEL = 'attune_sessions_ended';

export interface PgEventBusOptions {
  db: Db;
  /** The database's URL: the listening connection is its own, not one of the pool's. */
  url: string;
  logger?: Logger;
  /** The safety read of stored events, in case a notification was lost. */
  pollMs?: number;
  /** The first wait before connecting again; it doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Several processes on one PostgreSQL database (decision 028). Each process keeps one connection of
 * its own that LISTENs; an event's NOTIFY, sent in the transaction that stores it, carries only its
 * seq. On a notification the process reads the stored events after the last one it handed on and
 * gives them to its streams, which apply the access policy as before. A notification can be lost
 * (the connection drops, the process is busy): the stored events are the truth, so the process
 * catches up whenever its listening connection is (re)made and on a periodic safety read. Session
 * endings travel on a second channel so a stream on another process closes at once.
 */
export class PgEventBus extends InProcessEventBus {
  /** Tells this process's own session-ending notifications apart (already handled locally). */
  private readonly origin = randomUUID();
  private readonly db: Db;
  private readonly url: string;
  private readonly pollMs: number;
  private readonly firstBackoffMs: number;
  private readonly maxBackoffMs: number;
  private backoffMs: number;
  private client: pg.Client | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(options: PgEventBusOptions) {
    super(storedEventsOf(options.db), options.logger);
    this.db = options.db;
    this.url = options.url;
    this.pollMs = options.pollMs ?? 5_000;
    this.firstBackoffMs = options.backoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.backoffMs = this.firstBackoffMs;
  }

  /** The backend pid of the listening connection (null while it is being made again). For tests. */
  get listenerPid(): number | null {
    const pid = (this.client as unknown as { processID?: number } | null)?.processID;
    return typeof pid === 'number' ? pid : null;
  }

  /**
   * Listens from the first stream on: a process that never serves one (a command-line tool, a
   * worker) holds no extra connection. Resolves once the listening connection is made (or failed
   * and will be tried again).
   */
  listen(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (!this.poll) {
      this.poll = setInterval(() => void this.dispatcher.catchUp(), this.pollMs);
      this.poll.unref();
    }
    if (this.client || this.retry) return Promise.resolve();
    return this.connect();
  }

  override subscribe(listener: BusListener): () => void {
    const unsubscribe = super.subscribe(listener);
    void this.listen();
    return unsubscribe;
  }

  override endSessions(ended: SessionEnded): void {
    super.endSessions(ended);
    const payload = JSON.stringify({ from: this.origin, userId: ended.userId, sessionId: ended.sessionId });
    sql`SELECT pg_notify(${SESSIONS_CHANNEL}, ${payload})`.execute(this.db).catch((error: unknown) => {
      // The other processes still close the stream at their next session check (the heartbeat).
      this.logger?.warn(
        { err: error instanceof Error ? error.message : error },
        'live events: telling other processes of a sign-out failed',
      );
    });
  }

  override async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    if (this.retry) clearTimeout(this.retry);
    this.poll = null;
    this.retry = null;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    await super.close();
  }

  /** Makes the listening connection, then catches up on anything stored while there was none. */
  private connect(): Promise<void> {
    this.connecting ??= this.makeConnection().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async makeConnection(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'attune-live-events' });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger?.warn({ err: error?.message }, 'live events: the listening connection was lost; connecting again');
      this.reconnectLater();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => this.heard(message.channel, message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (lost) return;
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = this.firstBackoffMs;
    await this.dispatcher.catchUp();
  }

  private reconnectLater(): void {
    if (this.closed || this.retry) return;
    const wait = this.backoffMs / 2 + Math.random() * (this.backoffMs / 2);
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, wait);
    this.retry.unref();
  }

  private heard(channel: string, payload: string | undefined): void {
    if (channel === EVENTS_CHANNEL) {
      const seq = Number(payload);
      if (Number.isSafeInteger(seq)) this.dispatcher.heard(seq);
      else void this.dispatcher.catchUp();
      return;
    }
    if (channel !== SESSIONS_CHANNEL || !payload) return;
    try {
      const parsed = JSON.parse(payload) as { from?: unknown; userId?: unknown; sessionId?: unknown };
      if (parsed.from === this.origin || typeof parsed.userId !== 'string') return;
      const sessionId = typeof parsed.sessionId === 'string' ? parsed.sessionId : null;
      this.emitLocal('session-ended', { userId: parsed.userId, sessionId });
    } catch {
      // Not ours to read: ignored.
    }
  }
}
