import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrendVerdictKind } from './trend';
import { WALK_AWAY_REASONS, type WalkAwayFacts, walkAwaySignals } from './walk-away';
import { addDays } from './zoned-time';

const NOW = '2026-06-01';
// Facts that are past every too-early gate, with a low felt-rate and a steady pulse: concern.
const base: WalkAwayFacts = {
  conversations: 3,
  firstAgreementAt: addDays(NOW, -56),
  now: NOW,
  feltRate4w: 0.39,
  pulseTrend: 'steady',
};
const levelOf = (change: Partial<WalkAwayFacts>) => walkAwaySignals({ ...base, ...change });

describe('walkAwaySignals: too early', () => {
  it('is too early with 2 conversations, not with 3', () => {
    expect(levelOf({ conversations: 2 })).toEqual({ level: 'too-early', reasons: ['few-conversations'] });
    expect(levelOf({ conversations: 0 }).level).toBe('too-early');
    expect(levelOf({ conversations: 3 }).level).toBe('concern');
  });

  it('is too early with no agreement yet', () => {
    expect(levelOf({ firstAgreementAt: null })).toEqual({ level: 'too-early', reasons: ['no-agreement-yet'] });
  });

  it('is too early at 55 days since the first agreement, not at 56', () => {
    expect(levelOf({ firstAgreementAt: addDays(NOW, -55) })).toEqual({
      level: 'too-early',
      reasons: ['agreement-under-8-weeks'],
    });
    expect(levelOf({ firstAgreementAt: addDays(NOW, -56) }).level).toBe('concern');
  });

  it('counts instants as elapsed time: 55 days and 23 hours is still under 8 weeks', () => {
    expect(levelOf({ firstAgreementAt: '2026-04-06T10:00:00Z', now: '2026-06-01T09:00:00Z' }).level).toBe('too-early');
    expect(levelOf({ firstAgreementAt: '2026-04-06T10:00:00Z', now: '2026-06-01T10:00:00Z' }).level).toBe('concern');
    // Mixed: a plain date is its UTC midnight.
    expect(levelOf({ firstAgreementAt: '2026-04-06', now: '2026-06-01T00:00:00Z' }).level).toBe('concern');
  });

  it('treats an agreement dated after now as under 8 weeks', () => {
    expect(levelOf({ firstAgreementAt: addDays(NOW, 3) }).reasons).toEqual(['agreement-under-8-weeks']);
  });

  it('lists every reason that holds, in a stable order', () => {
    expect(levelOf({ conversations: 1, firstAgreementAt: null })).toEqual({
      level: 'too-early',
      reasons: ['few-conversations', 'no-agreement-yet'],
    });
    expect(levelOf({ conversations: 2, firstAgreementAt: addDays(NOW, -10) }).reasons).toEqual([
      'few-conversations',
      'agreement-under-8-weeks',
    ]);
  });

  it('is too early whatever the felt-rate and pulse say', () => {
    expect(levelOf({ conversations: 2, feltRate4w: 0, pulseTrend: 'declining' }).level).toBe('too-early');
  });
});

describe('walkAwaySignals: concern and keep-going', () => {
  it('raises concern at a felt-rate of 0.39, not at 0.4', () => {
    expect(levelOf({ feltRate4w: 0.39 })).toEqual({ level: 'concern', reasons: ['felt-rate-low', 'pulse-not-improving'] });
    expect(levelOf({ feltRate4w: 0 }).level).toBe('concern');
    expect(levelOf({ feltRate4w: 0.4 })).toEqual({ level: 'keep-going', reasons: ['felt-rate-ok'] });
    expect(levelOf({ feltRate4w: 1 }).level).toBe('keep-going');
  });

  it('keeps going when the felt-rate is unknown (nothing was due)', () => {
    expect(levelOf({ feltRate4w: null })).toEqual({ level: 'keep-going', reasons: ['felt-rate-unknown'] });
    expect(levelOf({ feltRate4w: null, pulseTrend: 'improving' }).reasons).toEqual(['felt-rate-unknown', 'pulse-improving']);
  });

  it('treats each pulse trend other than improving as not improving', () => {
    const cases: [TrendVerdictKind, string][] = [
      ['too-early', 'concern'],
      ['steady', 'concern'],
      ['declining', 'concern'],
      ['improving', 'keep-going'],
    ];
    for (const [pulseTrend, level] of cases) expect(levelOf({ pulseTrend }).level).toBe(level);
    expect(levelOf({ pulseTrend: 'improving' }).reasons).toEqual(['pulse-improving']);
    expect(levelOf({ pulseTrend: 'improving', feltRate4w: 0.8 }).reasons).toEqual(['felt-rate-ok', 'pulse-improving']);
  });

  it('throws a RangeError for impossible facts', () => {
    expect(() => levelOf({ conversations: -1 })).toThrow(RangeError);
    expect(() => levelOf({ conversations: 2.5 })).toThrow(RangeError);
    expect(() => levelOf({ feltRate4w: 1.01 })).toThrow(RangeError);
    expect(() => levelOf({ feltRate4w: Number.NaN })).toThrow(RangeError);
    expect(() => levelOf({ now: 'today' })).toThrow(RangeError);
    expect(() => levelOf({ firstAgreementAt: '2026-02-30' })).toThrow(RangeError);
    expect(() => levelOf({ pulseTrend: 'better' as TrendVerdictKind })).toThrow(RangeError);
  });
});

const trendArb = fc.constantFrom<TrendVerdictKind>('too-early', 'improving', 'steady', 'declining');
const factsArb: fc.Arbitrary<WalkAwayFacts> = fc.record({
  conversations: fc.integer({ min: 0, max: 20 }),
  firstAgreementAt: fc.option(
    fc.integer({ min: -200, max: 10 }).map((d) => addDays(NOW, d)),
    { nil: null },
  ),
  now: fc.constant(NOW),
  feltRate4w: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  pulseTrend: trendArb,
});

describe('walkAwaySignals: properties', () => {
  it('never becomes too early (or gains a too-early reason) by adding conversations', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 1, max: 10 }), (facts, more) => {
        const before = walkAwaySignals(facts);
        const after = walkAwaySignals({ ...facts, conversations: facts.conversations + more });
        if (before.level !== 'too-early') expect(after.level).not.toBe('too-early');
        if (after.level === 'too-early') for (const r of after.reasons) expect(before.reasons).toContain(r);
      }),
    );
  });

  it('never turns keep-going into concern by raising the felt-rate', () => {
    fc.assert(
      fc.property(factsArb, fc.double({ min: 0, max: 1, noNaN: true }), (facts, raised) => {
        if (facts.feltRate4w === null) return;
        const higher = Math.max(facts.feltRate4w, raised);
        const before = walkAwaySignals(facts);
        const after = walkAwaySignals({ ...facts, feltRate4w: higher });
        if (before.level === 'keep-going') expect(after.level).toBe('keep-going');
        if (before.level !== 'concern') expect(after.level).not.toBe('concern');
      }),
    );
  });

  it('never raises concern when the pulse is improving or the felt-rate unknown; reasons are known codes, never empty', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const result = walkAwaySignals(facts);
        if (facts.pulseTrend === 'improving' || facts.feltRate4w === null) expect(result.level).not.toBe('concern');
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const r of result.reasons) expect(WALK_AWAY_REASONS).toContain(r);
        expect(new Set(result.reasons).size).toBe(result.reasons.length);
      }),
    );
  });
});
