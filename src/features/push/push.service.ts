import { createECDH } from 'node:crypto';
import type { AppDeps } from '../../deps.js';
import { type Actor, decideOwned } from '../../domain/access-policy.js';
import { NEUTRAL_PUSH } from '../../domain/notification-words.js';
import { PUSH_LIMITS, pushEndpointProblem, pushOutcome } from '../../domain/push.js';
import { hashToken } from '../../platform/tokens.js';
import { enforce } from '../../shared/enforce.js';
import { badInput } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { describeDevice } from '../auth/device.js';
import { type BrowserSubscription, buildPushRequest, sendPushRequest } from './push.delivery.js';
import {
  deleteEndpointOfOthers,
  deleteSubscription,
  findByEndpointHash,
  findSubscription,
  insertSubscription,
  listSubscriptions,
  type PushSubscriptionRow,
  trimSubscriptions,
  updateSubscription,
} from './push.repo.js';
import type { PushDeviceView, PushState } from './push.schema.js';

// Web push (step 5). A person turns push on per browser; the server keeps the browser's address and
// keys sealed under the person's key, and sends one thing only: the fixed neutral words of
// domain/notification-words.ts, never anything a person wrote. Subscriptions are account records
// like sessions: their owner sees and removes them; anyone else gets the answer of a missing one.

export const context = (column: 'endpoint' | 'keys' | 'device', rowId: string) => ({
  table: 'push_subscriptions',
  column,
  rowId,
});
const endpointHashOf = (deps: AppDeps, endpoint: string) => hashToken(deps.secrets.sessionSecret, 'push-endpoint', endpoint);

export interface SubscribeInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  device?: string | null | undefined;
}

async function deviceView(deps: AppDeps, row: PushSubscriptionRow): Promise<PushDeviceView> {
  return {
    id: row.id,
    device: await deps.sealer.open(row.user_id, context('device', row.id), row.device_sealed),
    createdAt: fromDbTime(row.created_at).toISOString(),
  };
}

export async function readPushState(deps: AppDeps, actor: Actor): Promise<PushState> {
  const rows = await listSubscriptions(deps.db, actor.userId, PUSH_LIMITS.perPerson);
  return {
    publicKey: deps.vapid.publicKey,
    subscriptions: await Promise.all(rows.map((row) => deviceView(deps, row))),
  };
}

/** A point on P-256, as the browser's p256dh key must be: the encryption would fail on anything else. */
function isP256Point(p256dh: string): boolean {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(Buffer.from(p256dh, 'base64url'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns push on for a browser, or refreshes it: the same endpoint for the same person is the same
 * device (its keys and name are updated, its id kept). It belongs to the session that saved it last
 * and ends with it (decision 024). An endpoint another person had is theirs no
 * longer (someone else signed in on that browser). Past PUSH_LIMITS.perPerson, the oldest goes.
 */
export async function subscribe(
  deps: AppDeps,
  actor: Actor,
  sessionId: string,
  input: SubscribeInput,
  userAgent: string | undefined,
) {
  const problem = pushEndpointProblem(input.endpoint, { allowLoopback: deps.config.pushLoopback });
  if (problem) throw badInput([{ path: 'endpoint', message: problem }]);
  if (!isP256Point(input.keys.p256dh)) {
    throw badInput([{ path: 'keys.p256dh', message: 'This browser gave a key Attune cannot use.' }]);
  }
  const device = input.device || describeDevice(userAgent);
  const keys = JSON.stringify({ p256dh: input.keys.p256dh, auth: input.keys.auth });
  // The same browser subscribing twice at once (two tabs, a retried request), or two people on one
  // browser: the unique endpoint hash lets one insert win; the other looks again and refreshes it.
  for (let attempt = 1; ; attempt++) {
    try {
      return await subscribeOnce(deps, actor.userId, sessionId, input.endpoint, keys, device);
    } catch (err) {
      if (attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

async function subscribeOnce(deps: AppDeps, userId: string, sessionId: string, endpoint: string, keys: string, device: string) {
  const endpointHash = endpointHashOf(deps, endpoint);
  const now = deps.clock.now();

  const existing = await findByEndpointHash(deps.db, endpointHash);
  const mine = existing?.user_id === userId ? existing : undefined;
  const id = mine?.id ?? newId(now);
  const sealed = {
    keys_sealed: await deps.sealer.seal(userId, context('keys', id), keys),
    device_sealed: await deps.sealer.seal(userId, context('device', id), device),
    // Saved again from a later session (the person signed in anew), it now ends with that one.
    session_id: sessionId,
  };
  const row: PushSubscriptionRow = mine
    ? { ...mine, ...sealed }
    : {
        id,
        user_id: userId,
        endpoint_hash: endpointHash,
        endpoint_sealed: await deps.sealer.seal(userId, context('endpoint', id), endpoint),
        ...sealed,
        created_at: toDbTime(now),
      };
  await deps.db.transaction().execute(async (trx) => {
    await deleteEndpointOfOthers(trx, userId, endpointHash);
    if (mine) {
      await updateSubscription(trx, userId, id, sealed);
    } else {
      await insertSubscription(trx, row);
      await trimSubscriptions(trx, userId, PUSH_LIMITS.perPerson);
    }
  });
  return deviceView(deps, row);
}

export async function unsubscribe(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await findSubscription(deps.db, id);
  enforce(decideOwned(actor, row && { ownerId: row.user_id }));
  await deleteSubscription(deps.db, actor.userId, id);
}

export interface PushResult {
  /** Devices whose push service accepted the message. */
  sent: number;
  /** Devices whose subscription had ended (404/410), now removed. */
  removed: number;
}

/**
 * Sends the fixed neutral message to each of the person's devices. A push service that answers 404
 * or 410 has ended that subscription, so it is removed; any other failure is logged (ids and
 * statuses only) and the device stays for next time. Never throws for a device that fails.
 */
export async function sendPush(deps: AppDeps, userId: string): Promise<PushResult> {
  const rows = await listSubscriptions(deps.db, userId, PUSH_LIMITS.perPerson);
  const payload = JSON.stringify(NEUTRAL_PUSH);
  const outcomes = await Promise.all(rows.map((row) => deliver(deps, row, payload)));
  return {
    sent: outcomes.filter((o) => o === 'sent').length,
    removed: outcomes.filter((o) => o === 'gone').length,
  };
}

async function deliver(deps: AppDeps, row: PushSubscriptionRow, payload: string) {
  let status: number | null;
  try {
    const subscription: BrowserSubscription = {
      endpoint: await deps.sealer.open(row.user_id, context('endpoint', row.id), row.endpoint_sealed),
      keys: JSON.parse(await deps.sealer.open(row.user_id, context('keys', row.id), row.keys_sealed)),
    };
    status = await sendPushRequest(buildPushRequest(subscription, payload, deps.vapid));
  } catch (err) {
    deps.logger.warn({ subscriptionId: row.id, err: err instanceof Error ? err.name : 'error' }, 'push message not built');
    return 'failed' as const;
  }
  const outcome = status === null ? 'failed' : pushOutcome(status);
  if (outcome === 'gone') await deleteSubscription(deps.db, row.user_id, row.id);
  if (outcome === 'failed') deps.logger.warn({ subscriptionId: row.id, status }, 'push service did not accept the message');
  return outcome;
}
