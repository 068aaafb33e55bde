/**
 * Step 5, reminders: what a person's private calendar feed holds, as pure functions.
 *
 * The feed lists occurrences one by one, never as a recurrence rule: the `ics` package writes no
 * time-zone definitions, so a rule in UTC would drift by an hour across each daylight-saving change.
 * Each occurrence is placed by the schedule code in its own version's zone, then written as:
 * - a time of day ("by 21:00", a one-off): a short event in UTC, ending at the instant it is due;
 * - "by the end of the day": an all-day event on its local date (a DATE has no zone to drift);
 * - "n times a week": an all-day event over its Monday-to-Sunday week.
 * The title is neutral unless the person chose to show their own words (see notification-words.ts).
 */
import type { Schedule } from './schedule.js';
import { addDays, type LocalDate, startOfLocalDay } from './zoned-time.js';

export const CALENDAR_LIMITS = {
  /** How far back the feed reaches, in days. */
  pastDays: 7,
  /** How far ahead the feed reaches, in days. */
  aheadDays: 60,
  /** Events in one feed at most: the ones nearest to now are kept. */
  maxEvents: 500,
  /** A timed event is this long, ending when the occurrence is due. */
  timedMinutes: 30,
} as const;

const DAY_MS = 86_400_000;

/** The instants the feed covers: occurrences due in [from, to). */
export function feedWindow(now: string): { from: string; to: string } {
  const at = Date.parse(now);
  return {
    from: new Date(at - CALENDAR_LIMITS.pastDays * DAY_MS).toISOString(),
    to: new Date(at + CALENDAR_LIMITS.aheadDays * DAY_MS).toISOString(),
  };
}

/** One occurrence to put in the feed, as the schedule code placed it. */
export interface FeedOccurrence {
  commitmentId: string;
  key: string;
  /** ISO instant it is due by. */
  due: string;
  /** Its local day in `zone` (weekly: the week's Sunday). */
  localDate: LocalDate;
  kind: Schedule['kind'];
  zone: string;
}

interface EntryBase {
  uid: string;
  title: string;
  /** When the occurrence is due (for ordering and for choosing which events to keep). */
  due: string;
}

/** A timed event: ISO instants, written in UTC. */
export interface TimedEntry extends EntryBase {
  allDay: false;
  start: string;
  end: string;
}

/** An all-day event: local dates, `dayAfter` excluded (as iCalendar's DTEND is). */
export interface AllDayEntry extends EntryBase {
  allDay: true;
  firstDay: LocalDate;
  dayAfter: LocalDate;
}

export type CalendarEntry = TimedEntry | AllDayEntry;

/** A stable UID per occurrence, so a calendar app updates an event rather than adding it twice. */
export function calendarUid(commitmentId: string, key: string): string {
  return `${commitmentId}-${key}@attune`;
}

/** "By the end of the day": due exactly at the start of the next local day. */
function dueAtDayEnd(o: FeedOccurrence): boolean {
  return startOfLocalDay(addDays(o.localDate, 1), o.zone).getTime() === Date.parse(o.due);
}

export function calendarEntryOf(o: FeedOccurrence, title: string): CalendarEntry {
  const base = { uid: calendarUid(o.commitmentId, o.key), title, due: o.due };
  if (o.kind === 'weekly') {
    // The week's Sunday is its local date; the event runs from that Monday through Sunday.
    return { ...base, allDay: true, firstDay: addDays(o.localDate, -6), dayAfter: addDays(o.localDate, 1) };
  }
  if (o.kind !== 'once' && dueAtDayEnd(o)) {
    return { ...base, allDay: true, firstDay: o.localDate, dayAfter: addDays(o.localDate, 1) };
  }
  const end = Date.parse(o.due);
  return {
    ...base,
    allDay: false,
    start: new Date(end - CALENDAR_LIMITS.timedMinutes * 60_000).toISOString(),
    end: new Date(end).toISOString(),
  };
}

/**
 * At most `max` entries, the ones due nearest to now (so a person with many commitments still sees
 * the coming days), in the order they are due.
 */
export function keepNearest(entries: readonly CalendarEntry[], now: string, max: number = CALENDAR_LIMITS.maxEvents) {
  const at = Date.parse(now);
  const byDistance = [...entries].sort(
    (a, b) => Math.abs(Date.parse(a.due) - at) - Math.abs(Date.parse(b.due) - at) || compare(a, b),
  );
  return { entries: byDistance.slice(0, max).sort(compare), truncated: entries.length > max };
}

function compare(a: CalendarEntry, b: CalendarEntry): number {
  return Date.parse(a.due) - Date.parse(b.due) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}
