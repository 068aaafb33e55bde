import { effect, signal } from '@preact/signals';
import type { Contracts, RouteId } from '../../../src/contracts';
import { type Answer, type ApiArgs, ApiError, api, endpoints, newIdempotencyKey, routeOfPath } from '../api/client';
import { me } from './session';

/**
 * The offline outbox: log marks, acknowledgements and check-ins made without a connection wait on
 * this device and are sent, in order, when it comes back. Each carries the Idempotency-Key it was
 * given when the person pressed the button, so sending it twice (a flaky network, two tabs
 * flushing at once, a reload mid-send) changes nothing on the server: it was done once.
 *
 * Items are kept in localStorage per person, so someone else signing in on the same device never
 * sends them; signing out on purpose discards them (they may hold private words).
 */

/** Only a write the server replays by its Idempotency-Key may wait here (its contract says `idempotent`). */
export type QueueableRoute = { [Id in RouteId]: Contracts[Id] extends { idempotent: true } ? Id : never }[RouteId];

/** A route's input, required when the route needs one, as `api` takes it. */
type InputArgs<Id extends RouteId> = undefined extends ApiArgs<Id>[0] ? [input?: ApiArgs<Id>[0]] : [input: ApiArgs<Id>[0]];

export interface OutboxItem {
  key: string;
  userId: string;
  routeId: QueueableRoute;
  input: unknown;
  queuedAt: string;
}

/** What the previous version stored: a method and a path relative to /api/v1. Read, never written. */
interface LegacyItem {
  key: string;
  userId: string;
  method: string;
  path: string;
  body?: unknown;
  queuedAt: string;
}

type StoredItem = OutboxItem | LegacyItem;

export type QueuedResult<T> = { sent: true; data: T } | { sent: false };

const STORAGE_KEY = 'attune.outbox.v1';

/** How many writes wait on this device for the signed-in person. */
export const pendingWrites = signal(0);
/** A queued write the server later refused (for example, the day had passed): shown once, kindly. */
export const outboxProblem = signal<string | null>(null);
/** Bumped after queued writes went through, so screens fetch again. */
export const outboxFlushed = signal(0);

const isStored = (x: unknown): x is StoredItem =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as StoredItem).key === 'string' &&
  typeof (x as StoredItem).userId === 'string';

function readAll(): StoredItem[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isStored) : [];
  } catch {
    return [];
  }
}

const isRouteId = (id: unknown): id is RouteId => typeof id === 'string' && Object.hasOwn(endpoints, id);

/**
 * The route an item is for: as stored, or, for an item queued by the previous version, matched
 * back from its method and path. Null when no route of this version matches: it cannot be sent.
 */
function routeOf(item: StoredItem): { routeId: RouteId; input: unknown } | null {
  if ('routeId' in item) return isRouteId(item.routeId) ? { routeId: item.routeId, input: item.input } : null;
  if (typeof item.method !== 'string' || typeof item.path !== 'string') return null;
  const found = routeOfPath(item.method, item.path);
  if (!found || !isRouteId(found.id)) return null;
  return {
    routeId: found.id,
    input: item.body === undefined ? { params: found.params } : { params: found.params, body: item.body },
  };
}

function writeAll(items: StoredItem[]): void {
  try {
    if (items.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
  } catch {
    // Storage full or blocked: the write stays in memory for this tab only.
  }
  refreshCount();
}

function refreshCount(): void {
  const userId = me.value?.id;
  pendingWrites.value = userId ? readAll().filter((i) => i.userId === userId).length : 0;
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
 * Sends a write now if it can; when the device is offline, keeps it to send later and answers
 * `{ sent: false }`. Server refusals (validation, permission) are thrown as usual.
 */
export async function queuedWrite<Id extends QueueableRoute>(
  routeId: Id,
  ...[input]: InputArgs<Id>
): Promise<QueuedResult<Answer<Id>>> {
  const userId = me.value?.id;
  const key = newIdempotencyKey();
  const queue = () => {
    if (!userId) throw new ApiError(401, 'signed_out', 'Please sign in again to save this.');
    writeAll([...readAll(), { key, userId, routeId, input, queuedAt: new Date().toISOString() }]);
    return { sent: false } as const;
  };
  // Earlier writes go first, so a later change never overtakes an earlier one.
  if ((typeof navigator !== 'undefined' && navigator.onLine === false) || pendingWrites.value > 0) {
    const result = queue();
    void flushOutbox();
    return result;
  }
  try {
    return { sent: true, data: (await send(routeId, input, { idempotencyKey: key })) as Answer<Id> };
  } catch (err) {
    if (!isOffline(err)) throw err;
    // The request may have reached the server before the connection dropped: sending it again
    // with the same key is safe, and soon, in case the browser never reports going offline.
    const result = queue();
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

async function sendWaiting(): Promise<void> {
  const userId = me.value?.id;
  if (!userId) return;
  let sentAny = false;
  for (;;) {
    const next = readAll().find((i) => i.userId === userId);
    if (!next) break;
    const route = routeOf(next);
    if (!route) outboxProblem.value = NOT_SENT;
    else {
      try {
        await send(route.routeId, route.input, { idempotencyKey: next.key });
        sentAny = true;
        failedAttempts = 0;
      } catch (err) {
        if (isTransient(err)) {
          scheduleRetry();
          break;
        }
        outboxProblem.value =
          err instanceof ApiError ? `Something saved while offline could not be sent: ${err.message}` : NOT_SENT;
      }
    }
    writeAll(readAll().filter((i) => i.key !== next.key));
  }
  if (sentAny) outboxFlushed.value += 1;
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

/** Forgets this person's waiting writes (on signing out on purpose). */
export function discardOutbox(userId: string): void {
  writeAll(readAll().filter((i) => i.userId !== userId));
}

export function startOutbox(): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('online', () => void flushOutbox());
  // Another tab queued or sent something.
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) refreshCount();
  });
  effect(() => {
    if (me.value) {
      refreshCount();
      void flushOutbox();
    } else pendingWrites.value = 0;
  });
}
