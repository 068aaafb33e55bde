import * as v from 'valibot';
import { NOTIFICATION_LIMITS as L, NOTIFICATION_KINDS } from '../../domain/notifications.js';
import { isLocalTime } from '../../domain/zoned-time.js';

// Request and response schemas for the notification centre and reminder preferences (step 5).
// Types are inferred once and imported (type only) by the browser client.

const LocalTime = (message: string) => v.pipe(v.string(message), v.check(isLocalTime, message));
const TIME = 'Please give the time as HH:MM, on a 24-hour clock (for example 20:00).';

export const NotificationIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a notification id.')) });

export const NotificationView = v.object({
  id: v.string(),
  kind: v.picklist(NOTIFICATION_KINDS),
  /** What it is about (a check-in, a commitment, a need), or null. The app words each kind. */
  subjectId: v.nullable(v.string()),
  createdAt: v.string(),
  /** When I read it; only I ever learn this. */
  readAt: v.nullable(v.string()),
  /**
   * How many things this entry stands for: the centre shows one entry per kind, new and read apart
   * ("Sam shared 3 check-ins with you"); subjectId and createdAt are the newest one's. Marking the
   * entry read marks all of them. A sign-in is always an entry of its own (1).
   */
  count: v.number(),
});

export const NotificationList = v.object({
  /** Newest first, at most 50. */
  notifications: v.array(NotificationView),
  /** New entries in my whole centre, not only in this list (a kind's new ones count once). */
  unreadCount: v.number(),
  /** True when older notifications exist beyond the list. */
  truncated: v.boolean(),
});

const Reflection = v.strictObject({
  weekday: v.pipe(
    v.number('Please choose a day of the week.'),
    v.integer('Please choose a day of the week.'),
    v.minValue(1, 'Please choose a day of the week.'),
    v.maxValue(7, 'Please choose a day of the week.'),
  ),
  time: LocalTime(TIME),
});

const Quiet = v.strictObject({ from: LocalTime(TIME), until: LocalTime(TIME) });

const NUDGE = `Please choose a lead time from 0 minutes to a day (${L.nudgeMinutesMax} minutes), or none.`;

/**
 * Every field is optional: one left out stays as it was, so a screen (or the push settings on one
 * device) can change just its part. `null` turns a reminder off. Times are local, in my zone.
 */
export const PreferencesBody = v.strictObject({
  checkinTime: v.optional(v.nullable(LocalTime(TIME))),
  commitmentNudgeMinutes: v.optional(
    v.nullable(v.pipe(v.number(NUDGE), v.integer(NUDGE), v.minValue(0, NUDGE), v.maxValue(L.nudgeMinutesMax, NUDGE))),
  ),
  /** The weekly-reflection nudge: a day and a time together, or null for none. */
  reflection: v.optional(v.nullable(Reflection)),
  /** Quiet hours: a start and an end together (they may wrap midnight, e.g. 22:00-07:00), or null for none. */
  quiet: v.optional(v.nullable(Quiet)),
  email: v.optional(v.boolean('Please choose whether to get emails.')),
  push: v.optional(v.boolean('Please choose whether to get push notifications.')),
});

export const PreferencesView = v.object({
  checkinTime: v.nullable(v.string()),
  commitmentNudgeMinutes: v.nullable(v.number()),
  reflection: v.nullable(v.object({ weekday: v.number(), time: v.string() })),
  quiet: v.nullable(v.object({ from: v.string(), until: v.string() })),
  email: v.boolean(),
  push: v.boolean(),
  /** Whether this server can send email at all (SMTP is set up). */
  emailAvailable: v.boolean(),
  /** My zone, which the times are in. */
  timeZone: v.string(),
  /** Null until I first save. */
  updatedAt: v.nullable(v.string()),
});

export type NotificationView = v.InferOutput<typeof NotificationView>;
export type NotificationList = v.InferOutput<typeof NotificationList>;
export type PreferencesBody = v.InferInput<typeof PreferencesBody>;
export type PreferencesChange = v.InferOutput<typeof PreferencesBody>;
export type PreferencesView = v.InferOutput<typeof PreferencesView>;
