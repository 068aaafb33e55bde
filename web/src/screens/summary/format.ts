// Dates and figures as the summary and the therapist's pages show them. A local date ('YYYY-MM-DD')
// is a calendar day in the couple's own zone, so it is shown as that day whatever zone this browser is in.

const dayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekdayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

function utcDay(date: string): Date | null {
  const at = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** "12 October 2026" */
export const longDay = (date: string) => {
  const at = utcDay(date);
  return at ? dayFmt.format(at) : date;
};

/** "12 Oct" */
export const shortDay = (date: string) => {
  const at = utcDay(date);
  return at ? shortFmt.format(at) : date;
};

/** "Mon 12 Oct" */
export const weekdayDay = (date: string) => {
  const at = utcDay(date);
  return at ? weekdayFmt.format(at) : date;
};

/** A rate 0..1 as "64%", or a dash when nothing was due. */
export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);

/** "12 October to 6 December 2026" */
export function periodText(from: string, to: string): string {
  return `${longDay(from)} to ${longDay(to)}`;
}
