import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heldOutNeedCases } from './held-out-cases';
import { NEED_CASES, needKnownLimits } from './need-cases';
import { assessNeed } from './need-coach';

describe('assessNeed: the labelled table', () => {
  it('has at least 100 cases, with no duplicate texts, and covers every level', () => {
    expect(NEED_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(NEED_CASES.map((c) => c.text)).size).toBe(NEED_CASES.length);
    for (const level of ['specific', 'partial', 'vague'] as const) {
      expect(NEED_CASES.some((c) => c.level === level)).toBe(true);
    }
  });

  it.each(NEED_CASES.map((c) => [c.text, c] as const))('%j', (_text, c) => {
    const result = assessNeed(c.text);
    expect({ level: result.level, missing: result.missing }).toEqual({ level: c.level, missing: c.missing });
  });

  it('keeps the known limits out of the table', () => {
    const table = new Set(NEED_CASES.map((c) => c.text));
    expect(needKnownLimits.length).toBeGreaterThanOrEqual(8);
    for (const c of needKnownLimits) {
      expect(table.has(c.text), c.text).toBe(false);
      expect(c.note, c.text).toBeTruthy();
    }
  });
});

describe('assessNeed: the held-out set stays held out', () => {
  it('shares no need with the table or the known limits, so the figures on it stay honest', () => {
    const seen = new Set([...NEED_CASES, ...needKnownLimits].map((c) => c.text.toLowerCase()));
    expect(heldOutNeedCases.length).toBeGreaterThanOrEqual(25);
    for (const c of heldOutNeedCases) expect(seen.has(c.text.toLowerCase()), c.text).toBe(false);
  });
});

describe('assessNeed: suggestions', () => {
  it('matches the examples in the brief', () => {
    expect(assessNeed('be more present').suggestion).toBe(
      'ask about my day at dinner and listen without your phone, most evenings',
    );
    expect(assessNeed('call me more').suggestion).toBe('call me once during the work day');
  });

  it('suggests for every vague or partial case, never for a specific one, and never with an exclamation mark', () => {
    for (const c of NEED_CASES) {
      const { suggestion } = assessNeed(c.text);
      if (c.level === 'specific') expect(suggestion, c.text).toBeUndefined();
      else {
        expect(suggestion, c.text).toBeTruthy();
        expect(suggestion, c.text).not.toMatch(/!/);
      }
    }
  });

  it('offers suggestions the coach itself rates specific', () => {
    for (const c of NEED_CASES) {
      const { suggestion } = assessNeed(c.text);
      if (suggestion) expect(assessNeed(suggestion).level, `${c.text} -> ${suggestion}`).toBe('specific');
    }
  });

  it('keeps the moment the person gave when the action is missing', () => {
    expect(assessNeed('be more present every evening').suggestion).toMatch(/every evening$/);
    expect(assessNeed('be there for me when I’m upset').suggestion).toMatch(/when I'm upset$/);
  });

  it('keeps the person’s own words when only the moment is missing, dropping "more" and "sometimes"', () => {
    expect(assessNeed('Hug me more often.').suggestion).toBe('Hug me when you come home');
    expect(assessNeed('text me sometimes').suggestion).toBe('text me once during the work day');
  });
});

describe('assessNeed: robustness', () => {
  it('treats curly and straight apostrophes, case and spacing alike', () => {
    const variants = ['Don’t hug me', "don't hug me", 'DONT HUG ME', '  don t   hug me  '];
    for (const v of variants) expect(assessNeed(v).level, v).toBe('vague');
    expect(assessNeed('HOLD ME WHEN I’M UPSET').level).toBe('specific');
    expect(assessNeed('hold me when im upset').level).toBe('specific');
  });

  it('does not read "were" or "well" as contractions', () => {
    expect(assessNeed('call me, as we were saying').level).toBe('partial');
    expect(assessNeed('cook well').level).toBe('partial');
  });

  it('returns well-formed answers for non-string input from untyped callers', () => {
    expect(assessNeed(undefined as unknown as string)).toMatchObject({ level: 'vague', missing: ['action', 'when'] });
  });

  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(fc.constantFrom(...NEED_CASES.map((c) => c.text), ',', 'and', 'not', 'stop', 'when', '’', '!', 'every'), {
        maxLength: 8,
      })
      .map((parts) => parts.join(' ')),
  );

  it('property: never throws, and the same text always gets the same answer', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(assessNeed(text)).toEqual(assessNeed(text));
      }),
      { numRuns: 500 },
    );
  });

  it('property: missing is empty iff specific, and vague iff missing includes action', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { level, missing, suggestion } = assessNeed(text);
        expect(missing.length === 0).toBe(level === 'specific');
        expect(missing.includes('action')).toBe(level === 'vague');
        expect(missing).toEqual((['action', 'when'] as const).filter((p) => missing.includes(p))); // action first
        expect(new Set(missing).size).toBe(missing.length);
        expect(suggestion === undefined).toBe(level === 'specific');
      }),
      { numRuns: 500 },
    );
  });

  it('handles very long input quickly', () => {
    const long = 'be more present and hug me, '.repeat(5000);
    const started = performance.now();
    expect(assessNeed(long).level).toBe('partial');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
