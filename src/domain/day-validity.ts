// How long a computed home day holds with nothing written (decision 030). Writes are counted by the
// database; time is the other input, and it changes the answer only at known instants:
//   - a local midnight anywhere (today's date, check-ins, the week, the day's question). Every time
//     zone's offset is a whole number of quarter hours, so each local midnight falls on a UTC quarter
//     hour, and a day is never kept past the next one;
//   - an instant the day's data names: an occurrence falling due, a mark's undo window closing.
// A rule may read "by now" as `<` or `<=`, so the answer can differ at the instant or a millisecond
// after it: both end what is kept.

export const QUARTER_HOUR_MS = 15 * 60_000;

/** The first moment after `nowMs` at which time alone could change a day computed at `nowMs`. */
export function dayValidUntil(nowMs: number, instantsMs: Iterable<number>): number {
  let until = (Math.floor(nowMs / QUARTER_HOUR_MS) + 1) * QUARTER_HOUR_MS;
  for (const instant of instantsMs) {
    for (const changeAt of [instant, instant + 1]) if (changeAt > nowMs && changeAt < until) until = changeAt;
  }
  return until;
}
