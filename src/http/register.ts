import type { Context, Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { checkLimit, recordHit } from '../platform/rate-limit.js';
import { hashToken } from '../platform/tokens.js';
import { AppError, signedOut } from '../shared/errors.js';
import { clientAddress } from './client-address.js';
import { type Claim, claimIdempotencyKey, idempotencyKeyOf } from './idempotency.js';
import { AnswerWith, type AnyRoute, type Caller, type SuccessStatus } from './route.js';
import { depsWithin } from './unit-of-work.js';
import { parseInput } from './validation.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** Refusals that a retry with the same Idempotency-Key should get past, so they are never stored. */
const RETRYABLE_REFUSALS = new Set(['request_in_progress', 'reauth_required']);

export const tooLarge = () => new AppError(413, 'body_too_large', 'That is more than we can take in one go (64 KB at most).');

async function readJsonBody(c: Context): Promise<unknown> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError(415, 'unsupported_media_type', 'Please send the request body as JSON (Content-Type: application/json).');
  }
  const raw = await c.req.arrayBuffer();
  if (raw.byteLength > MAX_BODY_BYTES) throw tooLarge();
  const text = new TextDecoder().decode(raw);
  if (text.trim() === '') throw new AppError(400, 'invalid_json', 'The request needs a JSON body.');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/** Public writes (sign-up, sign-in, resets) are limited per address, across processes. */
async function limitByAddress(c: Context, deps: AppDeps): Promise<void> {
  const { windowMs, requestsPerAddress } = deps.config.rateLimit;
  const now = deps.clock.now();
  const bucket = `address:${hashToken(deps.secrets.sessionSecret, 'rate', clientAddress(c, deps.config.trustProxy))}`;
  const verdict = await checkLimit(deps.db, bucket, requestsPerAddress, windowMs, now);
  if (verdict.limited) {
    throw new AppError(
      429,
      'rate_limited',
      'There have been a lot of requests from here. Please wait a little and try again.',
      undefined,
      {
        'Retry-After': String(verdict.retryAfterSeconds),
      },
    );
  }
  await recordHit(deps.db, bucket, windowMs, now);
}

/**
 * Who is asking: the session behind the request's cookie and the person as the access policy sees
 * them, or null. The auth feature provides it; the composition root passes it in (src/app.ts).
 */
export type ResolveUser = (c: Context, deps: AppDeps) => Promise<Caller | null>;

const partnersOnly = () => new AppError(403, 'partners_only', 'This part of Attune is for the two partners of a space.');
const therapistsOnly = () => new AppError(403, 'therapists_only', 'This part of Attune is for a therapist invited by a couple.');

/** 401 before anything else; then the kind of account the route is for (403 for the other kind). */
function admit(route: AnyRoute, caller: Caller | null): void {
  if (route.access === 'public') return;
  if (!caller) throw signedOut();
  if (route.access === 'signed-in' && caller.account.role !== 'partner') throw partnersOnly();
  if (route.access === 'therapist' && caller.account.role !== 'therapist') throw therapistsOnly();
}

interface Answered {
  status: SuccessStatus;
  body: unknown;
}

/** Runs the handler and reads its answer: the contract's status, or the second one it allows. */
async function runHandler(route: AnyRoute, input: Parameters<AnyRoute['handle']>[0]): Promise<Response | Answered> {
  const result = await route.handle(input);
  if (result instanceof Response) return result;
  if (result instanceof AnswerWith) {
    if (result.status !== route.success.alsoStatus) throw new Error(`${route.id} answered ${result.status}, not in its contract`);
    return { status: result.status, body: result.body };
  }
  return { status: route.success.status, body: result };
}

function respond(c: Context, answer: Answered): Response {
  if (answer.status === 204) return c.body(null, 204);
  return c.json(answer.body, answer.status as 200);
}

/** Registers one route: session, access, validation, then the handler. Order matters: 401 before 400. */
export function registerRoute(app: Hono, route: AnyRoute, deps: AppDeps, resolveUser: ResolveUser): void {
  app.on(route.method, route.path, async (c) => {
    c.set('routeId' as never, route.id as never);
    const caller = await resolveUser(c, deps);
    admit(route, caller);
    const user = caller?.user ?? null;
    const account = caller?.account ?? null;
    if (route.limitPerAddress) await limitByAddress(c, deps);
    const params = route.params ? parseInput(route.params, c.req.param(), 'params') : undefined;
    const query = route.query ? parseInput(route.query, c.req.query(), 'query') : undefined;
    const body = route.body ? parseInput(route.body, await readJsonBody(c), 'body') : undefined;
    const claim: Claim =
      route.idempotent && account
        ? await claimIdempotencyKey(deps, account.userId, idempotencyKeyOf(c), route, { params, body })
        : { kind: 'none' };
    if (claim.kind === 'replay') {
      c.header('Idempotent-Replayed', 'true');
      const { status, body: answer } = claim.answer;
      return status === 204 ? c.body(null, 204) : c.json(answer, status as 200);
    }
    if (claim.kind !== 'claimed') {
      const answer = await runHandler(route, { c, deps, user, account, params, query, body });
      return answer instanceof Response ? answer : respond(c, answer);
    }
    let answer: Response | Answered;
    try {
      // The write and its stored answer commit together (unit-of-work.ts): no duplicate after a crash.
      answer = await deps.db.transaction().execute(async (trx) => {
        const scoped = depsWithin(deps, trx);
        const result = await runHandler(route, { c, deps: scoped, user, account, params, query, body });
        if (result instanceof Response) return result;
        await claim.finish({ status: result.status, body: result.status === 204 ? null : result.body }, scoped);
        return result;
      });
    } catch (err) {
      // The transaction rolled back: nothing of this request was written. A refusal is the answer
      // to this request, so a replay refuses alike; a crash is not, and neither is "still being
      // saved, try again" nor "enter your password again" (kept, the retry with this key would hear
      // it forever, even after the person did what it asked).
      if (err instanceof AppError && err.status < 500 && !RETRYABLE_REFUSALS.has(err.code)) {
        await claim.finish({ status: err.status, body: err.toBody() });
      } else await claim.release();
      throw err;
    }
    return answer instanceof Response ? answer : respond(c, answer);
  });
}
