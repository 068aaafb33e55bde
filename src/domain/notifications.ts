/**
 * Step 5, the in-app notification centre and reminder preferences, as pure rules. No I/O.
 *
 * A notification is its recipient's alone, read state included: it is modelled for the access
 * policy as a private item authored by the recipient, so anyone else gets 404 like a missing one.
 * It carries no words, only a kind and the id of what it is about; the app words each kind, and
 * every channel outside the app says only the fixed neutral line (notification-words.ts).
 */
import { type Actor, type AuthoredItem, canSeeItem, type Visibility } from './access-policy.js';
import type { EventKind } from './event-kinds.js';
import type { NeedState } from './needs.js';
import type { Weekday } from './schedule.js';
import { isLocalTime, type LocalTime } from './zoned-time.js';

/** Something the partner did that waits for me. */
export const PARTNER_KINDS = ['checkin.shared', 'ack.received', 'need.waiting', 'closeness.revealed'] as const;
/** A reminder the reminders worker sends at a time the person chose. */
export const REMINDER_KINDS = ['reminder.checkin', 'reminder.commitment', 'reminder.reflection'] as const;
/**
 * About the person's own account, for their eyes only (decision 024). `account.signin`: a new session
 * began (a sign-in, or one through a reset link); its subject is the device label made from the
 * browser's User-Agent ("Chrome on Linux", auth/device.ts), never anything a person wrote.
 * `account.passkey`: a passkey was added to the account; its subject is the passkey's id.
 */
export const ACCOUNT_KINDS = ['account.signin', 'account.passkey'] as const;
export const NOTIFICATION_KINDS = [...PARTNER_KINDS, ...REMINDER_KINDS, ...ACCOUNT_KINDS] as const;

export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Live event kinds, heard only by the recipient's own tabs (ids only, never words). */
export const NOTIFICATION_CREATED = 'notification.created' satisfies EventKind;
/** Read, all read, or withdrawn: the recipient's other tabs fetch their count again. */
export const NOTIFICATION_CHANGED = 'notification.changed' satisfies EventKind;

export const NOTIFICATION_LIMITS = {
  /** Notifications listed at most, newest first. */
  list: 50,
  /** Notifications older than this are forgotten (read or not) when the next one arrives. */
  keepDays: 180,
  /** Longest commitment-nudge lead time, in minutes (a day). */
  nudgeMinutesMax: 1440,
} as const;

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

export function isPartnerKind(kind: string): kind is PartnerKind {
  return (PARTNER_KINDS as readonly string[]).includes(kind);
}

/**
 * The key that keeps one unread notification per thing the partner did: the same kind about the
 * same subject, while the first is unread, is not repeated. Reminders are never folded together
 * here: each is its own moment, sent once by the reminders worker (which dedupes them itself).
 */
export function unreadKeyOf(kind: NotificationKind, subjectId: string | null): string | null {
  if (!isPartnerKind(kind) || subjectId === null) return null;
  return `${kind}:${subjectId}`;
}

export interface NotificationFacts {
  userId: string;
  spaceId: string;
  kind: string;
}

/** For the access policy: a private item whose author is the recipient. */
export function notificationItem(n: NotificationFacts): AuthoredItem {
  return { authorId: n.userId, spaceId: n.spaceId, visibility: 'private' };
}

/**
 * Whether a notification belongs in its recipient's centre now. Only the recipient ever sees one.
 * One about what a partner did is shown only while the recipient is still in the space it came
 * from: after leaving, that partner's doings leave the view like their words do (and a later
 * partner is never named for them). Reminders are about the person alone and stay.
 */
export function notificationShown(actor: Actor, n: NotificationFacts): boolean {
  if (!canSeeItem(actor, notificationItem(n))) return false;
  return !isPartnerKind(n.kind) || n.spaceId === actor.spaceId;
}

/**
 * After a check-in changed (`after` null: deleted): 'notify' the partner when it has just become
 * theirs to see, 'withdraw' their notification when it no longer is (so the centre never points at
 * something now private), or nothing. Rewriting a check-in that stays shared tells nothing new.
 */
export function checkinNotice(
  before: { visibility: Visibility; spaceId: string } | null,
  after: { visibility: Visibility; spaceId: string } | null,
): 'notify' | 'withdraw' | null {
  const sharedBefore = before?.visibility === 'couple';
  const sharedAfter = after?.visibility === 'couple';
  if (sharedAfter && (!sharedBefore || before?.spaceId !== after?.spaceId)) return 'notify';
  if (sharedBefore && !sharedAfter) return 'withdraw';
  return null;
}

/** Who a need waits for in a state: the partner after sharing or the author's proposal, the author after the partner's. */
export function needWaitsFor(state: NeedState, authorId: string, partnerId: string): string | null {
  if (state === 'shared' || state === 'author-proposed') return partnerId;
  if (state === 'partner-proposed') return authorId;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Preferences

/** What the reminders worker reads (the shared contract): local times in the person's zone. */
export interface Preferences {
  checkinTime: LocalTime | null;
  /** Minutes before an occurrence is due; null = off. */
  commitmentNudgeMinutes: number | null;
  reflection: { weekday: Weekday; time: LocalTime } | null;
  /** May wrap midnight (22:00-07:00). */
  quiet: { from: LocalTime; until: LocalTime } | null;
  email: boolean;
  push: boolean;
}

/** Nothing chosen yet: no reminders, in-app only. */
export const DEFAULT_PREFERENCES: Preferences = {
  checkinTime: null,
  commitmentNudgeMinutes: null,
  reflection: null,
  quiet: null,
  email: false,
  push: false,
};

export interface PreferenceProblem {
  path: string;
  message: string;
}

/** Plain-words problems with a whole set of preferences (the schema checks each field's shape). */
export function preferenceProblems(p: Preferences): PreferenceProblem[] {
  const problems: PreferenceProblem[] = [];
  const time = (path: string, value: string) => {
    if (!isLocalTime(value)) problems.push({ path, message: 'Please give the time as hours and minutes, such as 20:00.' });
  };
  if (p.checkinTime !== null) time('checkinTime', p.checkinTime);
  const m = p.commitmentNudgeMinutes;
  if (m !== null && (!Number.isInteger(m) || m < 0 || m > NOTIFICATION_LIMITS.nudgeMinutesMax)) {
    problems.push({ path: 'commitmentNudgeMinutes', message: 'Please choose a lead time from 0 minutes to a day (1440).' });
  }
  if (p.reflection) {
    if (!Number.isInteger(p.reflection.weekday) || p.reflection.weekday < 1 || p.reflection.weekday > 7) {
      problems.push({ path: 'reflection.weekday', message: 'Please choose a day of the week.' });
    }
    time('reflection.time', p.reflection.time);
  }
  if (p.quiet) {
    time('quiet.from', p.quiet.from);
    time('quiet.until', p.quiet.until);
    if (p.quiet.from === p.quiet.until) {
      problems.push({ path: 'quiet.until', message: 'Quiet hours need an end that differs from their start.' });
    }
  }
  return problems;
}

/** Whether a local time falls inside quiet hours [from, until), which may wrap midnight. */
export function inQuietHours(time: LocalTime, quiet: { from: LocalTime; until: LocalTime } | null): boolean {
  if (!quiet || quiet.from === quiet.until) return false;
  if (quiet.from < quiet.until) return time >= quiet.from && time < quiet.until;
  return time >= quiet.from || time < quiet.until;
}
