import type { ProgressSeries, TherapyView } from '../../api/client';

// The words of the Patience screen that depend on figures, kept apart from the layout. Written for
// someone who may be hurting: plain, no blame, no verdict on anyone, and honest about what the
// figures cannot say yet. The verdict's own words come from the domain (src/domain/progress.ts).

const dayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

const utcOf = (localDate: string) => {
  const [y, m, d] = localDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1));
};

/** A local date ('YYYY-MM-DD') as "9 Mar", without any zone shifting it. */
export const shortDate = (localDate: string) => dayFmt.format(utcOf(localDate));

/** A local date as "Sunday 6 December". */
export const longDate = (localDate: string) => longDayFmt.format(utcOf(localDate));

/** A 0..100 value as shown: whole numbers, or one decimal when it has one. */
export const valueText = (value: number | null) => (value === null ? 'no figure' : String(Math.round(value * 10) / 10));

/** What the unit of a series means in a table cell. */
export function pointText(series: Pick<ProgressSeries, 'kind'>, value: number): string {
  const v = valueText(value);
  return series.kind === 'follow-through' || series.kind === 'felt-rate' ? `${v}%` : `${v} of 100`;
}

/** Titles of the two charts under an agreement. */
export const AGREEMENT_CHART_TITLES = {
  'follow-through': 'Done as promised',
  'felt-rate': 'Noticed',
} as const;

/** Why the suggestion was made, one line per reason, said to the person it is for. */
export function reasonWords(reason: TherapyView['reasons'][number], partnerName: string): string | null {
  switch (reason) {
    case 'asked':
      return 'You said you would like to think about therapy.';
    case 'trend-not-improving-after-6-weeks':
      return 'Your trust pulse has not risen in the six weeks or more since your first agreement.';
    case 'follow-through-low-4-weeks':
      return `For four weeks in a row, less than half of what ${partnerName} promised for you was done.`;
    case 'felt-rate-low-4-weeks':
      return 'For four weeks in a row, you noticed less than half of what was due for you.';
    case 'felt-heard-low-2-weeks':
      return 'For two weeks in a row, you have felt heard 3 out of 10 or less, on average.';
    case 'safety-concern':
      // Said in the card's own words, not as a reason.
      return null;
  }
}
