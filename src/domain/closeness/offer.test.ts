import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../zoned-time';
import { type Depth, QUESTIONS, type Question, THEMES, type ThemeId } from './deck';
import { allowedDepths, isDeepDay, type OfferInput, questionOfTheDay, seededHash } from './offer';

const ALL_IDS = QUESTIONS.map((question) => question.id);
const THEME_IDS = THEMES.map((theme) => theme.id);

/** The depth rule, restated independently of offer.ts. */
function expectedDepths(revealedCount: number, day: string): Depth[] {
  if (revealedCount < 7) return ['light'];
  if (revealedCount <= 20) return ['light', 'medium'];
  const daysSinceEpoch = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
  return daysSinceEpoch % 2 === 0 ? ['light', 'medium', 'deep'] : ['light', 'medium'];
}

const isAllowed = (question: Question, input: OfferInput) =>
  expectedDepths(input.revealedCount, input.day).includes(question.depth);

const dayArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const revealedArb = fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constantFrom(6, 7, 20, 21));
const themeArb = fc.option(fc.constantFrom(...THEME_IDS), { nil: null });

/** Asked ids: a random few, sometimes a whole theme or the whole deck, minus a random few left unasked. */
const inputArb: fc.Arbitrary<OfferInput> = fc
  .record({
    spaceSeed: fc.string({ maxLength: 24 }),
    day: dayArb,
    revealedCount: revealedArb,
    theme: themeArb,
    some: fc.subarray(ALL_IDS),
    fillTheme: fc.boolean(),
    fillAll: fc.boolean(),
    leftOut: fc.subarray(ALL_IDS, { maxLength: 4 }),
  })
  .map(({ spaceSeed, day, revealedCount, theme, some, fillTheme, fillAll, leftOut }) => {
    const asked = new Set(some);
    if (fillTheme && theme !== null) for (const q of QUESTIONS) if (q.theme === theme) asked.add(q.id);
    if (fillAll) for (const id of ALL_IDS) asked.add(id);
    for (const id of leftOut) asked.delete(id);
    return { spaceSeed, day, revealedCount, theme, askedIds: asked };
  });

describe('allowedDepths and deep days', () => {
  it('follow the revealed-count thresholds, with deep questions only on every other day', () => {
    fc.assert(
      fc.property(revealedArb, dayArb, (revealed, day) => {
        expect([...allowedDepths(revealed, day)]).toEqual(expectedDepths(revealed, day));
      }),
    );
    expect(allowedDepths(6, '2026-03-02')).toEqual(['light']);
    expect(allowedDepths(7, '2026-03-02')).toEqual(['light', 'medium']);
    expect(allowedDepths(20, '2026-03-02')).toEqual(['light', 'medium']);
  });

  it('never makes two days in a row deep days', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        expect(isDeepDay(day) && isDeepDay(addDays(day, 1))).toBe(false);
        expect(isDeepDay(day) || isDeepDay(addDays(day, 1))).toBe(true);
      }),
    );
  });

  it('refuses a day that is not a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '2026-03-02T10:00:00Z', '']) {
      expect(() => allowedDepths(30, bad), bad).toThrow(RangeError);
    }
  });
});

describe('questionOfTheDay', () => {
  it('gives the same question for the same input, whatever the order of the asked ids', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const again = { ...input, askedIds: new Set([...input.askedIds].reverse()) };
        expect(questionOfTheDay(again)).toBe(questionOfTheDay(input));
      }),
    );
  });

  it('respects the depth allowance', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(isAllowed(questionOfTheDay(input), input)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('stays in the chosen theme while it has an unasked question allowed today', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const available = QUESTIONS.some((q) => q.theme === input.theme && isAllowed(q, input) && !input.askedIds.has(q.id));
        fc.pre(input.theme !== null && available);
        expect(questionOfTheDay(input).theme).toBe(input.theme);
      }),
      { numRuns: 300 },
    );
  });

  it('does not repeat an asked question while an allowed one is unasked; then starts over in the theme', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const question = questionOfTheDay(input);
        const alternatives = QUESTIONS.some((q) => isAllowed(q, input) && !input.askedIds.has(q.id));
        if (alternatives) expect(input.askedIds.has(question.id)).toBe(false);
        else if (input.theme !== null) expect(question.theme).toBe(input.theme);
      }),
      { numRuns: 300 },
    );
  });

  it('widens to every theme once the chosen theme is used up', () => {
    const asked = new Set(QUESTIONS.filter((q) => q.theme === 'memories').map((q) => q.id));
    for (let i = 0; i < 20; i++) {
      const question = questionOfTheDay({
        spaceSeed: 'space-1',
        day: addDays('2026-01-01', i),
        revealedCount: 40,
        theme: 'memories',
        askedIds: asked,
      });
      expect(question.theme).not.toBe('memories');
      expect(asked.has(question.id)).toBe(false);
    }
  });

  it('walks a couple through every light question once before any repeats', () => {
    const light = QUESTIONS.filter((q) => q.depth === 'light');
    const asked = new Set<string>();
    let day = '2026-01-01';
    for (let i = 0; i < light.length; i++) {
      const question = questionOfTheDay({ spaceSeed: 'walk', day, revealedCount: 0, theme: null, askedIds: asked });
      expect(question.depth).toBe('light');
      expect(asked.has(question.id)).toBe(false);
      asked.add(question.id);
      day = addDays(day, 1);
    }
    expect(asked.size).toBe(light.length);
    const after = questionOfTheDay({ spaceSeed: 'walk', day, revealedCount: 0, theme: null, askedIds: asked });
    expect(after.depth).toBe('light'); // starts over, still light
  });

  it('offers a chosen theme’s light questions first to a new couple', () => {
    const theme: ThemeId = 'gentle';
    const asked = new Set<string>();
    const lightInTheme = QUESTIONS.filter((q) => q.theme === theme && q.depth === 'light').length;
    for (let i = 0; i < lightInTheme; i++) {
      const question = questionOfTheDay({
        spaceSeed: 'g',
        day: addDays('2026-05-01', i),
        revealedCount: 2,
        theme,
        askedIds: asked,
      });
      expect([question.theme, question.depth, asked.has(question.id)]).toEqual([theme, 'light', false]);
      asked.add(question.id);
    }
  });

  it('varies from day to day and between couples, and reaches deep questions for a couple with a long history', () => {
    const month = Array.from({ length: 60 }, (_, i) => addDays('2026-01-01', i));
    const offered = (seed: string) =>
      month.map((day) => questionOfTheDay({ spaceSeed: seed, day, revealedCount: 50, theme: null, askedIds: new Set() }));
    const a = offered('couple-a');
    const b = offered('couple-b');
    expect(new Set(a.map((q) => q.id)).size).toBeGreaterThan(40);
    expect(a.filter((q, i) => q.id === b[i]?.id).length).toBeLessThan(10);
    expect(a.some((q) => q.depth === 'deep')).toBe(true);
    a.forEach((q, i) => {
      if (q.depth === 'deep') expect(a[i + 1]?.depth).not.toBe('deep');
    });
  });
});

describe('seededHash', () => {
  it('is a deterministic unsigned 32-bit number that changes with its input', () => {
    expect(seededHash('abc')).toBe(seededHash('abc'));
    expect(seededHash('abc')).not.toBe(seededHash('abd'));
    fc.assert(
      fc.property(fc.string(), (text) => {
        const hash = seededHash(text);
        expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
      }),
    );
  });
});
