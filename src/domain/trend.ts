// The trend verdict on a series of 0..100 points over weeks: is it improving, steady or declining,
// and how sure can we be. Robust by design: the Mann-Kendall test looks only at which of each pair of
// points is higher (so one wild value moves it little), and the Theil-Sen slope is the median of the
// pairwise slopes (so one wild value barely moves it). Pure: no I/O, no clock reads.
//
// Rules (issue 6):
// - `too-early` with fewer than 4 points, or fewer than 21 days from the first point to the last.
// - Otherwise a two-sided Mann-Kendall test at α = 0.05 and the Theil-Sen slope. `improving` when
//   p < 0.05, S > 0 and the Theil-Sen change over the span (slope per day × days from first to last)
//   is at least +5 points; `declining` likewise with S < 0 and a change of at most −5; else `steady`.
//   (Requiring S and the slope to agree in sign only matters in contrived series with many ties; it
//   keeps a verdict from ever pointing against the test it rests on.)
//
// Time: each `at` is an ISO date ('YYYY-MM-DD', its UTC midnight: whole days apart) or an ISO
// date-time with 'Z' or an offset (that instant: fractional days apart); see iso-days.ts. Anything
// else throws a RangeError, as does a value that is not a finite number in 0..100.
//
// Order: input order does not matter. Points are sorted by time, then by value (so ties in time have
// one deterministic order), and nothing computed depends on the order of points that share a time:
// a pair of points at the same time adds 0 to S and is left out of the Theil-Sen slopes.
//
// Mann-Kendall: S = Σ_{i<j} sign(v_j − v_i) over time-ordered pairs. Var(S) is Kendall's exact null
// variance with ties corrected: over groups of tied VALUES (t) and, if any, groups of tied TIMES (u):
//   Var(S) = [n(n−1)(2n+5) − Σt(t−1)(2t+5) − Σu(u−1)(2u+5)] / 18
//          + Σt(t−1)(t−2) · Σu(u−1)(u−2) / (9n(n−1)(n−2)) + Σt(t−1) · Σu(u−1) / (2n(n−1)).
// With no ties in time (the usual case: one point a week) this is the textbook formula
// [n(n−1)(2n+5) − Σt(t−1)(2t+5)] / 18. Z uses the continuity correction: (S−1)/σ when S > 0, 0 when
// S = 0, (S+1)/σ when S < 0; p = 2(1 − Φ(|Z|)) = erfc(|Z|/√2). p = 1 when Var(S) = 0 (every value
// equal, or every point at one time) and for `too-early` (no test is made).
//
// slopePerWeek = Theil-Sen slope per day × 7. It is reported for `too-early` too when there are two
// points at different times, else 0.

import { daysFromTo, isoInstantMs } from './iso-days.js';

export type TrendVerdictKind = 'too-early' | 'improving' | 'steady' | 'declining';

export interface TrendPoint {
  /** ISO date 'YYYY-MM-DD' or ISO date-time with 'Z' or an offset. */
  at: string;
  /** 0..100. */
  value: number;
}

export interface TrendVerdict {
  verdict: TrendVerdictKind;
  /** Theil-Sen slope, points per week (0 when it cannot be computed). */
  slopePerWeek: number;
  /** Two-sided Mann-Kendall p-value (1 when too early or when Var(S) = 0). */
  p: number;
  /** Number of points. */
  n: number;
}

export interface MannKendallResult {
  s: number;
  varS: number;
  z: number;
  p: number;
}

export const TREND_MIN_POINTS = 4;
export const TREND_MIN_SPAN_DAYS = 21;
export const TREND_ALPHA = 0.05;
/** Points of change over the span (by the Theil-Sen slope) needed to call a trend. */
export const TREND_MIN_CHANGE = 5;
// A change of exactly 5 counts, even when floating-point arithmetic (on shifted or mirrored values)
// lands a hair below it. Changes from real data on a 0.1 grid are far further apart than this.
const CHANGE_TOLERANCE = 1e-9;

interface Sample {
  ms: number;
  value: number;
}

function samplesOf(points: readonly TrendPoint[]): Sample[] {
  const samples = points.map((p) => {
    if (typeof p.value !== 'number' || !Number.isFinite(p.value) || p.value < 0 || p.value > 100) {
      throw new RangeError(`A trend value must be a finite number from 0 to 100: ${String(p.value)}`);
    }
    return { ms: isoInstantMs(p.at), value: p.value };
  });
  return samples.sort((a, b) => a.ms - b.ms || a.value - b.value);
}

/** Sizes of the groups of equal keys in a sorted list, only groups of 2 or more. */
function tieGroups(sortedKeys: readonly number[]): number[] {
  const groups: number[] = [];
  let run = 1;
  for (let i = 1; i <= sortedKeys.length; i++) {
    if (i < sortedKeys.length && sortedKeys[i] === sortedKeys[i - 1]) run++;
    else {
      if (run > 1) groups.push(run);
      run = 1;
    }
  }
  return groups;
}

const sumOver = (groups: readonly number[], f: (t: number) => number) => groups.reduce((acc, t) => acc + f(t), 0);

function mannKendallOf(samples: readonly Sample[]): MannKendallResult {
  const n = samples.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = samples[i] as Sample;
      const b = samples[j] as Sample;
      if (a.ms === b.ms) continue;
      s += Math.sign(b.value - a.value);
    }
  }
  const valueTies = tieGroups(samples.map((x) => x.value).sort((a, b) => a - b));
  const timeTies = tieGroups(samples.map((x) => x.ms));
  const main =
    n * (n - 1) * (2 * n + 5) -
    sumOver(valueTies, (t) => t * (t - 1) * (2 * t + 5)) -
    sumOver(timeTies, (u) => u * (u - 1) * (2 * u + 5));
  let varS = main / 18;
  if (timeTies.length > 0 && valueTies.length > 0) {
    if (n > 2) {
      varS +=
        (sumOver(valueTies, (t) => t * (t - 1) * (t - 2)) * sumOver(timeTies, (u) => u * (u - 1) * (u - 2))) /
        (9 * n * (n - 1) * (n - 2));
    }
    varS += (sumOver(valueTies, (t) => t * (t - 1)) * sumOver(timeTies, (u) => u * (u - 1))) / (2 * n * (n - 1));
  }
  if (!(varS > 0)) return { s, varS: 0, z: 0, p: 1 };
  const sigma = Math.sqrt(varS);
  const z = s > 0 ? (s - 1) / sigma : s < 0 ? (s + 1) / sigma : 0;
  const p = Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
  return { s, varS, z, p };
}

/** The Mann-Kendall statistic, its variance (ties corrected), Z and the two-sided p-value. */
export function mannKendall(points: readonly TrendPoint[]): MannKendallResult {
  return mannKendallOf(samplesOf(points));
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function theilSenOf(samples: readonly Sample[]): number | null {
  const slopes: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    for (let j = i + 1; j < samples.length; j++) {
      const a = samples[i] as Sample;
      const b = samples[j] as Sample;
      if (a.ms === b.ms) continue;
      slopes.push((b.value - a.value) / daysFromTo(a.ms, b.ms));
    }
  }
  if (slopes.length === 0) return null;
  return median(slopes.sort((x, y) => x - y));
}

/** Theil-Sen slope in points per day (median of the pairwise slopes over pairs at different times); null with fewer than two distinct times. */
export function theilSenSlopePerDay(points: readonly TrendPoint[]): number | null {
  return theilSenOf(samplesOf(points));
}

const noNegativeZero = (x: number) => (x === 0 ? 0 : x);

/** The honest verdict on a series of 0..100 points; see the rules at the top of this file. */
export function trendVerdict(points: readonly TrendPoint[]): TrendVerdict {
  const samples = samplesOf(points);
  const n = samples.length;
  const slopePerDay = theilSenOf(samples);
  const slopePerWeek = noNegativeZero((slopePerDay ?? 0) * 7);
  const span = n === 0 ? 0 : daysFromTo((samples[0] as Sample).ms, (samples[n - 1] as Sample).ms);
  if (n < TREND_MIN_POINTS || span < TREND_MIN_SPAN_DAYS || slopePerDay === null) {
    return { verdict: 'too-early', slopePerWeek, p: 1, n };
  }
  const { s, p } = mannKendallOf(samples);
  const change = slopePerDay * span;
  const needed = TREND_MIN_CHANGE - CHANGE_TOLERANCE;
  let verdict: TrendVerdictKind = 'steady';
  if (p < TREND_ALPHA && s > 0 && change >= needed) verdict = 'improving';
  else if (p < TREND_ALPHA && s < 0 && change <= -needed) verdict = 'declining';
  return { verdict, slopePerWeek, p, n };
}

// The standard normal distribution, through the complementary error function.
//
// erfc(x) for x ≥ 0: below 3, 1 − erf(x) with erf from the series of positive terms
//   erf(x) = (2/√π) e^(−x²) Σ_k (2x²)^k x / (1·3·…·(2k+1)),
// which has no cancellation, so erfc is good to about 1e-16 absolutely there; from 3 on, the
// continued fraction erfc(x) = (e^(−x²)/√π) / (x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))),
// evaluated by the modified Lentz method to a relative 1e-16. Negative x: erfc(x) = 2 − erfc(−x).
// The tests compare it with reference values to within 1e-15 (absolute |error| far below 1e-7).

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 500 && term > sum * 1e-17; k++) {
    term *= twoX2 / (2 * k + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 1000; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (TWO_OVER_SQRT_PI / 2) * (Math.exp(-x * x) / f);
}

/** The complementary error function, accurate to about 1e-15 (see above). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}

/** Φ(z): the standard normal cumulative distribution function. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}
