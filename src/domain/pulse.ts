// The weekly trust pulse: a few statements about how much each partner can rely on the other, in four
// areas (dependability, predictability, emotional availability, faith in the future), each rated
// 1..7. Written for Attune. The score is 0..100: the mean rating rescaled, (mean − 1) / 6 × 100,
// rounded to one decimal (halves up). Every item must be answered: a part-answered pulse would not be
// comparable week to week. One pulse per person per ISO week (Monday-start, in the person's zone).
// Pure: no I/O, no clock reads.

import { addDays, daysBetween, isLocalDate, type LocalDate, localDateOf, mondayOf } from './zoned-time.js';

export type PulseArea = 'dependability' | 'predictability' | 'emotional-availability' | 'faith-in-future';

export interface PulseItem {
  id: string;
  area: PulseArea;
  text: string;
}

export const PULSE_AREA_LABELS: Record<PulseArea, string> = {
  dependability: 'Counting on each other',
  predictability: 'Knowing what to expect',
  'emotional-availability': 'Being there for feelings',
  'faith-in-future': 'Hope for us',
};

/** Shown once above the items. */
export const PULSE_PROMPT = 'Thinking about this past week, how true is each of these for you?';

export const PULSE_SCALE = {
  min: 1,
  max: 7,
  minLabel: 'Not true at all',
  maxLabel: 'Completely true',
} as const;

export const PULSE_ITEMS = [
  { id: 'follows-through', area: 'dependability', text: 'When my partner says they will do something, it gets done.' },
  { id: 'there-when-it-matters', area: 'dependability', text: 'I can count on my partner when something matters to me.' },
  { id: 'know-where-i-stand', area: 'predictability', text: 'I know where I stand with my partner from one day to the next.' },
  {
    id: 'steady-response',
    area: 'predictability',
    text: 'When I bring something up, I have a fair idea of how my partner will take it.',
  },
  { id: 'room-for-feelings', area: 'emotional-availability', text: 'When I share how I feel, my partner makes room for it.' },
  { id: 'turns-toward-me', area: 'emotional-availability', text: 'When I reach out, my partner turns toward me.' },
  { id: 'can-work-through', area: 'faith-in-future', text: 'I believe we can work through what is hard between us.' },
  { id: 'hopeful-about-us', area: 'faith-in-future', text: 'I feel hopeful about where we are heading together.' },
] as const satisfies readonly PulseItem[];

export type PulseItemId = (typeof PULSE_ITEMS)[number]['id'];
export type PulseAnswers = Record<PulseItemId, number>;

const ITEM_IDS: readonly string[] = PULSE_ITEMS.map((item) => item.id);

export interface PulseAnswerProblem {
  /** The item id the problem is about (or '' for the answers as a whole). */
  item: string;
  message: string;
}

/**
 * What is wrong with a set of answers, in plain words; empty when they are fine. Every item needs a
 * whole number from 1 to 7; an id that is not an item is a problem too.
 */
export function pulseAnswerProblems(answers: unknown): PulseAnswerProblem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [{ item: '', message: 'Please answer each statement.' }];
  }
  const given = answers as Record<string, unknown>;
  const problems: PulseAnswerProblem[] = [];
  for (const id of ITEM_IDS) {
    const rating = given[id];
    if (rating === undefined || rating === null) problems.push({ item: id, message: 'Please choose an answer for this one.' });
    else if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < PULSE_SCALE.min || rating > PULSE_SCALE.max) {
      problems.push({ item: id, message: 'Please choose a number from 1 to 7.' });
    }
  }
  for (const id of Object.keys(given)) {
    if (!ITEM_IDS.includes(id)) problems.push({ item: id, message: 'This is not one of the pulse statements.' });
  }
  return problems;
}

/** The pulse score, 0..100 to one decimal. Throws a RangeError when pulseAnswerProblems finds any problem. */
export function pulseScore(answers: PulseAnswers): number {
  const problems = pulseAnswerProblems(answers);
  if (problems.length > 0) {
    throw new RangeError(`Pulse answers: ${problems.map((p) => `${p.item || 'answers'}: ${p.message}`).join(' ')}`);
  }
  const n = ITEM_IDS.length;
  const sum = ITEM_IDS.reduce((acc, id) => acc + ((answers as Record<string, number>)[id] ?? 0), 0);
  // (mean − 1)/6 × 100 = (sum − n) × 100 / (6n); in tenths, (sum − n) × 1000 / (6n): integer numerator, one rounding.
  return Math.round(((sum - n) * 1000) / (6 * n)) / 10;
}

// ISO weeks: Monday-start, numbered 1..52 or 53, belonging to the year that holds their Thursday.
// '2026-W01' runs from Monday 2025-12-29 to Sunday 2026-01-04.

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The ISO week key ('YYYY-Www') of a local date. Throws a RangeError for a date that is not 'YYYY-MM-DD'. */
export function isoWeekKey(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  const thursday = addDays(mondayOf(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

/** The ISO week key of the local date at an instant, in a zone: the week a pulse taken then belongs to. */
export function pulseWeekAt(instant: Date, zone: string): string {
  return isoWeekKey(localDateOf(instant, zone));
}

/** Weeks in an ISO week-numbering year: 52 or 53 (the week holding 28 December is the last). */
function weeksInIsoYear(year: string): number {
  return Number(isoWeekKey(`${year}-12-28`).slice(6));
}

/** A real ISO week key 'YYYY-Www' (week 53 only in years that have one). */
export function isIsoWeekKey(key: string): boolean {
  const m = typeof key === 'string' ? WEEK_KEY.exec(key) : null;
  if (!m || !isLocalDate(`${m[1]}-01-04`) || !isLocalDate(`${m[1]}-12-28`)) return false;
  const week = Number(m[2]);
  return week >= 1 && week <= weeksInIsoYear(m[1] as string);
}

/** The Monday that starts an ISO week. Throws a RangeError for a key that is not a real ISO week. */
export function mondayOfIsoWeek(key: string): LocalDate {
  if (!isIsoWeekKey(key)) throw new RangeError(`Not an ISO week (YYYY-Www): ${key}`);
  const year = key.slice(0, 4);
  const week = Number(key.slice(6));
  return addDays(mondayOf(`${year}-01-04`), 7 * (week - 1));
}
