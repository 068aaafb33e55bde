import { describe, expect, it } from 'vitest';
import {
  compareSelfChecks,
  describeChange,
  NEGLECT_EFFECTS,
  NEGLECT_SIGNS,
  RATING_SCALE,
  type Rating,
  ratingLabel,
  SELF_CHECK_ITEM_IDS,
  SELF_CHECK_ITEMS,
  type SelfCheckRatings,
  summariseComparison,
  summaryText,
} from './understand';

const all = (r: Rating): SelfCheckRatings => Object.fromEntries(SELF_CHECK_ITEM_IDS.map((id) => [id, r]));

describe('the signs, effects and scale', () => {
  it('has the five signs and four effects from the design, with unique ids', () => {
    expect(NEGLECT_SIGNS.map((s) => s.title)).toEqual([
      'Being ignored when sharing feelings',
      'A partner withdrawing',
      'Affection fading',
      'No curiosity about your life',
      'Emotional coldness',
    ]);
    expect(NEGLECT_EFFECTS.map((e) => e.title)).toEqual([
      'Insecurity',
      'Withdrawing in turn',
      'Doubting your worth',
      'Eroded trust',
    ]);
    expect(new Set(SELF_CHECK_ITEM_IDS).size).toBe(9);
    expect(SELF_CHECK_ITEMS.filter((i) => i.kind === 'sign')).toHaveLength(5);
  });

  it('has a five-point scale from "Not at all" to "Very much"', () => {
    expect(RATING_SCALE.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    expect(ratingLabel(1)).toBe('Not at all');
    expect(ratingLabel(5)).toBe('Very much');
  });

  it('uses no exclamation marks, no blame words and no diagnosis in any text', () => {
    for (const item of SELF_CHECK_ITEMS) {
      const text = `${item.title} ${item.text} ${item.prompt}`;
      expect(text).not.toMatch(/!|fault|blame|disorder|diagnos|abus|should|must/i);
    }
  });
});

describe('compareSelfChecks', () => {
  it('reports each item in order with its difference and direction', () => {
    const earlier: SelfCheckRatings = { 'ignored-when-sharing': 4, 'affection-fading': 2, insecurity: 3 };
    const later: SelfCheckRatings = { 'ignored-when-sharing': 2, 'affection-fading': 5, insecurity: 3, 'eroded-trust': 1 };
    const changes = compareSelfChecks(earlier, later);
    expect(changes.map((c) => c.id)).toEqual(SELF_CHECK_ITEM_IDS);
    const by = Object.fromEntries(changes.map((c) => [c.id, c]));
    expect(by['ignored-when-sharing']).toEqual({
      id: 'ignored-when-sharing',
      earlier: 4,
      later: 2,
      difference: -2,
      direction: 'less',
    });
    expect(by['affection-fading']).toMatchObject({ difference: 3, direction: 'more' });
    expect(by.insecurity).toMatchObject({ difference: 0, direction: 'same' });
    expect(by['eroded-trust']).toMatchObject({ earlier: null, later: 1, difference: null, direction: 'not-compared' });
    expect(by['no-curiosity']).toMatchObject({ earlier: null, later: null, direction: 'not-compared' });
  });

  it('ignores values outside the scale rather than comparing them', () => {
    const changes = compareSelfChecks({ insecurity: 9 as Rating }, { insecurity: 3 });
    expect(changes.find((c) => c.id === 'insecurity')?.direction).toBe('not-compared');
  });

  it('is antisymmetric: swapping the two flips every difference (property over all pairs)', () => {
    for (let a = 1; a <= 5; a++)
      for (let b = 1; b <= 5; b++) {
        const forward = compareSelfChecks(all(a as Rating), all(b as Rating));
        const back = compareSelfChecks(all(b as Rating), all(a as Rating));
        forward.forEach((c, i) => {
          expect((c.difference ?? 0) + (back[i]?.difference ?? Number.NaN)).toBe(0);
          expect(c.direction === 'less').toBe(back[i]?.direction === 'more');
        });
      }
  });

  it('compares a check with itself as all the same', () => {
    const s = summariseComparison(compareSelfChecks(all(3), all(3)));
    expect(s).toEqual({ less: 0, more: 0, same: 9, notCompared: 0 });
  });
});

describe('plain words for a comparison', () => {
  it('describes single changes with the scale labels', () => {
    const [first] = compareSelfChecks({ 'ignored-when-sharing': 4 }, { 'ignored-when-sharing': 2 });
    expect(first && describeChange(first)).toBe('Less than before: Quite a lot → A little.');
    const [same] = compareSelfChecks({ 'ignored-when-sharing': 3 }, { 'ignored-when-sharing': 3 });
    expect(same && describeChange(same)).toBe('About the same: Somewhat.');
    const [missing] = compareSelfChecks({}, { 'ignored-when-sharing': 3 });
    expect(missing && describeChange(missing)).toMatch(/nothing to compare/);
  });

  it('summarises in one sentence, without judging the direction', () => {
    const earlier: SelfCheckRatings = { 'ignored-when-sharing': 4, 'affection-fading': 2, insecurity: 3, 'eroded-trust': 5 };
    const later: SelfCheckRatings = { 'ignored-when-sharing': 2, 'affection-fading': 5, insecurity: 3, 'eroded-trust': 4 };
    const text = summaryText(summariseComparison(compareSelfChecks(earlier, later)));
    expect(text).toBe(
      '2 statements felt true less than before, 1 statement felt true more than before and 1 statement stayed about the same.',
    );
    expect(text).not.toMatch(/better|worse|improv|!/i);
    expect(summaryText({ less: 0, more: 0, same: 0, notCompared: 9 })).toMatch(/nothing to compare/);
  });
});
