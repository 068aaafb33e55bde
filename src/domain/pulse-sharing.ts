import type { EventKind } from './event-kinds.js';
// Who hears about a weekly trust pulse, and which weeks a history covers. A pulse is its author's
// item: the answers are theirs alone, always; the score is seen by the partner only when the author
// shares it ('couple'), and only while both share the space it was given in (canSeeItem). Pure: no
// I/O, no clock reads.

import type { AuthoredItem, Visibility } from './access-policy.js';
import { isoWeekKey, mondayOfIsoWeek } from './pulse.js';
import { addDays } from './zoned-time.js';

export const PULSE_CHANGED = 'pulse.changed' satisfies EventKind;

/** How many weeks the pulse screen shows: this week and the 25 before it. */
export const PULSE_HISTORY_WEEKS = 26;

/**
 * The ISO weeks from `weeks − 1` weeks before `lastWeek` through `lastWeek`, as a range of keys
 * (both included; keys sort as text in week order). Throws a RangeError for a key that is not a
 * real ISO week or a count below 1.
 */
export function weeksEnding(lastWeek: string, weeks: number): { from: string; to: string } {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`A number of weeks, 1 or more: ${weeks}`);
  const monday = mondayOfIsoWeek(lastWeek);
  return { from: isoWeekKey(addDays(monday, -7 * (weeks - 1))), to: lastWeek };
}

/** Only this week's pulse can be written or changed: the week where the author is now. */
export function pulseWritable(week: string, thisWeek: string): boolean {
  return week === thisWeek;
}

export interface PulseEvent {
  spaceId: string;
  authorId: string;
  visibility: Visibility;
  /** Set when only the author's own tabs may hear it. */
  audienceId: string | null;
}

/**
 * What to tell after a pulse changed (`after` null: deleted). A shared score is told to both; a
 * private one only to its author's own tabs. A score that was shared a moment ago and is now private
 * (or deleted) is told as it was, so the partner's open screen lets it go: to them that looks exactly
 * like a deletion, and nothing later about it reaches them.
 */
export function pulseEvent(before: AuthoredItem | null, after: AuthoredItem | null): PulseEvent {
  const current = after ?? before;
  if (!current) throw new Error('A pulse event needs the pulse before or after the change');
  if (current.visibility === 'couple') return { ...pick(current), audienceId: null };
  if (before?.visibility === 'couple') return { ...pick(before), audienceId: null };
  return { ...pick(current), audienceId: current.authorId };
}

const pick = (item: AuthoredItem) => ({ spaceId: item.spaceId, authorId: item.authorId, visibility: item.visibility });
