import { isTherapistView, THERAPIST_VIEWS, type TherapistView } from '../../../../src/domain/therapist-access';

// The words for a therapist's access, shared by the partners' page and the therapist's own screens.
// Plain and calm: what each kind of thing is, who sees it, and what is never shown.

export { isTherapistView, THERAPIST_VIEWS, type TherapistView };

/** What each kind of shared thing is called, in a list or on a tab. */
export const VIEW_NAMES: Record<TherapistView, string> = {
  agreements: 'Agreements',
  commitments: 'Commitments',
  figures: 'Figures',
  summary: 'Summary',
  checkins: 'Shared check-ins',
  conversations: 'Conversations',
  causes: 'What led here',
  pulse: 'Trust pulse scores',
  closeness: 'Closeness answers',
};

/** One plain line about each kind, beside its checkbox. */
export const VIEW_LINES: Record<TherapistView, string> = {
  agreements: 'The needs you agreed on together, and how each one was reached.',
  commitments: 'Who promised what and when, and what was done and noticed.',
  figures: 'Weekly charts of what was done as promised and what was noticed, with how the trend reads.',
  summary: 'The printable summary, with only what each of you chose to put in it.',
  checkins: 'Check-ins you shared with each other, with their notes and replies. Private check-ins never.',
  conversations: 'What you said to each other in Talk, your takeaways and acknowledgements. Drafts never.',
  causes: 'What each of you marked in Why once you both shared it, and your shared understanding.',
  pulse: 'The weekly trust scores you chose to share with each other. The answers behind them never.',
  closeness: 'Answers to questions of the day that you both answered and both saw, with reactions and replies.',
};

/** What is never shown to a therapist, whatever anyone ticks. */
export const NEVER_SHOWN: readonly string[] = [
  'drafts you prepare in Talk',
  'private check-ins, and your log of affection and bids',
  'anything you marked or answered that your partner has not seen',
  'your safety check and your self-checks',
  'your For me journal',
  '“Is it working?”',
  'the answers behind a trust pulse score',
];

export const viewName = (view: TherapistView) => VIEW_NAMES[view];

/** "Agreements, Commitments and Figures", or `none` for an empty list. */
export function viewList(views: readonly TherapistView[] | null, none: string): string {
  if (!views || views.length === 0) return none;
  const names = THERAPIST_VIEWS.filter((v) => views.includes(v)).map(viewName);
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const whenFmt = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as "Tue 8 Dec, 14:02", in this device's time zone. */
export function shortWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : whenFmt.format(d);
}

/** Two or more first names as "Maya and Daniel". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'A couple';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
