import type { Answer } from '../../api/client';

// Step 7's shared words and types for the closeness screens.

export type Overview = Answer<'closeness.overview'>;
export type Pair = Answer<'closeness.pair'>;
export type PairSummary = Overview['earlier'][number];
export type Depth = Pair['question']['depth'];

export const DEPTH_LABELS: Record<Depth, string> = {
  light: 'Light',
  medium: 'A little deeper',
  deep: 'Deep',
};

/** Where an earlier question day stands, from my side only: never whether my partner answered. */
export function dayStatus(s: PairSummary, hasPartner: boolean): string {
  if (s.revealed) return 'You both answered. Read them together.';
  if (s.answeredByMe) return hasPartner ? 'Your answer is saved, just for you for now.' : 'You answered this one.';
  if (s.skipped) return 'You set this one aside.';
  return 'Not answered. You can still answer it.';
}

export const CLOSENESS_LIVE = ['closeness.changed', 'space.changed'] as const;
