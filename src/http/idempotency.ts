import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { hashToken } from '../platform/tokens.js';
import { AppError, badInput } from '../shared/errors.js';
import { DAY_MS, SECOND_MS, toDbTime } from '../shared/time.js';
import type { Contract } from './contract.js';
import { MAX_INPUT_DEPTH } from './hostile-input.js';

/**
 * Idempotency-Key for writes a browser may send twice (a retry after a dropped connection, the
 * offline outbox flushing from two tabs). The first request with a key claims it; its answer is
 * stored (sealed: it can hold the person's words) and every later request with the same key and the
 * same content answers it again without running anything. The same key with different content is
 * a client bug and answers 422. A second request arriving while the first still runs answers 409
 * `request_in_progress` (the outbox tries again shortly).
 *
 * The claim is its own small write; the handler's changes and the stored answer then commit in one
 * transaction (unit-of-work.ts). If the process dies before that commit, nothing of the request was
 * written and the claim stays 'pending'; after the lease (IDEMPOTENCY_LEASE_SECONDS, default 60) a
 * retry runs the handler again, once. If it dies after, the retry replays the stored answer
 * (docs/decisions/013-idempotency-keys.md).
 */

const HEADER = 'idempotency-key';
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const KEEP_KEYS_MS = 7 * DAY_MS;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type Claim =
  | { kind: 'none' }
  | {
      kind: 'claimed';
      /** Stores the answer; `within` is the unit of work's deps, so it commits with the write. */
      finish: (answer: StoredAnswer, within?: Pick<AppDeps, 'db' | 'sealer'>) => Promise<void>;
      release: () => Promise<void>;
    }
  | { kind: 'replay'; answer: StoredAnswer };

/** The key from the request, validated; undefined when the client sent none. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const raw = c.req.header(HEADER);
  if (raw === undefined) return undefined;
  if (!KEY_SHAPE.test(raw)) {
    throw badInput([{ path: 'headers.idempotency-key', message: 'Please send 1 to 255 visible characters, with no spaces.' }]);
  }
  return raw;
}

const inProgress = () =>
  new AppError(
    409,
    'request_in_progress',
    'The same request is still being saved. Please wait a moment; it will be there.',
    undefined,
    { 'Retry-After': '1' },
  );

const keyReused = () =>
  new AppError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was already used for a different request. Please use a new key for each new change.',
  );

// Object keys sorted, so the same content always hashes alike whatever order the client wrote it in.
/**
 * A stable text form of the request (keys sorted), so two equal requests fingerprint alike.
 * Recursive, so it refuses depth itself rather than trusting every caller: validation already
 * stops bodies at MAX_INPUT_DEPTH, and this bound is the backstop that keeps a deep value a 400.
 */
function canonical(value: unknown, depth = 0): string {
  if (depth > MAX_INPUT_DEPTH + 2)
    throw badInput([{ path: 'body', message: 'This is nested more deeply than anything here accepts.' }]);
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item, depth + 1)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, depth + 1)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const answerContext = (userId: string, keyHash: string) => ({
  table: 'idempotency_keys',
  column: 'response',
  rowId: `${userId}:${keyHash}`,
});

let claimsSincePrune = 0;

/**
 * Claims the key for this request, or finds the answer a first request with it already gave.
 * `request` is what makes two requests the same: the route, its path parameters and its body.
 */
export async function claimIdempotencyKey(
  deps: AppDeps,
  userId: string,
  key: string | undefined,
  route: Contract,
  request: { params: unknown; body: unknown },
): Promise<Claim> {
  if (key === undefined) return { kind: 'none' };
  const secret = deps.secrets.sessionSecret;
  const keyHash = hashToken(secret, 'idempotency-key', key);
  const fingerprint = hashToken(secret, 'idempotency-request', canonical({ route: route.id, ...request }));
  const now = deps.clock.now();

  for (let attempt = 0; attempt < 2; attempt += 1) {
    const inserted = await deps.db
      .insertInto('idempotency_keys')
      .values({
        user_id: userId,
        key_hash: keyHash,
        route_id: route.id,
        fingerprint,
        state: 'pending',
        response_status: null,
        response_sealed: null,
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
      })
      .onConflict((oc) => oc.columns(['user_id', 'key_hash']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      await pruneNowAndThen(deps, now);
      return claimed(deps, userId, keyHash);
    }

    const existing = await deps.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
    if (!existing) continue; // released between our insert and read: claim it again
    if (existing.fingerprint !== fingerprint) throw keyReused();
    if (existing.state === 'done' && existing.response_status !== null) {
      const body =
        existing.response_sealed === null
          ? null
          : JSON.parse(await deps.sealer.open(userId, answerContext(userId, keyHash), existing.response_sealed));
      return { kind: 'replay', answer: { status: existing.response_status, body } };
    }
    // Still pending. A first request that died mid-way is taken over once it is clearly stale.
    const staleBefore = toDbTime(new Date(now.getTime() - deps.config.idempotencyLeaseSeconds * SECOND_MS));
    const taken = await deps.db
      .updateTable('idempotency_keys')
      .set({ updated_at: toDbTime(now) })
      .where('user_id', '=', userId)
      .where('key_hash', '=', keyHash)
      .where('state', '=', 'pending')
      .where('updated_at', '<', staleBefore)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return claimed(deps, userId, keyHash);
    throw inProgress();
  }
  throw inProgress();
}

function claimed(deps: AppDeps, userId: string, keyHash: string): Claim {
  const row = (q: ReturnType<typeof deps.db.updateTable<'idempotency_keys'>>) =>
    q.where('user_id', '=', userId).where('key_hash', '=', keyHash);
  return {
    kind: 'claimed',
    finish: async (answer, within = deps) => {
      const sealed =
        answer.body === null || answer.body === undefined
          ? null
          : await within.sealer.seal(userId, answerContext(userId, keyHash), JSON.stringify(answer.body));
      await row(within.db.updateTable('idempotency_keys'))
        .set({
          state: 'done',
          response_status: answer.status,
          response_sealed: sealed,
          updated_at: toDbTime(deps.clock.now()),
        })
        .execute();
    },
    release: async () => {
      await deps.db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key_hash', '=', keyHash).execute();
    },
  };
}

// Keeps the table bounded without a scheduler: every so often, keys older than a week go.
async function pruneNowAndThen(deps: AppDeps, now: Date): Promise<void> {
  claimsSincePrune += 1;
  if (claimsSincePrune < 500) return;
  claimsSincePrune = 0;
  await deps.db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', toDbTime(new Date(now.getTime() - KEEP_KEYS_MS)))
    .execute();
}
