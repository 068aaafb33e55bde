import { describe, expect, it } from 'vitest';
import { occurrencesIn, spansOf, type VersionFacts } from '../../domain/commitments';
import { EXPANSION_CACHE_SIZE, occurrencesInMemo } from './occurrences';

const daily: VersionFacts = {
  id: 'v1',
  from: '2026-11-01T10:00:00.000Z',
  createdAt: '2026-11-01T10:00:00.000Z',
  schedule: { kind: 'daily', by: '21:00' },
  zone: 'Europe/London',
};
const from = '2026-11-20T00:00:00.000Z';
const to = '2026-11-28T00:00:00.000Z';

describe('occurrencesInMemo', () => {
  it('gives what occurrencesIn gives, and the same answer again on a hit', () => {
    const spans = spansOf([daily], null);
    const first = occurrencesInMemo(spans, from, to);
    expect(first).toEqual(occurrencesIn(spans, from, to));
    expect(first.length).toBe(8);
    expect(occurrencesInMemo(spansOf([daily], null), from, to)).toBe(first);
  });

  it('misses on any changed input: another window, a new version, an end, another zone', () => {
    const spans = spansOf([daily], null);
    const base = occurrencesInMemo(spans, from, to);
    const moved = {
      ...daily,
      id: 'v2',
      from: '2026-11-24T10:00:00.000Z',
      createdAt: '2026-11-24T10:00:00.000Z',
      schedule: { kind: 'daily' as const, by: '18:00' },
    };
    const variants = [
      [spans, from, '2026-11-27T00:00:00.000Z'],
      [spansOf([daily, moved], null), from, to],
      [spansOf([daily], '2026-11-25T00:00:00.000Z'), from, to],
      [spansOf([{ ...daily, zone: 'America/New_York' }], null), from, to],
    ] as const;
    for (const [s, f, t] of variants) {
      const memo = occurrencesInMemo(s, f, t);
      expect(memo).not.toBe(base);
      expect(memo).toEqual(occurrencesIn(s, f, t));
    }
  });

  it('hands out a frozen answer, so no caller can change what the next one gets', () => {
    const found = occurrencesInMemo(spansOf([daily], null), from, to);
    expect(Object.isFrozen(found)).toBe(true);
    expect(found.every((o) => Object.isFrozen(o))).toBe(true);
    expect(() => {
      (found[0] as { due: string }).due = 'changed';
    }).toThrow();
  });

  it('keeps at most its bound: the oldest windows are expanded again', () => {
    const spans = spansOf([daily], null);
    const first = occurrencesInMemo(spans, from, to);
    const start = Date.parse('2027-01-01T00:00:00.000Z');
    for (let i = 0; i < EXPANSION_CACHE_SIZE; i++) {
      occurrencesInMemo(spans, new Date(start + i * 60_000).toISOString(), new Date(start + 2 * 86_400_000).toISOString());
    }
    const again = occurrencesInMemo(spans, from, to);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
