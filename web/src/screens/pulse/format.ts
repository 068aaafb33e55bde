// A pulse's week is its author's own ISO week; it is shown by the Monday that starts it, as that
// calendar day, whatever zone this browser is in.
const weekFmt = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function asUtcDay(date: string): Date | null {
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** "the week of Monday 3 November" */
export function weekOf(weekStart: string): string {
  const at = asUtcDay(weekStart);
  return `the week of ${at ? weekFmt.format(at) : weekStart}`;
}

/** "Week of 3 Nov 2026" */
export function shortWeekOf(weekStart: string): string {
  const at = asUtcDay(weekStart);
  return `Week of ${at ? shortFmt.format(at) : weekStart}`;
}

/** A score as people read it: "62.5 out of 100". */
export const scoreWords = (score: number) => `${score} out of 100`;
