/**
 * An Attune app in-process on a fresh real database (SQLite file or PostgreSQL clone, per the vitest
 * project), with a manual clock and any number of cookie-holding clients: partner A, partner B, an
 * outsider, a signed-out visitor.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../../src/app.js';
import { boot } from '../../src/boot.js';
import { loadConfig } from '../../src/config/env.js';
import { type Contracts, contracts, type RouteId } from '../../src/contracts.js';
import { generateVapidPair } from '../../src/crypto/vapid.js';
import type { AppDeps } from '../../src/deps.js';
import { buildRequest } from '../../src/http/client.js';
import type { AnswerOf, InputOf, InputOptional } from '../../src/http/contract.js';
import { ManualClock } from '../../src/shared/clock.js';
import { checkAnswer } from './answer-check.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export const ORIGIN = 'http://localhost:3000';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

const contractById = new Map<string, (typeof contracts)[number]>(contracts.map((c) => [c.id, c]));

/** `call(id)` alone when every part of the route's input may be left out, else `call(id, input)`. */
export type CallArgs<Id extends RouteId> =
  InputOptional<Contracts[Id]> extends true
    ? [input?: InputOf<Contracts[Id]>, headers?: Record<string, string>]
    : [input: InputOf<Contracts[Id]>, headers?: Record<string, string>];

export class TestClient {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: Hono,
    readonly label: string,
  ) {}

  get signedIn(): boolean {
    return this.cookies.has('attune_session');
  }

  sessionCookie(): string | undefined {
    return this.cookies.get('attune_session');
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    const h = init.headers as Record<string, string>;
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(`${ORIGIN}${path}`, init);
    for (const line of res.headers.getSetCookie()) this.storeCookie(line);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (/json/.test(res.headers.get('content-type') ?? '')) checkAnswer(method, path, res.status, parsed);
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }

  /** Calls a route by its id through the typed client: typed input, typed answer. */
  call<Id extends RouteId>(id: Id, ...[input, headers]: CallArgs<Id>): Promise<TestResponse<AnswerOf<Contracts[Id]>>> {
    const contract = contractById.get(id);
    if (!contract) throw new Error(`no route ${id}`);
    const built = buildRequest(contract, input);
    return this.request(built.method, built.url, built.body, headers);
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  /** Opens a server-sent event stream and reads it event by event. */
  async stream(path: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
    const controller = new AbortController();
    const h: Record<string, string> = { accept: 'text/event-stream', ...headers };
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.request(`${ORIGIN}${path}`, { headers: h, signal: controller.signal });
    return new EventStreamReader(res, controller);
  }

  private storeCookie(line: string): void {
    const [pair, ...attributes] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq < 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

export interface StreamEvent {
  id?: string;
  event?: string;
  data: string;
}

/** Reads `text/event-stream` frames; `next()` resolves null when the stream ends or the wait runs out. */
export class EventStreamReader {
  private buffer = '';
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  // A read still waiting when next() timed out: the next call picks it up, so no chunk is lost.
  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  private readonly decoder = new TextDecoder();
  ended = false;

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {}

  get status(): number {
    return this.response.status;
  }

  async next(timeoutMs = 3000): Promise<StreamEvent | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frameEnd = this.buffer.indexOf('\n\n');
      if (frameEnd >= 0) {
        const frame = this.buffer.slice(0, frameEnd);
        this.buffer = this.buffer.slice(frameEnd + 2);
        const parsed = parseFrame(frame);
        if (parsed) return parsed;
        continue;
      }
      // Taken on first read, so an error answer can still be read as text.
      this.reader ??= this.response.body ? this.response.body.getReader() : null;
      if (!this.reader || this.ended) return null;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return null;
      this.pending ??= this.reader.read();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        this.pending,
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), remaining);
        }),
      ]);
      clearTimeout(timer);
      if (chunk === 'timeout') return null;
      this.pending = null;
      if (chunk.done) {
        this.ended = true;
        continue;
      }
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Collects events until none arrives for `quietMs`. */
  async drain(quietMs = 300): Promise<StreamEvent[]> {
    const events: StreamEvent[] = [];
    for (let e = await this.next(quietMs); e; e = await this.next(quietMs)) events.push(e);
    return events;
  }

  close(): void {
    this.controller.abort();
    this.reader?.cancel().catch(() => undefined);
  }
}

function parseFrame(frame: string): StreamEvent | null {
  const event: StreamEvent = { data: '' };
  let any = false;
  for (const line of frame.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') {
      event.data = event.data ? `${event.data}\n${value}` : value;
      any = true;
    } else if (field === 'event') {
      event.event = value;
      any = true;
    } else if (field === 'id') {
      event.id = value;
      any = true;
    }
  }
  return any ? event : null;
}

export interface Person {
  client: TestClient;
  id: string;
  email: string;
  name: string;
  password: string;
}

/**
 * Enters the person's password again on their client (POST /auth/reauth): a fresh re-authentication
 * for the next 5 minutes of the test clock, as a sensitive action needs (decisions 022 and 024).
 */
export async function freshReauth(p: Person, client: TestClient = p.client): Promise<void> {
  const res = await client.call('auth.reauth', { body: { password: p.password } });
  if (res.status !== 204) throw new Error(`re-authentication failed: ${res.status} ${res.text}`);
}

/** Leaves the shared space as a person does: the password again, then POST /space/leave. */
export async function leaveSpace(p: Person): Promise<TestResponse> {
  await freshReauth(p);
  return p.client.call('spaces.leave');
}

export interface TestApp {
  app: Hono;
  deps: AppDeps;
  clock: ManualClock;
  database: TestDatabase;
  dataDir: string;
  client(label?: string): TestClient;
  /** A new account through the API (unique email), signed in. */
  signUp(name?: string, password?: string): Promise<Person>;
  /** Two partners sharing one space, through the real invite flow. */
  couple(names?: [string, string]): Promise<{ a: Person; b: Person }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  logger?: import('pino').Logger;
}

let counter = 0;
/** One web push (VAPID) pair per test process: required with PostgreSQL, like MASTER_KEY. */
const testVapid = generateVapidPair();

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'attune-app-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database.target.url,
    PUBLIC_URL: ORIGIN,
    LOG_LEVEL: 'silent',
    ATTUNE_FAST_HASHING: '1',
    MASTER_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('base64'),
    VAPID_PUBLIC_KEY: testVapid.publicKey,
    VAPID_PRIVATE_KEY: testVapid.privateKey,
    ATTUNE_PUSH_LOOPBACK: '1',
    ...options.env,
  });
  const clock = new ManualClock(new Date());
  const deps = await boot(config, { clock, db: database.db, ...(options.logger ? { logger: options.logger } : {}) });
  const app = createApp(deps);

  const client = (label = 'visitor') => new TestClient(app, label);

  const signUp = async (name = 'Person', password = 'a long and private phrase'): Promise<Person> => {
    counter += 1;
    const email = `${name.toLowerCase().replace(/\W+/g, '')}.${counter}.${randomBytes(3).toString('hex')}@example.org`;
    const c = client(name);
    const res = await c.call('auth.signup', { body: { email, password, name, timeZone: 'Europe/London' } });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
    return { client: c, id: res.body.id, email, name, password };
  };

  const couple = async ([nameA, nameB]: [string, string] = ['Alex', 'Sam']) => {
    const a = await signUp(nameA);
    const b = await signUp(nameB);
    const invite = await a.client.call('spaces.invites.create');
    if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
    const accepted = await b.client.call('spaces.invites.accept', { params: { token: invite.body.token } });
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
    return { a, b };
  };

  return {
    app,
    deps,
    clock,
    database,
    dataDir,
    client,
    signUp,
    couple,
    async close() {
      await deps.events.close();
      deps.homeDays.close();
      await database.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
