// The one place a trend verdict is put into words, for every screen and the printed summary. Plain
// words first ("Improving (quite sure)"); the numbers behind them (the p-value, the slope, how many
// weeks) are kept for a "How this is worked out" note the person can open. The same p-value always
// reads the same way, wherever it is shown.

import type { TrendVerdict } from './trend.js';

export const TOO_EARLY_WORDS = 'Too early to tell: a few more weeks will show the direction';

/** How sure a change is, in plain words, from the two-sided p-value of a trend found below 0.05. */
export function sureWords(p: number): string {
  if (p < 0.001) return 'very sure';
  if (p < 0.01) return 'quite sure';
  return 'fairly sure';
}

/** The p-value as shown in the worked-out note: "p < 0.001", "p = 0.004", "p = 0.01", "p = 0.03". */
export function pWords(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

/** "Too early to tell: …", "Improving (fairly sure)", "Steady", "Declining (quite sure)": no numbers. */
export function verdictWords(v: Pick<TrendVerdict, 'verdict' | 'p'>): string {
  switch (v.verdict) {
    case 'too-early':
      return TOO_EARLY_WORDS;
    case 'steady':
      return 'Steady';
    case 'improving':
      return `Improving (${sureWords(v.p)})`;
    case 'declining':
      return `Declining (${sureWords(v.p)})`;
  }
}

/** A line under the verdict saying what it rests on. */
export function verdictDetail(v: Pick<TrendVerdict, 'verdict' | 'n'>, weeks: number): string {
  const points = `${v.n} ${v.n === 1 ? 'week' : 'weeks'} with a value`;
  switch (v.verdict) {
    case 'too-early':
      return `${points} so far. A reading needs at least 4, spread over 3 weeks or more.`;
    case 'steady':
      return `No clear rise or fall over these ${weeks} weeks (${points}). Day-to-day ups and downs are left out on purpose.`;
    case 'improving':
      return `A rise that holds over these ${weeks} weeks (${points}), not just a good week or two.`;
    case 'declining':
      return `A fall that holds over these ${weeks} weeks (${points}), not just a hard week or two.`;
  }
}

/** How the verdict is worked out, in general: the same note everywhere a verdict is shown. */
export const HOW_WORKED_OUT =
  'A verdict needs at least 4 weekly values spread over 3 weeks or more. A statistical test (Mann-Kendall) asks whether the values rise or fall more often than chance would give, and the typical change per week (Theil-Sen) must add up to at least 5 points. “Fairly sure” means p below 0.05, “quite sure” below 0.01 and “very sure” below 0.001. Otherwise it says steady.';

/** The numbers behind one verdict: "p = 0.004; a change of +2.1 points a week; 9 weekly values." */
export function verdictNumbers(v: Pick<TrendVerdict, 'verdict' | 'p' | 'slopePerWeek'> & { n?: number }): string {
  const parts: string[] = [];
  if (v.verdict !== 'too-early') parts.push(pWords(v.p));
  if (v.verdict !== 'too-early') {
    const slope = Math.round(v.slopePerWeek * 10) / 10;
    parts.push(`a change of ${slope > 0 ? '+' : ''}${slope} ${Math.abs(slope) === 1 ? 'point' : 'points'} a week`);
  }
  if (v.n !== undefined) parts.push(`${v.n} weekly ${v.n === 1 ? 'value' : 'values'}`);
  return parts.length === 0 ? 'No numbers yet.' : `${parts.join('; ')}.`;
}
