import { describe, expect, it } from 'vitest';
import {
  checkinWeekPoints,
  percentOf,
  progressWeeks,
  pWords,
  rollingMean,
  sureWords,
  TOO_EARLY_WORDS,
  tenfold,
  verdictDetail,
  verdictWords,
  weeklyMeans,
  weeksBetween,
} from './progress.js';

// 2026-11-25 is a Wednesday; its week starts on Monday 2026-11-23.
const WED = '2026-11-25';

describe('progressWeeks', () => {
  it('ends with the running week, oldest first, Monday to Sunday (or today)', () => {
    expect(progressWeeks(WED, 3)).toEqual([
      { monday: '2026-11-09', last: '2026-11-15', complete: true },
      { monday: '2026-11-16', last: '2026-11-22', complete: true },
      { monday: '2026-11-23', last: WED, complete: false },
    ]);
  });

  it('counts a Sunday as still running until it is over, and crosses years', () => {
    expect(progressWeeks('2026-11-29', 1)).toEqual([{ monday: '2026-11-23', last: '2026-11-29', complete: false }]);
    expect(progressWeeks('2027-01-02', 2).map((w) => w.monday)).toEqual(['2026-12-21', '2026-12-28']);
  });

  it('refuses a count under one', () => {
    expect(() => progressWeeks(WED, 0)).toThrow(RangeError);
    expect(() => progressWeeks(WED, 1.5)).toThrow(RangeError);
  });
});

describe('rollingMean and the weekly check-in points', () => {
  const days = [
    { date: '2026-11-09', value: 2 },
    { date: '2026-11-15', value: 4 },
    { date: '2026-11-16', value: 6 },
    { date: '2026-11-23', value: 7 },
    { date: '2026-11-24', value: 8 },
  ];

  it('averages the 7 days ending on a day, both ends included', () => {
    expect(rollingMean(days, '2026-11-15')).toBe(3);
    expect(rollingMean(days, '2026-11-21')).toBe(5); // 15th and 16th
    expect(rollingMean(days, '2026-11-22')).toBe(6); // the 15th has left the window
    expect(rollingMean(days, '2026-11-08')).toBeNull();
  });

  it('plots each week with a check-in of its own at its Monday: the rolling mean at its end, times ten', () => {
    const weeks = progressWeeks(WED, 4); // 2 Nov .. 25 Nov
    expect(checkinWeekPoints(days, weeks)).toEqual([
      { at: '2026-11-09', value: 30 },
      { at: '2026-11-16', value: 60 },
      // The running week: the 7 days ending today, 19..25 Nov, hold 7 and 8 only.
      { at: '2026-11-23', value: 75 },
    ]);
  });

  it('rounds to one decimal', () => {
    const thirds = [
      { date: '2026-11-16', value: 6 },
      { date: '2026-11-17', value: 7 },
      { date: '2026-11-18', value: 7 },
    ];
    expect(checkinWeekPoints(thirds, progressWeeks(WED, 2))).toEqual([{ at: '2026-11-16', value: 66.7 }]);
    expect(tenfold(2 / 3)).toBe(6.7);
    expect(percentOf(1 / 3)).toBe(33.3);
    expect(percentOf(0.125)).toBe(12.5);
    expect(percentOf(1)).toBe(100);
  });

  it('gives each week its own plain mean, null for a week without any', () => {
    expect(weeklyMeans(days, progressWeeks(WED, 4))).toEqual([null, 3, 6, 7.5]);
  });
});

describe('weeksBetween', () => {
  it('is fractional and never negative', () => {
    const day = 86_400_000;
    expect(weeksBetween(0, 42 * day)).toBe(6);
    expect(weeksBetween(0, 41.5 * day)).toBeCloseTo(5.93, 2);
    expect(weeksBetween(10, 0)).toBe(0);
  });
});

describe('the verdict in words', () => {
  it('says too early plainly, and how sure a change is, with no p-value (verdict-words.ts)', () => {
    expect(verdictWords({ verdict: 'too-early', p: 1 })).toBe(TOO_EARLY_WORDS);
    expect(TOO_EARLY_WORDS).toBe('Too early to tell: a few more weeks will show the direction');
    expect(verdictWords({ verdict: 'steady', p: 0.4 })).toBe('Steady');
    expect(verdictWords({ verdict: 'improving', p: 0.012 })).toBe('Improving (fairly sure)');
    expect(verdictWords({ verdict: 'declining', p: 0.004 })).toBe('Declining (quite sure)');
    expect(verdictWords({ verdict: 'improving', p: 0.0002 })).toBe('Improving (very sure)');
  });

  it('grades sureness at 0.01 and 0.001', () => {
    expect(sureWords(0.049)).toBe('fairly sure');
    expect(sureWords(0.01)).toBe('fairly sure');
    expect(sureWords(0.0099)).toBe('quite sure');
    expect(sureWords(0.001)).toBe('quite sure');
    expect(sureWords(0.00099)).toBe('very sure');
    expect(pWords(0.0312)).toBe('p = 0.03');
  });

  it('says what a verdict rests on', () => {
    expect(verdictDetail({ verdict: 'too-early', n: 1 }, 12)).toBe(
      '1 week with a value so far. A reading needs at least 4, spread over 3 weeks or more.',
    );
    expect(verdictDetail({ verdict: 'steady', n: 9 }, 12)).toContain('No clear rise or fall over these 12 weeks');
  });
});
