import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isIsoWeekKey,
  isoWeekKey,
  mondayOfIsoWeek,
  PULSE_AREA_LABELS,
  PULSE_ITEMS,
  type PulseAnswers,
  pulseAnswerProblems,
  pulseScore,
  pulseWeekAt,
} from './pulse';
import { addDays, mondayOf } from './zoned-time';

const all = (rating: number): PulseAnswers => Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, rating])) as PulseAnswers;
const ratingsArb = fc
  .array(fc.integer({ min: 1, max: 7 }), { minLength: PULSE_ITEMS.length, maxLength: PULSE_ITEMS.length })
  .map((ratings) => Object.fromEntries(PULSE_ITEMS.map((item, i) => [item.id, ratings[i]])) as PulseAnswers);

describe('the pulse items', () => {
  it('has two items in each of the four areas, with unique ids and words', () => {
    expect(PULSE_ITEMS).toHaveLength(8);
    for (const area of Object.keys(PULSE_AREA_LABELS)) {
      expect(PULSE_ITEMS.filter((item) => item.area === area)).toHaveLength(2);
    }
    expect(new Set(PULSE_ITEMS.map((item) => item.id)).size).toBe(8);
    expect(new Set(PULSE_ITEMS.map((item) => item.text)).size).toBe(8);
  });

  it('speaks plainly: short sentences, no exclamation marks', () => {
    for (const item of PULSE_ITEMS) {
      expect(item.text).not.toContain('!');
      expect(item.text.length).toBeLessThanOrEqual(90);
      expect(item.text.endsWith('.')).toBe(true);
    }
  });
});

describe('pulseScore', () => {
  it('maps all 1s to 0, all 7s to 100 and all 4s to 50', () => {
    expect(pulseScore(all(1))).toBe(0);
    expect(pulseScore(all(7))).toBe(100);
    expect(pulseScore(all(4))).toBe(50);
  });

  it('rescales the mean and rounds to one decimal, halves up', () => {
    // One item at 2, the rest at 1: mean 1.125 → 0.125/6 × 100 = 2.0833 → 2.1.
    expect(pulseScore({ ...all(1), 'follows-through': 2 })).toBe(2.1);
    // Three points above all 1s: 3/48 × 100 = 6.25 → 6.3.
    expect(pulseScore({ ...all(1), 'follows-through': 2, 'turns-toward-me': 3 })).toBe(6.3);
    // Mean 5.5: 4.5/6 × 100 = 75.
    expect(
      pulseScore({ ...all(5), 'follows-through': 7, 'can-work-through': 7, 'steady-response': 6, 'know-where-i-stand': 4 }),
    ).toBe(75);
  });

  it('needs every item, each a whole number from 1 to 7', () => {
    const { 'hopeful-about-us': _left, ...missing } = all(4);
    expect(pulseAnswerProblems(missing)).toEqual([
      { item: 'hopeful-about-us', message: 'Please choose an answer for this one.' },
    ]);
    expect(() => pulseScore(missing as PulseAnswers)).toThrow(RangeError);
    for (const bad of [0, 8, 3.5, Number.NaN, '4']) {
      const answers = { ...all(4), 'turns-toward-me': bad } as unknown as PulseAnswers;
      expect(pulseAnswerProblems(answers)).toEqual([{ item: 'turns-toward-me', message: 'Please choose a number from 1 to 7.' }]);
      expect(() => pulseScore(answers)).toThrow(RangeError);
    }
    expect(pulseAnswerProblems({ ...all(4), 'something-else': 4 })).toEqual([
      { item: 'something-else', message: 'This is not one of the pulse statements.' },
    ]);
    expect(pulseAnswerProblems(null)).toHaveLength(1);
    expect(pulseAnswerProblems([4, 4, 4])).toHaveLength(1);
    expect(pulseAnswerProblems(all(4))).toEqual([]);
  });

  it('stays within 0..100 on a 0.1 grid, matches the formula, and never falls when one answer rises', () => {
    fc.assert(
      fc.property(ratingsArb, fc.nat(PULSE_ITEMS.length - 1), (answers, k) => {
        const score = pulseScore(answers);
        const values = Object.values(answers);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(Math.abs(score - ((mean - 1) / 6) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Number.isInteger(Math.round(score * 10)) && Math.abs(score * 10 - Math.round(score * 10)) < 1e-9).toBe(true);
        const id = (PULSE_ITEMS[k] as (typeof PULSE_ITEMS)[number]).id;
        if (answers[id] < 7) expect(pulseScore({ ...answers, [id]: answers[id] + 1 })).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});

describe('ISO week keys', () => {
  it('numbers weeks from Monday, with the year of their Thursday (checked against Python isocalendar)', () => {
    const cases: [string, string][] = [
      ['2026-01-01', '2026-W01'],
      ['2025-12-29', '2026-W01'],
      ['2025-12-28', '2025-W52'],
      ['2020-12-31', '2020-W53'],
      ['2021-01-03', '2020-W53'],
      ['2021-01-04', '2021-W01'],
      ['2027-01-01', '2026-W53'],
      ['2027-01-04', '2027-W01'],
      ['2024-12-30', '2025-W01'],
      ['2026-06-15', '2026-W25'],
    ];
    for (const [date, key] of cases) expect(isoWeekKey(date)).toBe(key);
  });

  it('finds the Monday of a week and knows which weeks exist', () => {
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(isIsoWeekKey('2026-W53')).toBe(true);
    expect(isIsoWeekKey('2025-W53')).toBe(false);
    for (const bad of ['2026-W00', '2026-W54', '2026-W1', '2026W01', '2026-w01', '']) expect(isIsoWeekKey(bad)).toBe(false);
    expect(() => mondayOfIsoWeek('2025-W53')).toThrow(RangeError);
    expect(() => isoWeekKey('2026-02-30')).toThrow(RangeError);
  });

  it('takes the week of an instant in the person’s own zone', () => {
    const lateSunday = new Date('2026-01-04T23:30:00Z');
    expect(pulseWeekAt(lateSunday, 'UTC')).toBe('2026-W01');
    expect(pulseWeekAt(lateSunday, 'Europe/Berlin')).toBe('2026-W02'); // already Monday 00:30 there
    expect(pulseWeekAt(lateSunday, 'America/New_York')).toBe('2026-W01');
  });

  it('gives the seven days from a Monday one key, whose Monday is that Monday; the next Monday the next key', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 40000 }), (offset) => {
        const monday = mondayOf(addDays('2026-01-05', offset));
        const key = isoWeekKey(monday);
        expect(isIsoWeekKey(key)).toBe(true);
        expect(mondayOfIsoWeek(key)).toBe(monday);
        for (let d = 1; d < 7; d++) expect(isoWeekKey(addDays(monday, d))).toBe(key);
        expect(isoWeekKey(addDays(monday, 7)) > key).toBe(true);
      }),
    );
  });
});
