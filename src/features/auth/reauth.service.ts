import type { AppDeps } from '../../deps.js';
import { freshReauthHolds, reauthHolds } from '../../domain/reauth.js';

/** The session a re-authentication is about: the signed-in account's own, on this device. */
export interface OwnSession {
  userId: string;
  sessionId: string;
}

/** A partner (SignedInUser) or any account: both name their own session. */
const sessionOf = (who: OwnSession | { actor: { userId: string }; sessionId: string }): OwnSession =>
  'actor' in who ? { userId: who.actor.userId, sessionId: who.sessionId } : who;

import { checkLimit, clearBucket, recordHit } from '../../platform/rate-limit.js';
import { hashToken } from '../../platform/tokens.js';
import { AppError } from '../../shared/errors.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { findReauthStamps, stampReauth } from './sessions.repo.js';
import { passwordMatches } from './users.read.js';

// The one re-authentication mechanism (decision 022). Both stamps live on the person's own session
// row and nowhere else: not an event, not a notification, not an idempotency row (the routes that
// call `reauthenticate` are not idempotent on purpose). Each function acts on the signed-in person's
// current session only, so a re-entry on one device opens nothing on another.

/** A wrong password; `field` names the field it was typed in, for a form that has several. */
const wrongPassword = (field?: string) =>
  new AppError(
    401,
    'wrong_password',
    'That password does not match. Please try again, or sign out and reset it if it has slipped your mind.',
    field ? [{ path: field, message: 'That is not your current password. Please try again.' }] : undefined,
  );

const reauthRequired = (message: string) => new AppError(403, 'reauth_required', message);

/**
 * Checks the password and stamps this session: the private places open for 15 idle minutes and the
 * fresh stamp for sensitive actions holds for 5. Wrong passwords are limited like sign-in failures
 * (429 once over the limit), in a bucket of their own, named generically.
 */
export async function reauthenticate(deps: AppDeps, who: Parameters<typeof sessionOf>[0], password: string): Promise<void> {
  const { userId, sessionId } = sessionOf(who);
  await checkPasswordAgain(deps, userId, password);
  await stampReauth(deps.db, userId, sessionId, toDbTime(deps.clock.now()), true);
}

/** The one count of failed re-entries of a person (a password, or a passkey that did not verify). */
export const reentryBucket = (deps: AppDeps, userId: string): string =>
  `reauth-failures:${hashToken(deps.secrets.sessionSecret, 'rate', userId)}`;

/**
 * The password entered again by a signed-in person: 401 `wrong_password` when it is not theirs, 429
 * once over the limit. One count for every re-entry (re-authentication and a password change), named
 * generically so the bucket says nothing about which. Nothing is stamped here.
 */
export async function checkPasswordAgain(deps: AppDeps, userId: string, password: string, field?: string): Promise<void> {
  const now = deps.clock.now();
  const { windowMs, signInFailuresPerAccount } = deps.config.rateLimit;
  // Named for re-entering a password in general, so the bucket says nothing about which place.
  const bucket = reentryBucket(deps, userId);
  // Recorded before the (slow) check and counted with it, as at sign-in: a burst of guesses at once
  // cannot all slip under the limit together.
  await recordHit(deps.db, bucket, windowMs, now);
  const verdict = await checkLimit(deps.db, bucket, signInFailuresPerAccount + 1, windowMs, now);
  if (verdict.limited) {
    throw new AppError(429, 'rate_limited', 'There have been too many tries. Please wait a little and try again.', undefined, {
      'Retry-After': String(verdict.retryAfterSeconds),
    });
  }
  if (!(await passwordMatches(deps, userId, password))) throw wrongPassword(field);
  await clearBucket(deps.db, bucket);
}

async function stampsOf(deps: AppDeps, session: OwnSession) {
  const row = await findReauthStamps(deps.db, session.userId, session.sessionId);
  const iso = (value: string | null | undefined) => (value ? fromDbTime(value).toISOString() : null);
  return { reauthAt: iso(row?.reauth_at), freshAt: iso(row?.fresh_reauth_at) };
}

/**
 * For a private place (For me, "Is it working?"): 403 `reauth_required` once 15 minutes have passed
 * without using one on this session; otherwise the window slides on from now.
 */
export async function requirePrivatePlaces(deps: AppDeps, who: Parameters<typeof sessionOf>[0]): Promise<void> {
  const now = deps.clock.now();
  const session = sessionOf(who);
  const { reauthAt } = await stampsOf(deps, session);
  if (!reauthHolds(reauthAt, now.toISOString())) {
    throw reauthRequired('For your privacy, please enter your password again to open this page.');
  }
  await stampReauth(deps.db, session.userId, session.sessionId, toDbTime(now), false);
}

/**
 * For a sensitive action (export, deletion, a new password): 403 `reauth_required` unless the password
 * was entered again on this session within the last 5 minutes. Never slid: each action asks afresh
 * once the 5 minutes are over.
 */
export async function requireFreshReauth(deps: AppDeps, who: Parameters<typeof sessionOf>[0]): Promise<void> {
  const { freshAt } = await stampsOf(deps, sessionOf(who));
  if (!freshReauthHolds(freshAt, deps.clock.now().toISOString())) {
    throw reauthRequired('For your safety, please enter your password again to do this.');
  }
}
