// Seeded synthetic series with a known trend, for measuring how well trendVerdict finds it (the unit
// test asserts thresholds; scripts/trend-report.ts prints the table). Pure and deterministic: the same
// seed gives the same series on every machine. Not part of the domain's public surface.

import type { TrendPoint } from './trend.js';
import { addDays } from './zoned-time.js';

/** mulberry32: a small, fast, seeded PRNG giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by the Box-Muller transform. */
export function gaussian(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]: log(u) is finite
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface SimulationSpec {
  weeks: number; // number of weekly points
  slopePerWeek: number; // the true trend, points per week (0: flat)
  noiseSd: number; // standard deviation of the noise around the line
  center?: number; // the line's value mid-series (default 50)
  start?: string; // the first point's date (default Monday 2026-01-05)
}

/**
 * One weekly point per week: center + slope × (week − middle) + noise, clamped to 0..100 and rounded
 * to one decimal, like a pulse score.
 */
export function simulateWeeklySeries(spec: SimulationSpec, rand: () => number): TrendPoint[] {
  const center = spec.center ?? 50;
  const start = spec.start ?? '2026-01-05';
  const middle = (spec.weeks - 1) / 2;
  return Array.from({ length: spec.weeks }, (_, week) => {
    const raw = center + spec.slopePerWeek * (week - middle) + spec.noiseSd * gaussian(rand);
    const value = Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;
    return { at: addDays(start, week * 7), value };
  });
}
