import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feltRate, figuresOf, followThrough, type Occurrence } from './follow-through';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day, 21)).toISOString();
const occ = (done: boolean | null, noticed: boolean | null, paused?: boolean): Occurrence => ({
  due: at(0),
  done,
  noticed,
  ...(paused === undefined ? {} : { paused }),
});

const mark = fc.constantFrom<boolean | null>(true, false, null);
const occurrenceArb: fc.Arbitrary<Occurrence> = fc.record(
  {
    due: fc.integer({ min: 0, max: 3000 }).map(at),
    done: mark,
    noticed: mark,
    paused: fc.boolean(),
  },
  { requiredKeys: ['due', 'done', 'noticed'] },
);
const occurrences = fc.array(occurrenceArb, { maxLength: 60 });
const activeDue = fc.record({ due: fc.integer({ min: 0, max: 3000 }).map(at), noticed: mark });

describe('followThrough and feltRate: examples', () => {
  it('is null when nothing is due, or when everything due was paused', () => {
    expect(followThrough([])).toBeNull();
    expect(feltRate([])).toBeNull();
    expect(followThrough([occ(true, true, true)])).toBeNull();
    expect(figuresOf([occ(false, null, true)])).toEqual({
      due: 0,
      done: 0,
      noticed: 0,
      followThrough: null,
      feltRate: null,
      gap: null,
    });
  });

  it('counts done over due and noticed over due, with no mark counting as not done or not noticed', () => {
    const list = [occ(true, true), occ(true, null), occ(false, false), occ(null, true)];
    expect(followThrough(list)).toBe(0.5);
    expect(feltRate(list)).toBe(0.5);
    expect(figuresOf([occ(true, null), occ(true, false), occ(true, true), occ(null, null)])).toEqual({
      due: 4,
      done: 3,
      noticed: 1,
      followThrough: 0.75,
      feltRate: 0.25,
      gap: 0.5,
    });
  });

  it('leaves paused occurrences out of every figure', () => {
    const list = [occ(true, true), occ(false, false, true), occ(null, null, true)];
    expect(figuresOf(list)).toEqual(figuresOf([occ(true, true)]));
    expect(followThrough(list)).toBe(1);
  });

  it('treats paused: false like no pause at all', () => {
    expect(figuresOf([occ(false, false, false)]).due).toBe(1);
  });

  it('gives a negative gap when more was felt than marked done (for example, done but not marked)', () => {
    expect(figuresOf([occ(null, true), occ(true, true)]).gap).toBe(-0.5);
  });

  it('gives exactly 0 for the gap when done and noticed counts match', () => {
    const list = [occ(true, true), occ(false, false), occ(true, true)];
    expect(figuresOf(list).gap).toBe(0);
  });
});

describe('followThrough and feltRate: properties', () => {
  it('figures stay within 0..1, and the gap within -1..1', () => {
    fc.assert(
      fc.property(occurrences, (list) => {
        const f = figuresOf(list);
        for (const rate of [f.followThrough, f.feltRate]) {
          if (rate !== null) {
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(1);
          }
        }
        if (f.gap !== null) {
          expect(f.gap).toBeGreaterThanOrEqual(-1);
          expect(f.gap).toBeLessThanOrEqual(1);
        }
        expect(f.done).toBeLessThanOrEqual(f.due);
        expect(f.noticed).toBeLessThanOrEqual(f.due);
      }),
    );
  });

  it('is null exactly when no non-paused occurrence is given', () => {
    fc.assert(
      fc.property(occurrences, (list) => {
        const none = list.every((o) => o.paused === true);
        expect(followThrough(list) === null).toBe(none);
        expect(feltRate(list) === null).toBe(none);
      }),
    );
  });

  it('agrees with figuresOf', () => {
    fc.assert(
      fc.property(occurrences, (list) => {
        const f = figuresOf(list);
        expect(followThrough(list)).toBe(f.followThrough);
        expect(feltRate(list)).toBe(f.feltRate);
        if (f.followThrough !== null && f.feltRate !== null) {
          expect(f.gap).toBeCloseTo(f.followThrough - f.feltRate, 12);
        }
      }),
    );
  });

  it('adding a due occurrence that is not done never raises follow-through', () => {
    fc.assert(
      fc.property(occurrences, activeDue, fc.constantFrom<false | null>(false, null), (list, extra, done) => {
        const before = followThrough(list);
        const after = followThrough([...list, { ...extra, done }]);
        expect(after).not.toBeNull();
        if (before !== null) expect(after as number).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('adding a due occurrence that was not noticed never raises felt-rate', () => {
    fc.assert(
      fc.property(occurrences, activeDue, mark, fc.constantFrom<false | null>(false, null), (list, extra, done, noticed) => {
        const before = feltRate(list);
        const after = feltRate([...list, { due: extra.due, done, noticed }]);
        if (before !== null) expect(after as number).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('adding a done, noticed occurrence never lowers either rate', () => {
    fc.assert(
      fc.property(occurrences, activeDue, (list, extra) => {
        const before = figuresOf(list);
        const after = figuresOf([...list, { due: extra.due, done: true, noticed: true }]);
        if (before.followThrough !== null) expect(after.followThrough as number).toBeGreaterThanOrEqual(before.followThrough);
        if (before.feltRate !== null) expect(after.feltRate as number).toBeGreaterThanOrEqual(before.feltRate);
      }),
    );
  });

  it('paused occurrences change nothing, whatever their marks', () => {
    fc.assert(
      fc.property(occurrences, fc.array(occurrenceArb, { maxLength: 20 }), fc.nat(), (list, extra, seed) => {
        const paused = extra.map((o) => ({ ...o, paused: true }));
        const mixed = [...list];
        for (const [i, p] of paused.entries()) mixed.splice((seed + i * 7) % (mixed.length + 1), 0, p);
        expect(figuresOf(mixed)).toEqual(figuresOf(list));
      }),
    );
  });

  it('the order of occurrences does not matter', () => {
    fc.assert(
      fc.property(
        occurrences.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          expect(figuresOf(shuffled)).toEqual(figuresOf(list));
        },
      ),
    );
  });

  it('the due instant itself does not change the figures (the caller chooses what is due)', () => {
    fc.assert(
      fc.property(occurrences, fc.integer({ min: 0, max: 3000 }), (list, day) => {
        expect(figuresOf(list.map((o) => ({ ...o, due: at(day) })))).toEqual(figuresOf(list));
      }),
    );
  });
});
