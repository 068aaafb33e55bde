// Local days and wall-clock times in a named IANA time zone, from the platform's Intl data alone
// (no time-zone library: Intl is pure computation, present in Node and every browser we support).
// A "local date" is 'YYYY-MM-DD'; a "local time" is 'HH:MM'. Instants are Date or ISO text in UTC.

export type LocalDate = string;
export type LocalTime = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at that instant (London in summer: 60; New York in winter: -300). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const w = wallClockAt(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/** Years a date from outside may be in: far enough inside four digits that date arithmetic on any window stays in them. */
export const LOCAL_YEAR_MIN = 1000;
export const LOCAL_YEAR_MAX = 8999;

/** A real calendar date in the shape 'YYYY-MM-DD' (any year from 100 on: internal arithmetic). */
function isCalendarDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** A real calendar date 'YYYY-MM-DD' in years LOCAL_YEAR_MIN..LOCAL_YEAR_MAX: what input may hold. */
export function isLocalDate(value: string): boolean {
  if (typeof value !== 'string' || !isCalendarDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= LOCAL_YEAR_MIN && year <= LOCAL_YEAR_MAX;
}

export function isLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

function parseLocalDate(date: LocalDate): [number, number, number] {
  const m = LOCAL_DATE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar date at an instant in a zone. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  const w = wallClockAt(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The local wall-clock time ('HH:MM') at an instant in a zone. */
export function localTimeOf(instant: Date, zone: string): LocalTime {
  const w = wallClockAt(instant, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a wall-clock time happens on a local date in a zone. A time that does not exist (the
 * hour skipped when clocks go forward) resolves to the same distance past the gap, as calendars do
 * (02:30 on a spring-forward night in New York is 03:30); a time that happens twice (clocks going
 * back) resolves to the first of the two.
 */
export function zonedInstant(date: LocalDate, time: LocalTime, zone: string): Date {
  const [y, mo, d] = parseLocalDate(date);
  const t = LOCAL_TIME.exec(time);
  if (!t) throw new RangeError(`Not a local time (HH:MM): ${time}`);
  const wallAsUtc = Date.UTC(y, mo - 1, d, Number(t[1]), Number(t[2]));
  // Offsets either side of any transition near this wall time; try the earlier one first so a
  // repeated hour resolves to its first occurrence.
  const before = zoneOffsetMinutes(new Date(wallAsUtc - 36 * 3_600_000), zone);
  const after = zoneOffsetMinutes(new Date(wallAsUtc + 36 * 3_600_000), zone);
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = new Date(wallAsUtc - offset * 60_000);
    if (zoneOffsetMinutes(candidate, zone) === offset) return candidate;
  }
  // In a gap: neither offset round-trips. Move forward by the size of the gap.
  return new Date(wallAsUtc - Math.min(before, after) * 60_000);
}

/** The instant a local day starts (usually midnight; where a zone skips midnight, the first moment that exists). */
export function startOfLocalDay(date: LocalDate, zone: string): Date {
  return zonedInstant(date, '00:00', zone);
}

/** Calendar arithmetic on local dates (no zone involved: a day is a calendar step). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, mo, d] = parseLocalDate(date);
  const next = new Date(Date.UTC(y, mo - 1, d + days));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  const [y, mo, d] = parseLocalDate(date);
  const day = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday that starts the week holding this date (weeks start on Monday). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [ay, am, ad] = parseLocalDate(a);
  const [by, bm, bd] = parseLocalDate(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}
