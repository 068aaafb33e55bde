import { describe, expect, it } from 'vitest';
import { bothRevealed, CAUSE_IDS, CAUSES, causeLabel, compareCauses, isCauseId, revealStage } from './causes';

describe('the list of causes', () => {
  it('has the eight causes from the design, with unique ids and plain labels', () => {
    expect(CAUSES).toHaveLength(8);
    expect(new Set(CAUSE_IDS).size).toBe(8);
    for (const c of CAUSES) {
      expect(c.label).not.toMatch(/!|fault|blame/i);
      expect(c.hint.length).toBeGreaterThan(10);
    }
  });

  it('knows its own ids and no others', () => {
    expect(isCauseId('patterns')).toBe(true);
    expect(isCauseId('your-fault')).toBe(false);
    expect(causeLabel('outside-stress')).toBe('Stress from outside the relationship');
  });
});

describe('compareCauses', () => {
  it('splits two sets into shared, only mine and only theirs, in list order', () => {
    expect(
      compareCauses(['patterns', 'outside-stress', 'not-realising'], ['not-realising', 'unvoiced-feelings', 'outside-stress']),
    ).toEqual({
      shared: ['outside-stress', 'not-realising'],
      onlyMine: ['patterns'],
      onlyTheirs: ['unvoiced-feelings'],
    });
  });

  it('handles empty sets, repeats and unknown ids', () => {
    expect(compareCauses([], [])).toEqual({ shared: [], onlyMine: [], onlyTheirs: [] });
    expect(compareCauses(['patterns', 'patterns', 'nope'], [])).toEqual({ shared: [], onlyMine: ['patterns'], onlyTheirs: [] });
  });

  it('is symmetric: swapping the sets swaps the sides and keeps the agreement', () => {
    const sets: string[][] = [
      [],
      ['patterns'],
      ['patterns', 'different-needs'],
      [...CAUSE_IDS],
      ['outside-stress', 'not-realising'],
    ];
    for (const a of sets)
      for (const b of sets) {
        const ab = compareCauses(a, b);
        const ba = compareCauses(b, a);
        expect(ba).toEqual({ shared: ab.shared, onlyMine: ab.onlyTheirs, onlyTheirs: ab.onlyMine });
        // Every marked item lands in exactly one group.
        const all = [...ab.shared, ...ab.onlyMine, ...ab.onlyTheirs];
        expect(new Set(all).size).toBe(all.length);
        expect(new Set(all)).toEqual(new Set([...a, ...b]));
      }
  });
});

describe('revealing', () => {
  it('opens the comparison only when both have revealed', () => {
    expect(revealStage(false, false)).toBe('neither');
    expect(revealStage(true, false)).toBe('only-me');
    expect(revealStage(false, true)).toBe('only-them');
    expect(revealStage(true, true)).toBe('both');
    expect(bothRevealed(true, false)).toBe(false);
    expect(bothRevealed(false, true)).toBe(false);
    expect(bothRevealed(true, true)).toBe(true);
  });
});
