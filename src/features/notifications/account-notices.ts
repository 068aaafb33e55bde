import type { AppDeps } from '../../deps.js';
import type { AccountKind } from '../../domain/notifications.js';
import { loadActor } from '../spaces/spaces.read.js';
import { notify } from './notifications.service.js';

// What the person hears about their own account (decision 024), in their own notification centre
// and nowhere else: no event reaches anyone but their own tabs, and nothing leaves the app (no
// email, no push). A therapist has no centre (no space): nothing is kept for them. A failure is
// logged and never fails what the person did: the notice is a courtesy.

/** One notice about the person's own account; `subjectId` is what it is about, never their words. */
export async function noticeAccount(deps: AppDeps, userId: string, kind: AccountKind, subjectId: string | null): Promise<void> {
  try {
    const actor = await loadActor(deps.db, userId);
    if (!actor) return;
    await notify(deps, { userId, spaceId: actor.spaceId, kind, subjectId });
  } catch (err) {
    deps.logger.warn({ err, what: kind }, 'notification not recorded');
  }
}

/** A new session began on this device ("Chrome on Linux", from the browser's User-Agent). */
export function noticeNewSession(deps: AppDeps, userId: string, device: string): Promise<void> {
  return noticeAccount(deps, userId, 'account.signin', device);
}

/** A passkey was added to the account ("A passkey was added to your account."); the subject is its id. */
export function noticeNewPasskey(deps: AppDeps, userId: string, passkeyId: string): Promise<void> {
  return noticeAccount(deps, userId, 'account.passkey', passkeyId);
}
