import type { Context } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { normalizeEmail } from '../../domain/email.js';
import { sessionNoticeDue, signInLimit } from '../../domain/known-devices.js';
import { passwordProblem } from '../../domain/password-rules.js';
import { checkLimit, clearBucket, recordHit } from '../../platform/rate-limit.js';
import { hashToken } from '../../platform/tokens.js';
import { AppError, badInput, conflict } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { isValidTimeZone, toDbTime } from '../../shared/time.js';
import { noticeNewSession } from '../notifications/account-notices.js';
import { openFirstSpace } from '../spaces/spaces.service.js';
import type { LoginBody, SignupBody, UserView } from './auth.schema.js';
import { describeDevice } from './device.js';
import { knownDeviceOf } from './known-devices.js';
import { openName, sealName } from './names.js';
import { rotateSession } from './session.service.js';
import { findUserByEmail, insertUser } from './users.repo.js';

export function requireValidTimeZone(zone: string | undefined, fallback = 'UTC'): string {
  if (zone === undefined) return fallback;
  if (!isValidTimeZone(zone)) throw badInput([{ path: 'timeZone', message: 'That is not a time zone we know.' }]);
  return zone;
}

export function requireGoodPassword(password: string, context: { email?: string }, field = 'password'): void {
  const problem = passwordProblem(password, context);
  if (problem) throw badInput([{ path: field, message: problem }]);
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

/** What a new account is made of, whatever its kind. */
export interface NewAccount {
  email: string;
  password: string;
  name: string;
  timeZone?: string | undefined;
}

/**
 * Makes an account of either kind and signs this browser in, all in one transaction: the checks
 * sign-up makes (password rules, one account per normalised email, 409 `email_taken`), a data key
 * of its own, the name sealed under it, and a first session that opens the private places like any
 * sign-in. `within` adds what the kind needs in the same transaction (a partner's first space, a
 * therapist's accepted invitation); if it throws, nothing is made.
 */
export async function createAccount(
  c: Context,
  deps: AppDeps,
  body: NewAccount,
  role: 'partner' | 'therapist',
  within: (trx: Db, userId: string, now: Date) => Promise<void>,
): Promise<UserView> {
  const email = normalizeEmail(body.email);
  const name = body.name.trim();
  requireGoodPassword(body.password, { email });
  const timeZone = requireValidTimeZone(body.timeZone);
  if (await findUserByEmail(deps.db, email)) throw emailTaken();
  const passwordHash = await deps.passwords.hash(body.password);
  const now = deps.clock.now();
  const nowIso = toDbTime(now);
  const userId = newId(now);
  const wrappedKey = deps.sealer.createUserKey(userId);
  const nameSealed = await sealName(deps, userId, name);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertUser(trx, {
        id: userId,
        email,
        name_sealed: nameSealed,
        role,
        password_hash: passwordHash,
        data_key_wrapped: wrappedKey,
        time_zone: timeZone,
        created_at: nowIso,
        updated_at: nowIso,
      });
      await within(trx, userId, now);
      await rotateSession(c, deps, trx, userId);
    });
  } catch (error) {
    deps.sealer.forget(userId);
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return { id: userId, email, name };
}

/** A new partner's account, its own space and a first session, all in one transaction. */
export function signUp(c: Context, deps: AppDeps, body: SignupBody): Promise<UserView> {
  return createAccount(c, deps, body, 'partner', (trx, userId, now) =>
    openFirstSpace(trx, userId, toDbTime(now), now).then(() => undefined),
  );
}

export const emailTaken = () =>
  conflict(
    'email_taken',
    'An account with this email already exists. You can sign in, or reset the password if it has slipped your mind.',
  );

const wrongCredentials = () =>
  new AppError(401, 'wrong_credentials', 'That email and password do not match an account. Please check them and try again.');

export async function logIn(c: Context, deps: AppDeps, body: LoginBody): Promise<UserView> {
  const email = normalizeEmail(body.email);
  const now = deps.clock.now();
  const { windowMs, signInFailuresPerAccount } = deps.config.rateLimit;
  const user = await findUserByEmail(deps.db, email);
  // A browser that signed in to this account before is counted on its own: guesses from elsewhere
  // never stop it, and its own are limited too (decision 024). Every other browser shares the
  // account's count, keyed by the address typed whether or not an account exists, so the limit
  // says nothing either.
  const limit = signInLimit(await knownDeviceOf(c, deps, deps.db, user?.id ?? null), signInFailuresPerAccount);
  const bucket =
    limit.scope === 'device'
      ? `signin-device-failures:${hashToken(deps.secrets.sessionSecret, 'rate', limit.deviceId)}`
      : `signin-failures:${hashToken(deps.secrets.sessionSecret, 'rate', email)}`;
  // The attempt is recorded before the (slow) password check and counted with it, so a burst of
  // simultaneous guesses cannot all slip under the limit together.
  await recordHit(deps.db, bucket, windowMs, now);
  const verdict = await checkLimit(deps.db, bucket, limit.failures + 1, windowMs, now);
  if (verdict.limited) {
    throw new AppError(
      429,
      'rate_limited',
      limit.scope === 'device'
        ? 'There have been too many attempts to sign in from this browser. Please wait a little and try again, or reset the password.'
        : 'There have been too many attempts to sign in to this account. Please wait a little and try again, or reset the password.',
      undefined,
      { 'Retry-After': String(verdict.retryAfterSeconds) },
    );
  }
  let ok = false;
  if (user) ok = await deps.passwords.verify(user.password_hash, body.password);
  else await deps.passwords.verifyNothing(body.password);
  if (!user || !ok) throw wrongCredentials();
  // Only this browser's count starts afresh: a known browser signing in leaves the count that
  // unknown browsers share as it is, so whoever is guessing elsewhere gets no new tries from it.
  await clearBucket(deps.db, bucket);
  await deps.db.transaction().execute((trx) => rotateSession(c, deps, trx, user.id));
  if (sessionNoticeDue('sign-in', user.role)) {
    await noticeNewSession(deps, user.id, describeDevice(c.req.header('user-agent')));
  }
  return { id: user.id, email: user.email, name: await openName(deps, user.id, user.name_sealed) };
}
