import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feltRate, figuresOf } from './follow-through';
import { answeredWithdrawnMark, type MarkStatus, noticedFor } from './withdrawn-marks';

const status = fc.constantFrom<MarkStatus | null>('done', 'missed', null);

describe('an acknowledgement of a "done" that was taken back (decision 027)', () => {
  it('no longer counts as noticed once the "done" it answered becomes "It didn\'t happen"', () => {
    expect(answeredWithdrawnMark('done', 'missed')).toBe(true);
    expect(noticedFor({ noticed: true, answered: 'done' }, 'missed')).toBeNull();
  });

  it('no longer counts once the "done" it answered is taken back altogether', () => {
    expect(answeredWithdrawnMark('done', null)).toBe(true);
    expect(noticedFor({ noticed: true, answered: 'done' }, null)).toBeNull();
  });

  it('stands again when the actor marks it done again', () => {
    expect(answeredWithdrawnMark('done', 'done')).toBe(false);
    expect(noticedFor({ noticed: true, answered: 'done' }, 'done')).toBe(true);
  });

  it('still counts when the partner felt care on an occurrence already marked missed (feltRate as specified)', () => {
    expect(noticedFor({ noticed: true, answered: 'missed' }, 'missed')).toBe(true);
    expect(noticedFor({ noticed: true, answered: null }, 'missed')).toBe(true);
    expect(noticedFor({ noticed: true, answered: null }, null)).toBe(true);
    // …and feltRate over such an occurrence is what it always was.
    expect(feltRate([{ due: '2026-01-01T21:00:00.000Z', done: false, noticed: true }])).toBe(1);
  });

  it('keeps "I didn\'t notice" as not noticed, and no acknowledgement as none', () => {
    expect(noticedFor({ noticed: false, answered: 'done' }, 'done')).toBe(false);
    expect(noticedFor(null, 'done')).toBeNull();
    expect(noticedFor(undefined, 'missed')).toBeNull();
  });

  it('the figures of the reported case: Done 0 of 1 and Noticed 0 of 1, not 1 of 1', () => {
    const f = figuresOf([
      { due: '2026-01-01T21:00:00.000Z', done: false, noticed: noticedFor({ noticed: true, answered: 'done' }, 'missed') },
    ]);
    expect(f).toMatchObject({ due: 1, done: 0, noticed: 0, followThrough: 0, feltRate: 0 });
  });

  it('only a withdrawn "done" changes anything: otherwise noticed is what the acknowledgement said', () => {
    fc.assert(
      fc.property(fc.boolean(), status, status, (noticed, answered, current) => {
        const result = noticedFor({ noticed, answered }, current);
        if (answered === 'done' && current !== 'done') expect(result).toBeNull();
        else expect(result).toBe(noticed);
      }),
    );
  });

  it('a withdrawn answer never counts for more than an answer that stands', () => {
    fc.assert(
      fc.property(fc.boolean(), status, (noticed, current) => {
        const n = noticedFor({ noticed, answered: 'done' }, current) === true ? 1 : 0;
        const standing = noticedFor({ noticed, answered: current }, current) === true ? 1 : 0;
        expect(n).toBeLessThanOrEqual(standing);
      }),
    );
  });
});
