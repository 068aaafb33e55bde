// Days on one continuous scale from ISO text, for the trend verdict and the walk-away signals.
// A plain date 'YYYY-MM-DD' is the UTC midnight that starts it, so plain dates are whole days apart
// whatever the host's time zone. A date-time must name its offset ('Z' or '+02:00'): it is that instant,
// in fractional days, so two instants 36 hours apart are 1.5 days apart. A date-time without an offset
// is refused, because Date.parse would read it in the host's zone and the answer would depend on the
// machine. Pure: no clock reads.

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function realCalendarDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/**
 * Milliseconds since 1970-01-01T00:00Z for an ISO date (its UTC midnight) or a date-time with an
 * offset (that instant). Throws a RangeError for anything else (including impossible dates such as
 * '2026-02-30', and date-times without 'Z' or an offset).
 */
export function isoInstantMs(at: string): number {
  if (typeof at !== 'string') throw new RangeError(`Not an ISO date: ${String(at)}`);
  const date = DATE.exec(at);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!realCalendarDate(y, m, d)) throw new RangeError(`Not a real calendar date: ${at}`);
    return Date.UTC(y, m - 1, d);
  }
  const dateTime = DATE_TIME.exec(at);
  if (dateTime && realCalendarDate(Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3]))) {
    const ms = Date.parse(at);
    if (Number.isFinite(ms)) return ms;
  }
  throw new RangeError(`Not an ISO date or date-time with an offset: ${at}`);
}

/** Days from instant a to instant b (b − a, in milliseconds since the epoch), fractional when not whole. */
export function daysFromTo(aMs: number, bMs: number): number {
  return (bMs - aMs) / DAY_MS;
}
