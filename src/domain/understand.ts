/**
 * Step 0, Understand: the five signs of emotional neglect, the four effects it can have, the
 * five-point scale of the private self-check, and the plain comparison of two self-checks.
 * Pure: no I/O, no clock, no browser APIs. The words are Attune's own; they describe, they do not
 * diagnose, and nothing here judges a rating as good or bad.
 */

export type UnderstandItemKind = 'sign' | 'effect';

export interface UnderstandItem {
  id: string;
  kind: UnderstandItemKind;
  /** A short name, used in the self-check and in the history. */
  title: string;
  /** What it can look like, in a sentence or two, for the learning pages. */
  text: string;
  /** The self-check statement the person rates. */
  prompt: string;
}

export const NEGLECT_SIGNS = [
  {
    id: 'ignored-when-sharing',
    kind: 'sign',
    title: 'Being ignored when sharing feelings',
    text: 'You say something that matters to you, and it seems to land nowhere. The subject changes, the phone stays in hand, or the moment just passes.',
    prompt: 'When I share how I feel, it seems to go unheard.',
  },
  {
    id: 'partner-withdrawing',
    kind: 'sign',
    title: 'A partner withdrawing',
    text: 'One of you is there in body but further away in every other way: quieter, busier, harder to reach, often somewhere else in thought.',
    prompt: 'My partner seems to pull away from me.',
  },
  {
    id: 'affection-fading',
    kind: 'sign',
    title: 'Affection fading',
    text: 'The small touches, kind words and warm looks that used to come easily happen less, or have quietly stopped.',
    prompt: 'The affection between us has faded.',
  },
  {
    id: 'no-curiosity',
    kind: 'sign',
    title: 'No curiosity about your life',
    text: 'Questions about your day, your worries or your hopes are rare. It can feel as if your inner life is not of interest.',
    prompt: 'My partner seems uninterested in my day, my worries or my hopes.',
  },
  {
    id: 'emotional-coldness',
    kind: 'sign',
    title: 'Emotional coldness',
    text: 'Warmth is hard to find. Responses feel flat or distant, even when you are hurting or happy.',
    prompt: 'Things between us feel cold or distant.',
  },
] as const satisfies readonly UnderstandItem[];

export const NEGLECT_EFFECTS = [
  {
    id: 'insecurity',
    kind: 'effect',
    title: 'Insecurity',
    text: 'Not knowing where you stand. You may find yourself checking for signs that you still matter.',
    prompt: 'I feel unsure of where I stand with my partner.',
  },
  {
    id: 'withdrawing-in-turn',
    kind: 'effect',
    title: 'Withdrawing in turn',
    text: 'To protect yourself, you may stop reaching out too. It makes sense, and it can widen the distance for both of you.',
    prompt: 'I have stopped reaching out as much as I used to.',
  },
  {
    id: 'doubting-worth',
    kind: 'effect',
    title: 'Doubting your worth',
    text: 'When needs go unmet for a long time, it is easy to start wondering whether they, or you, are too much. They are not.',
    prompt: 'I find myself doubting whether my needs, or I, matter.',
  },
  {
    id: 'eroded-trust',
    kind: 'effect',
    title: 'Eroded trust',
    text: 'It gets harder to believe that your partner will be there when it counts, so you lean on them less.',
    prompt: 'I find it hard to count on my partner being there for me.',
  },
] as const satisfies readonly UnderstandItem[];

export const SELF_CHECK_ITEMS: readonly UnderstandItem[] = [...NEGLECT_SIGNS, ...NEGLECT_EFFECTS];

export type SelfCheckItemId = (typeof NEGLECT_SIGNS)[number]['id'] | (typeof NEGLECT_EFFECTS)[number]['id'];

export const SELF_CHECK_ITEM_IDS = SELF_CHECK_ITEMS.map((i) => i.id) as SelfCheckItemId[];

/** 1 = not at all … 5 = very much: how much the statement is true for the person right now. */
export type Rating = 1 | 2 | 3 | 4 | 5;

export const RATING_SCALE: readonly { value: Rating; label: string }[] = [
  { value: 1, label: 'Not at all' },
  { value: 2, label: 'A little' },
  { value: 3, label: 'Somewhat' },
  { value: 4, label: 'Quite a lot' },
  { value: 5, label: 'Very much' },
];

export const RATING_VALUES: readonly Rating[] = RATING_SCALE.map((r) => r.value);

export function ratingLabel(rating: Rating): string {
  return RATING_SCALE.find((r) => r.value === rating)?.label ?? String(rating);
}

/** Items may be left unrated: a person answers what they want to answer. */
export type SelfCheckRatings = Partial<Record<SelfCheckItemId, Rating>>;

export const SELF_CHECK_NOTE_MAX = 2000;

/** 'less' and 'more' say how much the person felt it, never whether that is better or worse. */
export type ChangeDirection = 'less' | 'more' | 'same' | 'not-compared';

export interface ItemChange {
  id: SelfCheckItemId;
  earlier: Rating | null;
  later: Rating | null;
  /** later − earlier, or null when either is missing. */
  difference: number | null;
  direction: ChangeDirection;
}

/** Per item, in the order of SELF_CHECK_ITEMS: how the later rating differs from the earlier one. */
export function compareSelfChecks(earlier: SelfCheckRatings, later: SelfCheckRatings): ItemChange[] {
  return SELF_CHECK_ITEM_IDS.map((id) => {
    const a = validRating(earlier[id]);
    const b = validRating(later[id]);
    if (a === null || b === null) return { id, earlier: a, later: b, difference: null, direction: 'not-compared' };
    const difference = b - a;
    return { id, earlier: a, later: b, difference, direction: difference < 0 ? 'less' : difference > 0 ? 'more' : 'same' };
  });
}

function validRating(value: unknown): Rating | null {
  return RATING_VALUES.includes(value as Rating) ? (value as Rating) : null;
}

/** One plain sentence per item, e.g. "Less than before: Quite a lot → A little." */
export function describeChange(change: ItemChange): string {
  if (change.earlier === null || change.later === null) {
    return change.later === null ? 'Not rated this time.' : 'Not rated the time before, so there is nothing to compare.';
  }
  const from = ratingLabel(change.earlier);
  const to = ratingLabel(change.later);
  if (change.direction === 'same') return `About the same: ${to}.`;
  return `${change.direction === 'less' ? 'Less' : 'More'} than before: ${from} → ${to}.`;
}

export interface ComparisonSummary {
  less: number;
  more: number;
  same: number;
  notCompared: number;
}

export function summariseComparison(changes: readonly ItemChange[]): ComparisonSummary {
  const summary: ComparisonSummary = { less: 0, more: 0, same: 0, notCompared: 0 };
  for (const c of changes) {
    if (c.direction === 'not-compared') summary.notCompared++;
    else summary[c.direction]++;
  }
  return summary;
}

const plural = (n: number) => (n === 1 ? '1 statement' : `${n} statements`);

/**
 * A plain sentence about the whole comparison. It reports, it does not judge: a change in either
 * direction can mean many things, and a single check-in says little on its own.
 */
export function summaryText(summary: ComparisonSummary): string {
  const parts: string[] = [];
  if (summary.less > 0) parts.push(`${plural(summary.less)} felt true less than before`);
  if (summary.more > 0) parts.push(`${plural(summary.more)} felt true more than before`);
  if (summary.same > 0) parts.push(`${plural(summary.same)} stayed about the same`);
  if (parts.length === 0) return 'There is nothing to compare yet: the two check-ins have no statements rated in both.';
  const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${joined}.`.replace(/^./, (c) => c.toUpperCase());
}
