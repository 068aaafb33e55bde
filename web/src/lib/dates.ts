const dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * Two moments as a person reads them: "December 1, 2026 and December 5, 2026", or, on the same day,
 * "December 5, 2026, at 9:00 AM and 3:15 PM" rather than the same date twice.
 */
export function formatBetween(earlierIso: string, laterIso: string): string {
  const a = new Date(earlierIso);
  const b = new Date(laterIso);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${earlierIso} and ${laterIso}`;
  const dayA = dateFmt.format(a);
  const dayB = dateFmt.format(b);
  if (dayA !== dayB) return `${dayA} and ${dayB}`;
  const timeA = timeFmt.format(a);
  const timeB = timeFmt.format(b);
  return timeA === timeB ? `Both on ${dayA}, at ${timeA}` : `${dayA}, at ${timeA} and ${timeB}`;
}
