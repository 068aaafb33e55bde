import type { Context } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { normalizeEmail } from '../../domain/email.js';
import { sessionNoticeDue } from '../../domain/known-devices.js';
import type { Mailer } from '../../mail/mailer.js';
import { checkLimit, recordHit } from '../../platform/rate-limit.js';
import { hashToken } from '../../platform/tokens.js';
import { AppError } from '../../shared/errors.js';
import { newId, newSecretToken } from '../../shared/ids.js';
import { addMs, MINUTE_MS, toDbTime } from '../../shared/time.js';
import { noticeNewSession } from '../notifications/account-notices.js';
import { endAllPushOf } from '../push/session-ends.js';
import type { UserView } from './auth.schema.js';
import { requireGoodPassword } from './auth.service.js';
import { describeDevice } from './device.js';
import { forgetOtherDevices } from './known-devices.js';
import { openName } from './names.js';
import { rotateSession } from './session.service.js';
import { deleteAllSessions } from './sessions.repo.js';
import { findUserByEmail, findUserById, updateUser } from './users.repo.js';

export const RESET_LINK_LIFETIME_MS = 30 * MINUTE_MS;
const RESET_MAILS_PER_WINDOW = 5;

const resetHash = (deps: AppDeps, token: string) => hashToken(deps.secrets.sessionSecret, 'password-reset', token);

export function resetUrl(deps: AppDeps, token: string): string {
  return new URL(`/reset?token=${encodeURIComponent(token)}`, deps.config.publicUrl).toString();
}

/** A one-time reset link for this person, valid for 30 minutes. Used by email and by the operator command. */
export async function createResetLink(deps: AppDeps, userId: string): Promise<{ url: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const token = newSecretToken();
  const expiresAt = addMs(now, RESET_LINK_LIFETIME_MS);
  await deps.db
    .insertInto('password_resets')
    .values({
      id: newId(now),
      token_hash: resetHash(deps, token),
      user_id: userId,
      created_at: toDbTime(now),
      expires_at: toDbTime(expiresAt),
      used_at: null,
    })
    .execute();
  return { url: resetUrl(deps, token), expiresAt };
}

export const RESET_REQUESTED_MESSAGE =
  'If an account uses that address, a link to choose a new password is on its way. It works once, for 30 minutes.';

/** Answers the same whether or not the account exists, so the form cannot be used to test addresses. */
export async function requestReset(deps: AppDeps, rawEmail: string): Promise<void> {
  const mailer = deps.mailer;
  if (!mailer) return;
  const user = await findUserByEmail(deps.db, normalizeEmail(rawEmail));
  if (!user) return;
  // A few mails per account per window; more would only fill someone's inbox.
  const now = deps.clock.now();
  const bucket = `reset-mail:${hashToken(deps.secrets.sessionSecret, 'rate', user.id)}`;
  if ((await checkLimit(deps.db, bucket, RESET_MAILS_PER_WINDOW, deps.config.rateLimit.windowMs, now)).limited) return;
  await recordHit(deps.db, bucket, deps.config.rateLimit.windowMs, now);
  // Sent after answering: neither the time a mail takes nor a mail server failure may tell the
  // caller that this address has an account.
  void sendResetMail(deps, mailer, user.id, user.email).catch((error: unknown) => {
    deps.logger.error({ err: { message: (error as Error).message } }, 'password reset mail failed');
  });
}

async function sendResetMail(deps: AppDeps, mailer: Mailer, userId: string, to: string): Promise<void> {
  const link = await createResetLink(deps, userId);
  // Kept plain and free of anything personal: an inbox can be shared or glanced at.
  await mailer.send({
    to,
    subject: 'Your Attune password reset link',
    text: [
      'Someone asked to reset the password of the Attune account that uses this address.',
      '',
      'To choose a new password, open this link within 30 minutes:',
      link.url,
      '',
      'It works once. Choosing a new password signs out every device.',
      'If this was not you, you can ignore this email: nothing changes.',
    ].join('\n'),
  });
}

/** Every reset link of the person still waiting stops working (a new password, a new email). */
export async function endResetLinks(db: Db, userId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: nowIso })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

const invalidLink = () =>
  new AppError(400, 'reset_link_invalid', 'This reset link has expired or was already used. You can ask for a new one.');

/** Sets the new password, ends every session, and signs this browser in afresh. */
export async function confirmReset(c: Context, deps: AppDeps, token: string, password: string): Promise<UserView> {
  const now = deps.clock.now();
  const nowIso = toDbTime(now);
  const reset = await deps.db
    .selectFrom('password_resets')
    .select(['id', 'user_id'])
    .where('token_hash', '=', resetHash(deps, token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  if (!reset) throw invalidLink();
  const user = await findUserById(deps.db, reset.user_id);
  if (!user) throw invalidLink();
  requireGoodPassword(password, { email: user.email });
  const passwordHash = await deps.passwords.hash(password);
  await deps.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('password_resets')
      .set({ used_at: nowIso })
      .where('id', '=', reset.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw invalidLink();
    await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: nowIso });
    // Every other reset link of this person dies with this one.
    await endResetLinks(trx, user.id, nowIso);
    // Every session ends, and what they opened: all push subscriptions, and every known browser
    // but this one (decision 024).
    await deleteAllSessions(trx, user.id);
    await endAllPushOf(trx, user.id);
    const { deviceId } = await rotateSession(c, deps, trx, user.id);
    await forgetOtherDevices(trx, user.id, deviceId);
  });
  deps.events.endSessions({ userId: user.id, sessionId: null });
  if (sessionNoticeDue('reset', user.role)) await noticeNewSession(deps, user.id, describeDevice(c.req.header('user-agent')));
  return { id: user.id, email: user.email, name: await openName(deps, user.id, user.name_sealed) };
}
