import { effect } from '@preact/signals';
import type { Contracts, RouteId } from '../../../src/contracts';
import { type Answer, type ApiArgs, ApiError, api, endpoints, newIdempotencyKey, routeOfPath } from '../api/client';
import { canSeal, forgetOutboxKey, openFor, outboxKey, sealFor } from './outbox-seal';
import { outboxFlushed, outboxNotice, outboxProblem, pendingWrites } from './outbox-state';
import { hasLeft } from './quick-exit';
import { me } from './session';

/**
 * The offline outbox: log marks, acknowledgements and check-ins made without a connection wait on
 * this device and are sent, in order, when it comes back. Each carries the Idempotency-Key it was
 * given when the person pressed the button, so sending it twice (a flaky network, two tabs
 * flushing at once, a reload mid-send) changes nothing on the server: it was done once.
 *
 * Nothing readable waits at rest (decision 026): each write is sealed (AES-GCM, lib/outbox-seal.ts)
 * under the person's outbox key, which the server gives only to a signed-in session of theirs and
 * this page holds in memory only. Only the owner's id and the Idempotency-Key stay readable. Where
 * nothing can be sealed (no WebCrypto, or the key could not be fetched yet), a write waits in this
 * tab's memory only, and the person is told to keep the tab open.
 *
 * Signing out sends what waits first (Settings calls flushOutbox); what could not be sent stays
 * sealed for the person's next sign-in here, and they are told; quick exit leaves at once and keeps
 * it sealed the same way. Someone else signing in on this device never sends or opens it.
 */

/** Only a write the server replays by its Idempotency-Key may wait here (its contract says `idempotent`). */
export type QueueableRoute = { [Id in RouteId]: Contracts[Id] extends { idempotent: true } ? Id : never }[RouteId];

/** A route's input, required when the route needs one, as `api` takes it. */
type InputArgs<Id extends RouteId> = undefined extends ApiArgs<Id>[0] ? [input?: ApiArgs<Id>[0]] : [input: ApiArgs<Id>[0]];

/** A write as it waits: in memory, or sealed in storage. */
export interface OutboxItem {
  key: string;
  userId: string;
  routeId: QueueableRoute;
  input: unknown;
  queuedAt: string;
}

/** As stored: the owner and the Idempotency-Key readable, the rest (route, input, time) sealed. */
interface SealedItem {
  key: string;
  userId: string;
  sealed: string;
}

/** Stored readable by earlier versions (a route id and input, or a method and path): read, never written. */
interface PlainItem {
  key: string;
  userId: string;
  routeId?: unknown;
  input?: unknown;
  method?: unknown;
  path?: unknown;
  body?: unknown;
  queuedAt?: unknown;
}

type StoredItem = SealedItem | PlainItem;

export type QueuedResult<T> = { sent: true; data: T } | { sent: false };

const STORAGE_KEY = 'attune.outbox.v1';

/** Writes that could not be sealed: this tab's memory only, never at rest. */
let inMemory: OutboxItem[] = [];

const isStored = (x: unknown): x is StoredItem =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as StoredItem).key === 'string' &&
  typeof (x as StoredItem).userId === 'string';

const isSealed = (item: StoredItem): item is SealedItem => typeof (item as SealedItem).sealed === 'string';

function readAll(): StoredItem[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isStored) : [];
  } catch {
    return [];
  }
}

function writeAll(items: StoredItem[]): boolean {
  let stored = true;
  try {
    if (items.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
  } catch {
    stored = false; // storage full or blocked
  }
  refreshCount();
  return stored;
}

const isRouteId = (id: unknown): id is RouteId => typeof id === 'string' && Object.hasOwn(endpoints, id);

/**
 * The route of a write kept readable by an earlier version: as stored, or matched back from its
 * method and path. Null when no route of this version matches: it cannot be sent.
 */
function routeOfPlain(item: PlainItem): { routeId: RouteId; input: unknown } | null {
  if ('routeId' in item) return isRouteId(item.routeId) ? { routeId: item.routeId, input: item.input } : null;
  if (typeof item.method !== 'string' || typeof item.path !== 'string') return null;
  const found = routeOfPath(item.method, item.path);
  if (!found || !isRouteId(found.id)) return null;
  return {
    routeId: found.id,
    input: item.body === undefined ? { params: found.params } : { params: found.params, body: item.body },
  };
}

function waitingFor(userId: string): { stored: number; memory: number } {
  return {
    stored: readAll().filter((i) => i.userId === userId).length,
    memory: inMemory.filter((i) => i.userId === userId).length,
  };
}

function refreshCount(): void {
  const userId = me.value?.id;
  const waiting = userId ? waitingFor(userId) : null;
  pendingWrites.value = waiting ? waiting.stored + waiting.memory : 0;
}

const things = (n: number) => (n === 1 ? 'One thing' : `${n} things`);
const TAB_ONLY =
  'What you just saved could not be sealed on this device, so it waits in this tab only. Please keep Attune open here until you are back online.';

/** Seals a write and adds it to the stored queue, or keeps it in this tab's memory when it cannot. */
async function keep(item: OutboxItem): Promise<void> {
  const key = inMemory.length === 0 ? await outboxKey(item.userId) : null;
  if (key) {
    const { routeId, input, queuedAt } = item;
    const sealed = await sealFor(key, item.userId, item.key, { routeId, input, queuedAt });
    // Read and written in one go, after the sealing, so another tab's write in between is kept.
    if (writeAll([...readAll(), { key: item.key, userId: item.userId, sealed }])) return;
  }
  // Later writes never overtake earlier ones: once one waits in memory, the next ones do too.
  inMemory.push(item);
  refreshCount();
  outboxNotice.value = TAB_ONLY;
}

/**
 * Writes an earlier version kept readable (this person's): sealed in place, or, in a browser that
 * can never seal (no WebCrypto), taken out of storage into this tab's memory to be sent now. Without
 * the key for the moment (the server busy), they stay as they are until the next try.
 */
async function sealPlainItems(userId: string, key: CryptoKey | null): Promise<void> {
  const plain = readAll().filter((i): i is PlainItem => i.userId === userId && !isSealed(i));
  if (plain.length === 0 || (!key && canSeal())) return;
  const replacement = new Map<string, SealedItem | null>();
  const toMemory: OutboxItem[] = [];
  for (const item of plain) {
    const route = routeOfPlain(item);
    if (!route) {
      outboxProblem.value = NOT_SENT;
      replacement.set(item.key, null);
    } else if (key) {
      const value = { ...route, queuedAt: typeof item.queuedAt === 'string' ? item.queuedAt : new Date().toISOString() };
      replacement.set(item.key, { key: item.key, userId, sealed: await sealFor(key, userId, item.key, value) });
    } else {
      toMemory.push({ key: item.key, userId, routeId: route.routeId as QueueableRoute, input: route.input, queuedAt: '' });
      replacement.set(item.key, null);
    }
  }
  // Older than anything queued since: they go first.
  inMemory = [...toMemory, ...inMemory];
  const next: StoredItem[] = [];
  for (const item of readAll()) {
    if (!replacement.has(item.key)) next.push(item);
    else {
      const sealed = replacement.get(item.key);
      if (sealed) next.push(sealed);
    }
  }
  writeAll(next);
}

// The outbox sends items whose route is known only when they are read back, so it calls `api`
// without the compile-time link between a route id and its input.
const send = api as unknown as (id: RouteId, input: unknown, options: { idempotencyKey: string }) => Promise<unknown>;

const isOffline = (err: unknown) => err instanceof ApiError && err.status === 0;
// Worth trying again later: the network, a busy server, or the same write still in flight from
// another tab. Any other refusal is final: trying again would be refused the same way.
const isTransient = (err: unknown) =>
  err instanceof ApiError &&
  (err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500 || err.code === 'request_in_progress');

/**
 * Sends a write now if it can; when the device is offline, keeps it (sealed) to send later and
 * answers `{ sent: false }`. Server refusals (validation, permission) are thrown as usual.
 */
export async function queuedWrite<Id extends QueueableRoute>(
  routeId: Id,
  ...[input]: InputArgs<Id>
): Promise<QueuedResult<Answer<Id>>> {
  const userId = me.value?.id;
  const key = newIdempotencyKey();
  const queue = async () => {
    if (!userId) throw new ApiError(401, 'signed_out', 'Please sign in again to save this.');
    await keep({ key, userId, routeId, input, queuedAt: new Date().toISOString() });
    return { sent: false } as const;
  };
  // Earlier writes go first, so a later change never overtakes an earlier one.
  if ((typeof navigator !== 'undefined' && navigator.onLine === false) || pendingWrites.value > 0) {
    const result = await queue();
    void flushOutbox();
    return result;
  }
  try {
    return { sent: true, data: (await send(routeId, input, { idempotencyKey: key })) as Answer<Id> };
  } catch (err) {
    if (!isOffline(err)) throw err;
    // The request may have reached the server before the connection dropped: sending it again
    // with the same key is safe, and soon, in case the browser never reports going offline.
    const result = await queue();
    scheduleRetry();
    return result;
  }
}

let flushing: Promise<void> | null = null;

/** Sends what waits, oldest first; stops at the first network failure and tries again later. */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    try {
      await sendWaiting();
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

const NOT_SENT = 'Something saved while offline could not be sent.';

/** The next write of this person, opened: from storage first (older), then from this tab's memory. */
async function nextFor(userId: string, key: CryptoKey | null): Promise<{ item: OutboxItem; stored: boolean } | 'locked' | null> {
  const stored = readAll().find((i) => i.userId === userId);
  if (stored) {
    if (!isSealed(stored)) return 'locked'; // left by an earlier version and not sealed yet: after sealPlainItems
    if (!key) return 'locked';
    try {
      const opened = (await openFor(key, userId, stored.key, stored.sealed)) as Omit<OutboxItem, 'key' | 'userId'>;
      return { item: { ...opened, key: stored.key, userId }, stored: true };
    } catch {
      // Not openable with this person's key (the server's secret was replaced): it can never be sent.
      outboxProblem.value = NOT_SENT;
      writeAll(readAll().filter((i) => i.key !== stored.key));
      return nextFor(userId, key);
    }
  }
  const inTab = inMemory.find((i) => i.userId === userId);
  return inTab ? { item: inTab, stored: false } : null;
}

async function sendWaiting(): Promise<void> {
  const userId = me.value?.id;
  if (!userId || hasLeft()) return;
  const waiting = waitingFor(userId);
  if (waiting.stored + waiting.memory === 0) return;
  const key = await outboxKey(userId);
  if (me.value?.id !== userId) return;
  await sealPlainItems(userId, key);
  let sent = 0;
  for (;;) {
    if (hasLeft()) return;
    const next = await nextFor(userId, key);
    if (next === null) break;
    if (next === 'locked') {
      // The key could not be had (offline, or the server is busy): later.
      scheduleRetry();
      break;
    }
    const { item } = next;
    if (!isRouteId(item.routeId)) outboxProblem.value = NOT_SENT;
    else {
      try {
        await send(item.routeId, item.input, { idempotencyKey: item.key });
        sent += 1;
        failedAttempts = 0;
      } catch (err) {
        if (isTransient(err)) {
          scheduleRetry();
          break;
        }
        // The session ended meanwhile (signed out elsewhere): it waits, sealed, for the next sign-in.
        if (err instanceof ApiError && err.status === 401) break;
        outboxProblem.value =
          err instanceof ApiError ? `Something saved while offline could not be sent: ${err.message}` : NOT_SENT;
      }
    }
    if (next.stored) writeAll(readAll().filter((i) => i.key !== item.key));
    else {
      inMemory = inMemory.filter((i) => i.key !== item.key);
      refreshCount();
    }
  }
  if (sent > 0) {
    outboxNotice.value = `${things(sent)} you saved on this device while offline ${sent === 1 ? 'has' : 'have'} now been sent.`;
    outboxFlushed.value += 1;
  }
}

let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failedAttempts = 0;
// Soon at first, then backing off to a minute, so a long time offline costs almost nothing.
const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000];
function scheduleRetry(): void {
  if (retryTimer) return;
  const delay = RETRY_DELAYS_MS[Math.min(failedAttempts, RETRY_DELAYS_MS.length - 1)];
  failedAttempts += 1;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flushOutbox();
  }, delay);
}

/**
 * The person is no longer signed in here (signed out, or their session ended elsewhere): the key
 * leaves memory, sealed writes stay for their next sign-in here, and they are told so. Writes that
 * waited in this tab's memory cannot be kept safely: they are dropped, and the person is told.
 */
function leftBy(userId: string): void {
  forgetOutboxKey();
  const { stored, memory } = waitingFor(userId);
  inMemory = inMemory.filter((i) => i.userId !== userId);
  if (memory > 0)
    outboxProblem.value = `${things(memory)} you saved while offline could not be sent before you signed out, and this browser cannot keep ${memory === 1 ? 'it' : 'them'} safely. Please add ${memory === 1 ? 'it' : 'them'} again when you are back.`;
  if (stored > 0)
    outboxNotice.value =
      stored === 1
        ? 'One thing you saved on this device while offline is still waiting, sealed so nobody can read it here. It will be sent the next time you sign in on this device.'
        : `${stored} things you saved on this device while offline are still waiting, sealed so nobody can read them here. They will be sent the next time you sign in on this device.`;
}

let started = false;

/** Starts the outbox once (main.tsx loads this module when someone is signed in). */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void flushOutbox());
  // Another tab queued or sent something.
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) refreshCount();
  });
  let signedIn: string | null = null;
  effect(() => {
    const userId = me.value?.id ?? null;
    if (signedIn && signedIn !== userId) leftBy(signedIn);
    signedIn = userId;
    refreshCount();
    // Fetching the key now (even with nothing waiting) lets a write made offline later be sealed.
    if (userId && canSeal()) void outboxKey(userId).then(() => flushOutbox());
  });
}
