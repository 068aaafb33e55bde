/**
 * Step 5, reminders: which reminders a person gets and when, as pure functions. No I/O, no clock
 * reads: "now" and the planning window are passed in. The worker (src/features/reminders/) stores
 * what this plans, claims due rows inside the database and sends them.
 *
 * The rules, in one place:
 * - Three kinds, each from the person's own preferences and in their own time zone:
 *   a daily check-in reminder at `checkinTime` (useful until that local day ends); a nudge for each
 *   occurrence of a commitment they act on, `commitmentNudgeMinutes` before it is due (useful until it
 *   is due, and at least NUDGE_MIN_USEFUL_MINUTES after it was meant to go, so a nudge "at the due
 *   time" can still be sent); a weekly reflection at `reflection.weekday` / `reflection.time` (useful
 *   for REFLECTION_USEFUL_HOURS).
 * - "n times a week" commitments get one nudge per week, not one per slot: all slots are due at the
 *   same instant (the start of the next Monday), and several identical nudges at once would be noise.
 * - Quiet hours [from, until) in local wall-clock time, which may wrap midnight (22:00-07:00): a send
 *   time inside them moves to the moment they end (computed with zoned-time.ts, so a clock change
 *   inside the quiet hours is respected). If that is after the reminder stops being useful, it is not
 *   planned at all: a nudge for something due at 22:30 is not sent at 07:00 the next morning.
 * - A reminder belongs to the planning window [from, to) by its NOMINAL time (before quiet hours move
 *   it), so consecutive windows plan every reminder exactly once, and a reminder moved past the
 *   window's end is still planned by the window that holds its nominal time.
 * - Each reminder has a dedupe key that depends only on what it is about, never on its time:
 *   'checkin:<local date>', 'commitment:<commitment id>:<occurrence key>' (weekly: the week's Monday),
 *   'reflection:<Monday of the week>'. Stored unique per person, it makes planning again (after a
 *   change of preferences, or by two processes at once) harmless, and a reminder already sent is
 *   never planned a second time even when its time changes.
 */
import type { ReminderKind } from './notifications.js';
import {
  addDays,
  isLocalDate,
  isLocalTime,
  type LocalDate,
  type LocalTime,
  localDateOf,
  localTimeOf,
  mondayOf,
  weekdayOf,
  zonedInstant,
  zoneOffsetMinutes,
} from './zoned-time.js';

export const REMINDER_LIMITS = {
  /** How far ahead reminders are planned. */
  horizonHours: 48,
  /** A person's plan is extended when less than this is left of it. */
  replanWhenHoursLeft: 24,
  /** A claimed reminder whose sender vanished is claimed again after this (and so sent again, once). */
  leaseMinutes: 2,
  /** Reminders claimed per tick. */
  claimBatch: 50,
  /** People planned per tick. */
  planBatch: 50,
  /** The longest nudge lead a person may choose (also what the planner looks ahead for occurrences). */
  maxNudgeMinutes: 1440,
  /** Reminders sent or skipped are kept this long (for a look at what went out), then deleted. */
  keepDays: 14,
  /** Rows deleted per tick at most. */
  pruneBatch: 500,
} as const;

/** A nudge stays useful at least this long after the time it was meant to go (covers a lead of 0). */
export const NUDGE_MIN_USEFUL_MINUTES = 5;
export const REFLECTION_USEFUL_HOURS = 24;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface QuietHours {
  from: LocalTime;
  until: LocalTime;
}

/** What the planner needs of a person's notification preferences (the centre's Preferences fit it). */
export interface ReminderPreferences {
  checkinTime: LocalTime | null;
  commitmentNudgeMinutes: number | null;
  reflection: { weekday: number; time: LocalTime } | null;
  quiet: QuietHours | null;
}

/** An occurrence of a commitment the person acts on (not paused), as expandSchedule gives it. */
export interface NudgeTarget {
  commitmentId: string;
  key: string;
  /** ISO instant it is due by. */
  due: string;
}

export interface PlannedReminder {
  kind: ReminderKind;
  dedupeKey: string;
  /** The commitment a nudge is about; null for the others. */
  subjectId: string | null;
  /** When it was asked for, before quiet hours (decides which planning window holds it). */
  nominalAt: string;
  /** When to send it (after quiet hours). */
  sendAt: string;
  /** After this it is not worth sending any more. */
  usefulUntil: string;
}

// ---------------------------------------------------------------------------------------------
// Dedupe keys

export const checkinKey = (date: LocalDate) => `checkin:${date}`;
/** Weekly slots ('<Monday>#k') share one nudge per week, keyed by the Monday. */
export const commitmentKey = (commitmentId: string, occurrenceKey: string) =>
  `commitment:${commitmentId}:${nudgeOccurrenceKey(occurrenceKey)}`;
export const reflectionKey = (date: LocalDate) => `reflection:${mondayOf(date)}`;

/** The part of an occurrence key a nudge is about: a weekly slot's week, or the key itself. */
export function nudgeOccurrenceKey(occurrenceKey: string): string {
  return /^\d{4}-\d{2}-\d{2}#\d+$/.test(occurrenceKey) ? occurrenceKey.slice(0, 10) : occurrenceKey;
}

export type ParsedReminderKey =
  | { kind: 'reminder.checkin'; date: LocalDate }
  | { kind: 'reminder.commitment'; commitmentId: string; occurrenceKey: string }
  | { kind: 'reminder.reflection'; week: LocalDate };

/** What a stored dedupe key is about (null for anything this module did not make). */
export function parseReminderKey(key: string): ParsedReminderKey | null {
  const checkin = /^checkin:(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (checkin?.[1] && isLocalDate(checkin[1])) return { kind: 'reminder.checkin', date: checkin[1] };
  const reflection = /^reflection:(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (reflection?.[1] && isLocalDate(reflection[1])) return { kind: 'reminder.reflection', week: reflection[1] };
  const commitment = /^commitment:([^:]+):(.+)$/.exec(key);
  if (commitment?.[1] && commitment[2]) {
    return { kind: 'reminder.commitment', commitmentId: commitment[1], occurrenceKey: commitment[2] };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Quiet hours

const minutesOf = (time: LocalTime) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Quiet hours that mean something: both times valid and different (equal times: no quiet hours). */
export function quietHoursValid(quiet: QuietHours | null): quiet is QuietHours {
  return quiet !== null && isLocalTime(quiet.from) && isLocalTime(quiet.until) && quiet.from !== quiet.until;
}

/** Is this wall-clock time inside the quiet hours [from, until)? They may wrap midnight. */
export function isQuietTime(time: LocalTime, quiet: QuietHours | null): boolean {
  if (!quietHoursValid(quiet)) return false;
  const t = minutesOf(time);
  const from = minutesOf(quiet.from);
  const until = minutesOf(quiet.until);
  return from < until ? t >= from && t < until : t >= from || t < until;
}

/** Is the instant inside the person's quiet hours, read on their local wall clock? */
export function isQuietAt(instant: Date, zone: string, quiet: QuietHours | null): boolean {
  return isQuietTime(localTimeOf(instant, zone), quiet);
}

/**
 * The instant to send something meant for `instant`: itself outside quiet hours, else the moment the
 * quiet hours end (the next `until` on the local wall clock). Never earlier than `instant`.
 * Clock changes: an `until` the clocks skip resolves past the gap (zonedInstant); when the clocks go
 * back and `until` happens twice, the first one after `instant` is taken.
 */
export function afterQuietHours(instant: Date, zone: string, quiet: QuietHours | null): Date {
  // Once is almost always enough; a second pass covers an `until` the clocks skipped that lands in
  // the next night's quiet hours (only possible with quiet hours nearly a day long).
  let at = instant;
  for (let i = 0; i < 3 && quietHoursValid(quiet) && isQuietAt(at, zone, quiet); i++) at = quietEnd(at, zone, quiet);
  return at;
}

function quietEnd(instant: Date, zone: string, quiet: QuietHours): Date {
  const date = localDateOf(instant, zone);
  const time = localTimeOf(instant, zone);
  // Wrapping quiet hours seen before midnight end tomorrow; otherwise they end today.
  const endsTomorrow = minutesOf(quiet.from) > minutesOf(quiet.until) && minutesOf(time) >= minutesOf(quiet.from);
  const end = zonedInstant(endsTomorrow ? addDays(date, 1) : date, quiet.until, zone);
  if (end.getTime() > instant.getTime()) return end;
  // The clocks went back inside the quiet hours and `until` came round a second time after `instant`:
  // the second one is as far after the first as the clocks went back.
  const again = new Date(end.getTime() + (zoneOffsetMinutes(end, zone) - zoneOffsetMinutes(instant, zone)) * MINUTE);
  return again.getTime() > instant.getTime() ? again : instant;
}

// ---------------------------------------------------------------------------------------------
// Planning

export interface PlanInput {
  prefs: ReminderPreferences;
  /** The person's IANA time zone. */
  zone: string;
  /** Occurrences of the person's own active commitments, not paused (any window that covers [from, to + lead)). */
  occurrences: readonly NudgeTarget[];
  /** The planning window, by nominal time: [from, to). */
  from: string;
  to: string;
}

const isoOf = (ms: number) => new Date(ms).toISOString();

/** Local dates whose events (at any wall time) can fall in [from, to): a day's margin either side. */
function datesAround(fromMs: number, toMs: number, zone: string): LocalDate[] {
  const first = addDays(localDateOf(new Date(fromMs), zone), -1);
  const last = addDays(localDateOf(new Date(toMs), zone), 1);
  const dates: LocalDate[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The instant of a wall time on a local date, or null when the date never happened in the zone. */
function wallInstant(date: LocalDate, time: LocalTime, zone: string): Date | null {
  const at = zonedInstant(date, time, zone);
  return localDateOf(at, zone) === date ? at : null;
}

/**
 * Every reminder whose nominal time is in [from, to), sorted by send time then key; see the rules at
 * the top of this file. Reminders that quiet hours would push past their usefulness are left out.
 * Throws RangeError for a window longer than a week or ending before it starts.
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const { prefs, zone } = input;
  const fromMs = Date.parse(input.from);
  const toMs = Date.parse(input.to);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new RangeError('The planning window must be two instants, the second not before the first');
  }
  if (toMs - fromMs > 7 * 24 * HOUR) throw new RangeError('The planning window is longer than a week');
  localDateOf(new Date(fromMs), zone); // RangeError for an unknown zone
  const quiet = quietHoursValid(prefs.quiet) ? prefs.quiet : null;
  const out: PlannedReminder[] = [];
  const add = (kind: ReminderKind, dedupeKey: string, subjectId: string | null, nominal: Date, usefulUntilMs: number) => {
    const nominalMs = nominal.getTime();
    if (nominalMs < fromMs || nominalMs >= toMs) return;
    const send = afterQuietHours(nominal, zone, quiet);
    if (send.getTime() > usefulUntilMs) return;
    out.push({
      kind,
      dedupeKey,
      subjectId,
      nominalAt: isoOf(nominalMs),
      sendAt: isoOf(send.getTime()),
      usefulUntil: isoOf(usefulUntilMs),
    });
  };

  const days = datesAround(fromMs, toMs, zone);

  if (prefs.checkinTime !== null && isLocalTime(prefs.checkinTime)) {
    for (const date of days) {
      const at = wallInstant(date, prefs.checkinTime, zone);
      if (!at) continue;
      const dayEnd = zonedInstant(addDays(date, 1), '00:00', zone).getTime();
      add('reminder.checkin', checkinKey(date), null, at, dayEnd);
    }
  }

  const reflection = prefs.reflection;
  if (reflection !== null && isLocalTime(reflection.time) && reflection.weekday >= 1 && reflection.weekday <= 7) {
    for (const date of days) {
      if (weekdayOf(date) !== reflection.weekday) continue;
      const at = wallInstant(date, reflection.time, zone);
      if (!at) continue;
      add('reminder.reflection', reflectionKey(date), null, at, at.getTime() + REFLECTION_USEFUL_HOURS * HOUR);
    }
  }

  const lead = prefs.commitmentNudgeMinutes;
  if (lead !== null && Number.isInteger(lead) && lead >= 0 && lead <= REMINDER_LIMITS.maxNudgeMinutes) {
    const seen = new Set<string>();
    const sorted = [...input.occurrences].sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || (a.key < b.key ? -1 : 1));
    for (const o of sorted) {
      const key = commitmentKey(o.commitmentId, o.key);
      if (seen.has(key)) continue; // the other slots of an "n times a week" week
      seen.add(key);
      const dueMs = Date.parse(o.due);
      if (!Number.isFinite(dueMs)) continue;
      const nominalMs = dueMs - lead * MINUTE;
      add(
        'reminder.commitment',
        key,
        o.commitmentId,
        new Date(nominalMs),
        Math.max(dueMs, nominalMs + NUDGE_MIN_USEFUL_MINUTES * MINUTE),
      );
    }
  }

  return out.sort(
    (a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt) || (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0),
  );
}

// ---------------------------------------------------------------------------------------------
// Sending

export type ReminderOutcome = 'send' | 'skip_late' | 'skip_not_needed';

/**
 * What to do with a claimed reminder: skip it when its time has passed (a server that was down sends
 * late only what is still useful) or when it is no longer needed (the check-in was made, the
 * occurrence marked, the commitment paused or ended, the reminder turned off); else send it.
 */
export function reminderOutcome(input: { now: string; usefulUntil: string; stillNeeded: boolean }): ReminderOutcome {
  if (Date.parse(input.now) > Date.parse(input.usefulUntil)) return 'skip_late';
  return input.stillNeeded ? 'send' : 'skip_not_needed';
}

/** Whether the reminder's kind is still turned on in these preferences. */
export function kindEnabled(kind: ReminderKind, prefs: ReminderPreferences): boolean {
  if (kind === 'reminder.checkin') return prefs.checkinTime !== null;
  if (kind === 'reminder.commitment') return prefs.commitmentNudgeMinutes !== null;
  return prefs.reflection !== null;
}
