import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THERAPY_REASONS, type TherapyFacts, therapySuggestion } from './therapy';
import type { TrendVerdictKind } from './trend';

// Nothing triggers: a recent start, good weeks, felt heard.
const calm: TherapyFacts = {
  safetyConcern: false,
  asked: false,
  weeksSinceFirstAgreement: 3,
  trend: 'steady',
  weeklyFollowThrough: [0.8, 0.9, 0.7, 1],
  weeklyFeltRate: [0.6, 0.7, 0.8, 0.75],
  weeklyFeltHeard: [6, 7],
};
const suggest = (change: Partial<TherapyFacts>) => therapySuggestion({ ...calm, ...change });

describe('therapySuggestion: each trigger at its boundary', () => {
  it('suggests nothing when nothing triggers', () => {
    expect(suggest({})).toEqual({ suggest: 'none', reasons: [] });
  });

  it('suggests couples therapy when the person asks', () => {
    expect(suggest({ asked: true })).toEqual({ suggest: 'couples-therapy', reasons: ['asked'] });
  });

  it('suggests it when the trend has not improved at 6 weeks of agreements, not at 5.9', () => {
    const reason = 'trend-not-improving-after-6-weeks';
    expect(suggest({ weeksSinceFirstAgreement: 6, trend: 'steady' })).toEqual({ suggest: 'couples-therapy', reasons: [reason] });
    expect(suggest({ weeksSinceFirstAgreement: 6, trend: 'declining' }).reasons).toEqual([reason]);
    expect(suggest({ weeksSinceFirstAgreement: 5.9, trend: 'declining' }).suggest).toBe('none');
    expect(suggest({ weeksSinceFirstAgreement: 20, trend: 'improving' }).suggest).toBe('none');
    expect(suggest({ weeksSinceFirstAgreement: 20, trend: 'too-early' }).suggest).toBe('none');
    expect(suggest({ weeksSinceFirstAgreement: null, trend: 'declining' }).suggest).toBe('none');
  });

  it('suggests it when follow-through stays under 0.5 for the last 4 weeks', () => {
    const reason = 'follow-through-low-4-weeks';
    expect(suggest({ weeklyFollowThrough: [0.49, 0.2, 0, 0.3] }).reasons).toEqual([reason]);
    expect(suggest({ weeklyFollowThrough: [1, 0.49, 0.2, 0, 0.3] }).reasons).toEqual([reason]);
    expect(suggest({ weeklyFollowThrough: [0.5, 0.2, 0, 0.3] }).suggest).toBe('none'); // 0.5 is not under 0.5
    expect(suggest({ weeklyFollowThrough: [0.2, 0, 0.3] }).suggest).toBe('none'); // only 3 weeks
    expect(suggest({ weeklyFollowThrough: [0.1, 0.1, 0.1, 0.1, 0.6] }).suggest).toBe('none'); // it recovered
    expect(suggest({ weeklyFollowThrough: [0.1, 0.1, null, 0.1] }).suggest).toBe('none'); // a week with nothing due breaks the run
    expect(suggest({ weeklyFollowThrough: [] }).suggest).toBe('none');
  });

  it('suggests it when the felt-rate stays under 0.5 for the last 4 weeks', () => {
    const reason = 'felt-rate-low-4-weeks';
    expect(suggest({ weeklyFeltRate: [0.4, 0.49, 0.25, 0] }).reasons).toEqual([reason]);
    expect(suggest({ weeklyFeltRate: [0.4, 0.5, 0.25, 0] }).suggest).toBe('none');
    expect(suggest({ weeklyFeltRate: [0.4, 0.25, 0] }).suggest).toBe('none');
    expect(suggest({ weeklyFeltRate: [null, 0.4, 0.25, 0] }).suggest).toBe('none');
  });

  it('suggests it when felt-heard stays at 3 or below for the last 2 weeks', () => {
    const reason = 'felt-heard-low-2-weeks';
    expect(suggest({ weeklyFeltHeard: [3, 3] }).reasons).toEqual([reason]);
    expect(suggest({ weeklyFeltHeard: [8, 0, 2.5] }).reasons).toEqual([reason]);
    expect(suggest({ weeklyFeltHeard: [3.01, 3] }).suggest).toBe('none');
    expect(suggest({ weeklyFeltHeard: [3, 3.01] }).suggest).toBe('none');
    expect(suggest({ weeklyFeltHeard: [2] }).suggest).toBe('none');
    expect(suggest({ weeklyFeltHeard: [2, null] }).suggest).toBe('none');
  });

  it('lists every trigger that fires, in a stable order', () => {
    expect(
      suggest({
        asked: true,
        weeksSinceFirstAgreement: 8,
        trend: 'declining',
        weeklyFollowThrough: [0, 0, 0, 0],
        weeklyFeltRate: [0, 0, 0, 0],
        weeklyFeltHeard: [1, 1],
      }),
    ).toEqual({
      suggest: 'couples-therapy',
      reasons: [
        'asked',
        'trend-not-improving-after-6-weeks',
        'follow-through-low-4-weeks',
        'felt-rate-low-4-weeks',
        'felt-heard-low-2-weeks',
      ],
    });
  });
});

describe('therapySuggestion: safety', () => {
  it('suggests individual support instead of couples therapy when the person has a safety concern', () => {
    expect(suggest({ asked: true, safetyConcern: true })).toEqual({
      suggest: 'individual-support',
      reasons: ['asked', 'safety-concern'],
    });
    expect(suggest({ weeklyFeltHeard: [1, 1], safetyConcern: true }).suggest).toBe('individual-support');
  });

  it('makes no suggestion from a safety concern alone (the safety check shows the help lines)', () => {
    expect(suggest({ safetyConcern: true })).toEqual({ suggest: 'none', reasons: [] });
  });

  it('reads a missing safety fact as a concern', () => {
    expect(suggest({ asked: true, safetyConcern: undefined as unknown as boolean }).suggest).toBe('individual-support');
  });
});

describe('therapySuggestion: bad input', () => {
  it('throws a RangeError for figures out of range', () => {
    expect(() => suggest({ weeklyFollowThrough: [1.1] })).toThrow(RangeError);
    expect(() => suggest({ weeklyFeltRate: [-0.1] })).toThrow(RangeError);
    expect(() => suggest({ weeklyFeltHeard: [10.5] })).toThrow(RangeError);
    expect(() => suggest({ weeklyFeltHeard: [Number.NaN] })).toThrow(RangeError);
    expect(() => suggest({ weeksSinceFirstAgreement: -1 })).toThrow(RangeError);
    expect(() => suggest({ weeksSinceFirstAgreement: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => suggest({ weeklyFeltHeard: [10, 0] })).not.toThrow();
  });
});

const rate = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null, freq: 5 });
const heard = fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null, freq: 5 });
const factsArb: fc.Arbitrary<TherapyFacts> = fc.record({
  safetyConcern: fc.boolean(),
  asked: fc.boolean(),
  weeksSinceFirstAgreement: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  trend: fc.constantFrom<TrendVerdictKind>('too-early', 'improving', 'steady', 'declining'),
  weeklyFollowThrough: fc.array(rate, { maxLength: 8 }),
  weeklyFeltRate: fc.array(rate, { maxLength: 8 }),
  weeklyFeltHeard: fc.array(heard, { maxLength: 8 }),
});

describe('therapySuggestion: properties', () => {
  it('never suggests couples therapy when there is a safety concern', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        expect(therapySuggestion({ ...facts, safetyConcern: true }).suggest).not.toBe('couples-therapy');
      }),
    );
  });

  it('a safety concern swaps couples therapy for individual support and changes nothing else', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const without = therapySuggestion({ ...facts, safetyConcern: false });
        const withConcern = therapySuggestion({ ...facts, safetyConcern: true });
        if (without.suggest === 'none') expect(withConcern).toEqual(without);
        else expect(withConcern).toEqual({ suggest: 'individual-support', reasons: [...without.reasons, 'safety-concern'] });
      }),
    );
  });

  it('always suggests something when the person asks; reasons are known codes and say why', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const result = therapySuggestion(facts);
        if (facts.asked) expect(result.suggest).not.toBe('none');
        expect(result.suggest === 'none').toBe(result.reasons.length === 0);
        for (const r of result.reasons) expect(THERAPY_REASONS).toContain(r);
      }),
    );
  });

  it('better recent weeks never add a reason', () => {
    fc.assert(
      fc.property(factsArb, fc.double({ min: 0, max: 1, noNaN: true }), (facts, lift) => {
        const up = (values: readonly (number | null)[], max: number) =>
          values.map((v) => (v === null ? null : Math.min(max, v + lift * max)));
        const before = therapySuggestion(facts).reasons;
        const after = therapySuggestion({
          ...facts,
          weeklyFollowThrough: up(facts.weeklyFollowThrough, 1),
          weeklyFeltRate: up(facts.weeklyFeltRate, 1),
          weeklyFeltHeard: up(facts.weeklyFeltHeard, 10),
        }).reasons;
        for (const r of after) expect(before).toContain(r);
      }),
    );
  });
});
