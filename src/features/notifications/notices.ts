import type { AppDeps } from '../../deps.js';
import type { AuthoredItem } from '../../domain/access-policy.js';
import { isNeedState } from '../../domain/needs.js';
import { checkinNotice, needWaitsFor } from '../../domain/notifications.js';
import { otherMemberOf } from '../spaces/spaces.read.js';
import { type NewNotification, notify, settleNotifications, withdrawNotifications } from './notifications.service.js';

// Where the partner should hear that something waits for them. Each feature calls one of these
// after its change has committed (one line each), with the facts of what it has just written:
// nothing here reads another feature's tables back. Only things the partner may see lead here:
// a private check-in, a draft need or anything else private never does. A failure to notify is
// logged and never fails the change the person made: the centre is a courtesy, the change is theirs.

async function safely(deps: AppDeps, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    deps.logger.warn({ err, what }, 'notification not recorded');
  }
}

async function notifySafely(deps: AppDeps, input: NewNotification): Promise<void> {
  await safely(deps, input.kind, () => notify(deps, input));
}

/**
 * After a check-in was written, rewritten or deleted (`after` null): tells the partner when it has
 * just become shared with them, and takes their notification back when it stops being shared.
 */
export async function noticeCheckin(
  deps: AppDeps,
  checkinId: string,
  before: AuthoredItem | null,
  after: AuthoredItem | null,
): Promise<void> {
  const decision = checkinNotice(before, after);
  if (decision === 'withdraw') {
    await safely(deps, 'checkin.shared', () => withdrawNotifications(deps, 'checkin.shared', checkinId));
    return;
  }
  if (decision !== 'notify' || !after) return;
  await safely(deps, 'checkin.shared', async () => {
    const partnerId = await otherMemberOf(deps.db, after.spaceId, after.authorId);
    if (partnerId)
      await notify(deps, { userId: partnerId, spaceId: after.spaceId, kind: 'checkin.shared', subjectId: checkinId });
  });
}

/** After the receiver acknowledged an occurrence: tells the one who did it (the commitment's actor). */
export async function noticeAcknowledgement(
  deps: AppDeps,
  commitment: { id: string; author_id: string; space_id: string },
): Promise<void> {
  await notifySafely(deps, {
    userId: commitment.author_id,
    spaceId: commitment.space_id,
    kind: 'ack.received',
    subjectId: commitment.id,
  });
}

/** A need as it is just after its change: who wrote it, where, who sees it and its state. No words. */
export interface NeedFacts extends AuthoredItem {
  id: string;
  state: string;
}

/**
 * After a need was shared, answered or a proposal made: tells whoever must answer it now, and marks
 * read what told the other one it waited for them (they have answered, or it waits for no one now).
 */
export async function noticeNeed(deps: AppDeps, need: NeedFacts): Promise<void> {
  await safely(deps, 'need.waiting', async () => {
    if (need.visibility !== 'couple' || !isNeedState(need.state)) return;
    const partnerId = await otherMemberOf(deps.db, need.spaceId, need.authorId);
    if (!partnerId) return;
    const waiting = needWaitsFor(need.state, need.authorId, partnerId);
    for (const member of [need.authorId, partnerId]) {
      if (member !== waiting) await settleNotifications(deps, member, need.spaceId, 'need.waiting', need.id);
    }
    if (waiting) await notify(deps, { userId: waiting, spaceId: need.spaceId, kind: 'need.waiting', subjectId: need.id });
  });
}

/** After I replied to my partner's shared check-in: what told me of it is read (I have seen it). */
export async function settleCheckinNotice(deps: AppDeps, reader: { userId: string; spaceId: string }, checkinId: string) {
  await safely(deps, 'checkin.shared', () =>
    settleNotifications(deps, reader.userId, reader.spaceId, 'checkin.shared', checkinId),
  );
}

/** After a need was deleted: takes back whatever said it waits for someone (it is no one's to answer now). */
export async function withdrawNeedNotice(deps: AppDeps, needId: string): Promise<void> {
  await safely(deps, 'need.waiting', () => withdrawNotifications(deps, 'need.waiting', needId));
}

/**
 * After the second answer (or a share) revealed a question day to both: tells the partner who was
 * waiting for it (the one who answered first) that both answers are there to read. In the centre
 * only; no words.
 */
export async function noticeReveal(
  deps: AppDeps,
  reveal: { spaceId: string; partnerId: string; questionId: string },
): Promise<void> {
  await notifySafely(deps, {
    userId: reveal.partnerId,
    spaceId: reveal.spaceId,
    kind: 'closeness.revealed',
    subjectId: reveal.questionId,
  });
}
