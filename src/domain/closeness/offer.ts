// Which Closeness question a couple is offered on a given day. Pure: no I/O, no clock reads, no
// Math.random. The same input gives the same question, so both partners, asking separately, see the
// same one (the caller passes the space's shared state: its seed, its revealed count, its asked ids).
//
// The rules, in one place:
// - Depth grows with the couple's history of revealed pairs (both answered, both can read):
//   fewer than 7 revealed → light only; 7 to 20 → light and medium; more than 20 → all depths, but
//   deep questions only on "deep days", every other calendar day (even day numbers since 1970-01-01),
//   so two days in a row are never both deep.
// - A chosen theme narrows the choice to that theme. When that theme has no unasked question allowed
//   today, the choice widens to every theme; when nothing allowed today is unasked, the deck starts
//   over (the theme's allowed questions again, asked ones included).
// - Among the candidates, in deck order, one is picked by a seeded hash of spaceSeed and day
//   (FNV-1a, then a final mix so that neighbouring days spread out).

import { daysBetween, isLocalDate } from '../zoned-time.js';
import { type Depth, QUESTIONS, type Question, type ThemeId } from './deck.js';

/** Below this many revealed pairs, only light questions. */
export const MEDIUM_FROM_REVEALED = 7;
/** Above this many revealed pairs, deep questions too (on deep days). */
export const DEEP_ABOVE_REVEALED = 20;

export interface OfferInput {
  /** Stable per couple space; both partners pass the same value. */
  spaceSeed: string;
  /** The local date the question is for, 'YYYY-MM-DD'. */
  day: string;
  /** How many question pairs the couple has revealed so far. */
  revealedCount: number;
  /** Only this theme (when it still has something to offer), or null for any theme. */
  theme: ThemeId | null;
  /** Ids already asked in this space. */
  askedIds: ReadonlySet<string>;
}

/** Whole days since 1970-01-01 for a real calendar date 'YYYY-MM-DD'; a RangeError otherwise. */
function dayNumber(day: string): number {
  if (!isLocalDate(day)) throw new RangeError(`Not a local date (YYYY-MM-DD): ${String(day)}`);
  return daysBetween('1970-01-01', day);
}

/** True on the days deep questions may be offered: every other day. */
export function isDeepDay(day: string): boolean {
  return Math.abs(dayNumber(day) % 2) === 0;
}

/** The depths a couple may be offered on this day, given how many pairs they have revealed. */
export function allowedDepths(revealedCount: number, day: string): readonly Depth[] {
  const deepDay = isDeepDay(day); // validates the day in every branch
  if (!(revealedCount >= MEDIUM_FROM_REVEALED)) return ['light'];
  if (revealedCount <= DEEP_ABOVE_REVEALED || !deepDay) return ['light', 'medium'];
  return ['light', 'medium', 'deep'];
}

/** FNV-1a (32 bits) over the UTF-8 bytes of the text, then a murmur3-style final mix. */
export function seededHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The question of the day for a couple: see the rules at the top of this file. */
export function questionOfTheDay(input: OfferInput): Question {
  const { spaceSeed, day, revealedCount, theme, askedIds } = input;
  const depths = allowedDepths(revealedCount, day);
  const allowed = QUESTIONS.filter((question) => depths.includes(question.depth));
  const inTheme = theme === null ? allowed : allowed.filter((question) => question.theme === theme);
  const unasked = (questions: readonly Question[]) => questions.filter((question) => !askedIds.has(question.id));
  const candidates = [unasked(inTheme), unasked(allowed), inTheme, allowed].find((list) => list.length > 0);
  if (!candidates) throw new Error('The Closeness deck has no light questions'); // the deck's own tests rule this out
  const index = seededHash(`${spaceSeed}\u0000${day}`) % candidates.length;
  return candidates[index] as Question;
}
