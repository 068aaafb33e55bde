import type { AppDeps } from '../../deps.js';
import { type Actor, decideItem } from '../../domain/access-policy.js';
import type { EventKind } from '../../domain/event-kinds.js';
import { groupCentre, groupedKind, unreadEntries } from '../../domain/notification-groups.js';
import {
  DEFAULT_PREFERENCES,
  isNotificationKind,
  NOTIFICATION_CHANGED,
  NOTIFICATION_CREATED,
  NOTIFICATION_LIMITS,
  type NotificationKind,
  notificationItem,
  notificationShown,
  type Preferences,
  preferenceProblems,
  unreadKeyOf,
} from '../../domain/notifications.js';
import type { Weekday } from '../../domain/schedule.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { DAY_MS, fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import {
  deleteAbout,
  findNotification,
  findPreferences,
  insertNotification,
  listNotifications,
  markAllRead,
  markKindRead,
  markRead,
  markReadAbout,
  type NotificationRow,
  type PreferencesRow,
  pruneOlder,
  unreadByKind,
  upsertPreferences,
} from './notifications.repo.js';
import type { NotificationList, PreferencesChange, PreferencesView } from './notifications.schema.js';

// The in-app notification centre and reminder preferences (docs/decisions: notifications).
// A notification is its recipient's alone: whether and when they read it is never shown to anyone
// else, and no event about it reaches anyone but the recipient's own tabs. It stores no words.

const iso = (value: string) => fromDbTime(value).toISOString();

export interface NewNotification {
  /** The recipient. */
  userId: string;
  spaceId: string;
  kind: NotificationKind;
  subjectId?: string | null;
}

/**
 * Puts one notification in a person's centre and tells their own open tabs. Something the partner
 * did (a shared check-in, an acknowledgement, a need waiting) is not repeated while the first one
 * about the same subject is unread; each reminder is its own. Answers the new notification's id, or
 * null when an unread one already said it. Call it after the change it tells of has committed.
 */
export async function notify(deps: AppDeps, input: NewNotification): Promise<{ id: string } | null> {
  if (!isNotificationKind(input.kind)) throw new Error(`Unknown notification kind: ${input.kind}`);
  const subjectId = input.subjectId ?? null;
  const now = deps.clock.now();
  const id = newId(now);
  const inserted = await insertNotification(deps.db, {
    id,
    userId: input.userId,
    spaceId: input.spaceId,
    kind: input.kind,
    subjectId,
    unreadKey: unreadKeyOf(input.kind, subjectId),
    at: toDbTime(now),
  });
  if (!inserted) return null;
  await pruneOlder(deps.db, input.userId, toDbTime(new Date(now.getTime() - NOTIFICATION_LIMITS.keepDays * DAY_MS)));
  await tellOwnTabs(deps, NOTIFICATION_CREATED, input.userId, input.spaceId, id);
  return { id };
}

/**
 * Removes every notification of a kind about a subject (say, a check-in made private again), so no
 * centre keeps pointing at something its reader may no longer see. Each changed centre hears it.
 */
export async function withdrawNotifications(deps: AppDeps, kind: NotificationKind, subjectId: string): Promise<void> {
  const changed = await deleteAbout(deps.db, kind, subjectId);
  for (const r of changed) await tellOwnTabs(deps, NOTIFICATION_CHANGED, r.userId, r.spaceId, null);
}

/** An event only the recipient's own tabs hear (audience: them), with no words. */
async function tellOwnTabs(deps: AppDeps, kind: EventKind, userId: string, spaceId: string, subjectId: string | null) {
  await publishEvent(deps, { kind, spaceId, authorId: userId, visibility: 'private', subjectId, audienceId: userId });
}

/**
 * Marks read what told a person of one thing once that thing is done (they answered the need, they
 * replied to the check-in). Their own tabs hear it; no one else learns anything.
 */
export async function settleNotifications(
  deps: AppDeps,
  userId: string,
  spaceId: string,
  kind: NotificationKind,
  subjectId: string,
) {
  if ((await markReadAbout(deps.db, userId, kind, subjectId, toDbTime(deps.clock.now()))) > 0) {
    await tellOwnTabs(deps, NOTIFICATION_CHANGED, userId, spaceId, null);
  }
}

function rowOf(row: NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subject_id,
    createdAt: iso(row.created_at),
    readAt: row.read_at === null ? null : iso(row.read_at),
  };
}

const factsOf = (row: NotificationRow) => ({ userId: row.user_id, spaceId: row.space_id, kind: row.kind });

/** My centre: the newest 50, how many are unread, and whether older ones exist. */
export async function listMyNotifications(deps: AppDeps, actor: Actor): Promise<NotificationList> {
  const cap = NOTIFICATION_LIMITS.list;
  const rows = await listNotifications(deps.db, actor.userId, actor.spaceId, cap + 1);
  const unread = await unreadByKind(deps.db, actor.userId, actor.spaceId);
  const shown = rows
    .slice(0, cap)
    .filter((r) => notificationShown(actor, factsOf(r)))
    .map(rowOf);
  const notifications = groupCentre(shown, unread).map((e) => {
    if (!isNotificationKind(e.kind)) throw new Error(`Unknown notification kind: ${e.kind}`);
    return { ...e, kind: e.kind };
  });
  return {
    notifications,
    unreadCount: unreadEntries(unread),
    truncated: rows.length > cap,
  };
}

/** Marks one of mine read (again is fine). Anyone else's, or one not in my centre now, is 404 like a missing one. */
export async function readNotification(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await findNotification(deps.db, id);
  enforce(decideItem(actor, row ? notificationItem(factsOf(row)) : undefined, 'change'));
  if (!row || !notificationShown(actor, factsOf(row))) throw notFound();
  const at = toDbTime(deps.clock.now());
  // An entry of the centre stands for every new one of its kind up to it: reading it reads them all.
  const changed =
    row.read_at === null && groupedKind(row.kind)
      ? (await markKindRead(deps.db, actor.userId, actor.spaceId, row.kind, row.created_at, at)) > 0
      : await markRead(deps.db, row.id, actor.userId, at);
  if (changed) {
    await tellOwnTabs(deps, NOTIFICATION_CHANGED, actor.userId, actor.spaceId, null);
  }
}

export async function readAllNotifications(deps: AppDeps, actor: Actor): Promise<void> {
  if ((await markAllRead(deps.db, actor.userId, toDbTime(deps.clock.now()))) > 0) {
    await tellOwnTabs(deps, NOTIFICATION_CHANGED, actor.userId, actor.spaceId, null);
  }
}

// ---------------------------------------------------------------------------------------------
// Preferences

function preferencesOf(row: PreferencesRow | undefined): Preferences {
  if (!row) return { ...DEFAULT_PREFERENCES };
  return {
    checkinTime: row.checkin_time,
    commitmentNudgeMinutes: row.commitment_nudge_minutes === null ? null : Number(row.commitment_nudge_minutes),
    reflection:
      row.reflection_weekday !== null && row.reflection_time !== null
        ? { weekday: Number(row.reflection_weekday) as Weekday, time: row.reflection_time }
        : null,
    quiet: row.quiet_from !== null && row.quiet_until !== null ? { from: row.quiet_from, until: row.quiet_until } : null,
    email: Number(row.email) === 1 || (row.email as unknown) === true,
    push: Number(row.push) === 1 || (row.push as unknown) === true,
  };
}

/** What a person chose (nothing chosen: no reminders, in-app only). The reminders worker reads this. */
export async function readPreferences(deps: AppDeps, userId: string): Promise<Preferences> {
  return preferencesOf(await findPreferences(deps.db, userId));
}

async function preferencesView(deps: AppDeps, actor: Actor): Promise<PreferencesView> {
  const row = await findPreferences(deps.db, actor.userId);
  const zone = await timeZoneOf(deps.db, actor.userId);
  return {
    ...preferencesOf(row),
    emailAvailable: deps.mailer !== null,
    timeZone: zone,
    updatedAt: row ? iso(row.updated_at) : null,
  };
}

export async function myPreferences(deps: AppDeps, actor: Actor): Promise<PreferencesView> {
  return preferencesView(deps, actor);
}

const emailOff = () =>
  conflict(
    'email_off',
    'This Attune server is not set up to send email, so email reminders cannot be turned on here. Your reminders still arrive in the app.',
  );

/** Changes the fields given; the rest stay as they were. */
export async function savePreferences(deps: AppDeps, actor: Actor, body: PreferencesChange): Promise<PreferencesView> {
  if (body.email === true && deps.mailer === null) throw emailOff();
  const current = await readPreferences(deps, actor.userId);
  const next: Preferences = {
    checkinTime: body.checkinTime !== undefined ? body.checkinTime : current.checkinTime,
    commitmentNudgeMinutes:
      body.commitmentNudgeMinutes !== undefined ? body.commitmentNudgeMinutes : current.commitmentNudgeMinutes,
    reflection:
      body.reflection !== undefined
        ? body.reflection && { weekday: body.reflection.weekday as Weekday, time: body.reflection.time }
        : current.reflection,
    quiet: body.quiet !== undefined ? body.quiet : current.quiet,
    email: body.email ?? current.email,
    push: body.push ?? current.push,
  };
  const problems = preferenceProblems(next);
  if (problems.length > 0) throw badInput(problems);
  await deps.db.transaction().execute((trx) =>
    upsertPreferences(trx, {
      user_id: actor.userId,
      checkin_time: next.checkinTime,
      commitment_nudge_minutes: next.commitmentNudgeMinutes,
      reflection_weekday: next.reflection?.weekday ?? null,
      reflection_time: next.reflection?.time ?? null,
      quiet_from: next.quiet?.from ?? null,
      quiet_until: next.quiet?.until ?? null,
      email: next.email ? 1 : 0,
      push: next.push ? 1 : 0,
      updated_at: toDbTime(deps.clock.now()),
    }),
  );
  return preferencesView(deps, actor);
}
