import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKIN_PERIOD, LOG_PERIOD, periodOf, SUMMARY_PERIOD } from './periods.js';
import { addDays, daysBetween } from './zoned-time.js';

const TODAY = '2026-12-06';

describe('periods', () => {
  it('default to the last 8 weeks for the summary, 28 days for a log or check-ins', () => {
    expect(periodOf({}, TODAY, SUMMARY_PERIOD)).toEqual({ ok: true, from: '2026-10-12', to: TODAY });
    expect(periodOf({}, TODAY, LOG_PERIOD)).toEqual({ ok: true, from: '2026-11-09', to: TODAY });
    expect(periodOf({}, TODAY, CHECKIN_PERIOD)).toEqual({ ok: true, from: '2026-11-09', to: TODAY });
  });

  it('fill a missing end from the other one', () => {
    expect(periodOf({ from: '2026-01-05' }, TODAY, SUMMARY_PERIOD)).toEqual({ ok: true, from: '2026-01-05', to: '2026-03-01' });
    expect(periodOf({ to: '2026-03-01' }, TODAY, SUMMARY_PERIOD)).toEqual({ ok: true, from: '2026-01-05', to: '2026-03-01' });
  });

  it('allow 52 weeks and refuse a day more, naming the field', () => {
    expect(periodOf({ from: '2026-01-05', to: '2027-01-03' }, TODAY, SUMMARY_PERIOD).ok).toBe(true);
    expect(periodOf({ from: '2026-01-05', to: '2027-01-04' }, TODAY, SUMMARY_PERIOD)).toMatchObject({ ok: false, field: 'to' });
  });

  it('refuse a start after the end, and a date that does not exist', () => {
    expect(periodOf({ from: '2026-03-02', to: '2026-03-01' }, TODAY, SUMMARY_PERIOD)).toMatchObject({ ok: false, field: 'from' });
    expect(periodOf({ from: '2026-02-30' }, TODAY, SUMMARY_PERIOD)).toMatchObject({ ok: false, field: 'from' });
    expect(periodOf({ to: '2026-13-01' }, TODAY, SUMMARY_PERIOD)).toMatchObject({ ok: false, field: 'to' });
  });

  it('never answer a period longer than the rule or backwards (property)', () => {
    const day = fc.integer({ min: -800, max: 800 }).map((n) => addDays(TODAY, n));
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), (from, to) => {
        const result = periodOf({ from, to }, TODAY, SUMMARY_PERIOD);
        if (!result.ok) return;
        expect(daysBetween(result.from, result.to)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(result.from, result.to) + 1).toBeLessThanOrEqual(SUMMARY_PERIOD.maxDays);
        if (from !== undefined) expect(result.from).toBe(from);
        if (to !== undefined) expect(result.to).toBe(to);
      }),
    );
  });
});
