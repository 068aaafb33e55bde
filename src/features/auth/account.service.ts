import type { Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import { normalizeEmail } from '../../domain/email.js';
import { badInput } from '../../shared/errors.js';
import { toDbTime } from '../../shared/time.js';
import { endAllPushOf } from '../push/session-ends.js';
import type { ChangePasswordBody } from './auth.schema.js';
import { emailTaken, isUniqueViolation, requireGoodPassword } from './auth.service.js';
import { forgetOtherDevices, rememberDevice } from './known-devices.js';
import { endResetLinks } from './password-reset.service.js';
import { checkPasswordAgain, type OwnSession, requireFreshReauth } from './reauth.service.js';
import { deleteOtherSessions, stampReauth } from './sessions.repo.js';
import { findUserByEmail, findUserById, updateUser } from './users.repo.js';

// Your account, safe from a partner with access (decision 024): a new password while signed in,
// and a new email after a fresh re-authentication.

/**
 * Changes the password. The current one, typed in the same request, is the re-authentication: a
 * wrong one answers 401 `wrong_password` (naming the field) and counts toward the re-entry limit
 * (429 past it). Every other session of the person ends now, with every push subscription of theirs
 * and every known browser but this one; this session stays, stamped as freshly re-authenticated.
 * Waiting reset links stop working. Nothing about either password is kept anywhere but the new hash.
 */
export async function changePassword(c: Context, deps: AppDeps, session: OwnSession, body: ChangePasswordBody): Promise<void> {
  const { userId, sessionId } = session;
  await checkPasswordAgain(deps, userId, body.currentPassword, 'currentPassword');
  const user = await findUserById(deps.db, userId);
  if (!user) throw new Error('Signed-in account has no record');
  if (body.newPassword === body.currentPassword) {
    throw badInput([{ path: 'newPassword', message: 'That is your current password. Please choose a new one.' }]);
  }
  requireGoodPassword(body.newPassword, { email: user.email }, 'newPassword');
  const passwordHash = await deps.passwords.hash(body.newPassword);
  const nowIso = toDbTime(deps.clock.now());
  const ended = await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { password_hash: passwordHash, updated_at: nowIso });
    await endResetLinks(trx, userId, nowIso);
    const others = await deleteOtherSessions(trx, userId, sessionId);
    await endAllPushOf(trx, userId);
    await forgetOtherDevices(trx, userId, await rememberDevice(c, deps, trx, userId));
    await stampReauth(trx, userId, sessionId, nowIso, true);
    return others;
  });
  // Their open streams close now, in this process and (through the bus) in every other.
  for (const id of ended) deps.events.endSessions({ userId, sessionId: id });
}

/**
 * The email part of a profile change, checked before anything is written: the same address again
 * (however typed) changes nothing and needs nothing; a new one needs a fresh re-authentication on
 * this session (403 `reauth_required`) and one no other account uses (409 `email_taken`). Answers the
 * normalised new address, or undefined when the email stays.
 */
export async function newEmailOf(deps: AppDeps, session: OwnSession, typed: string | undefined): Promise<string | undefined> {
  if (typed === undefined) return undefined;
  const email = normalizeEmail(typed);
  const user = await findUserById(deps.db, session.userId);
  if (!user) throw new Error('Signed-in account has no record');
  if (email === user.email) return undefined;
  await requireFreshReauth(deps, session);
  if (await findUserByEmail(deps.db, email)) throw emailTaken();
  return email;
}

/** Writes a profile change (with a new email, if any); reset links sent to the old address stop working. */
export async function saveProfile(
  deps: AppDeps,
  userId: string,
  changes: Parameters<typeof updateUser>[2],
  newEmail: string | undefined,
): Promise<void> {
  const nowIso = toDbTime(deps.clock.now());
  try {
    await deps.db.transaction().execute(async (trx) => {
      await updateUser(trx, userId, { ...changes, ...(newEmail !== undefined ? { email: newEmail } : {}) });
      if (newEmail !== undefined) await endResetLinks(trx, userId, nowIso);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
