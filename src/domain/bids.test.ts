import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BID_KINDS,
  BID_RESPONSES,
  type BidFact,
  bidResponseProblem,
  bidWeeks,
  isBidKind,
  isBidResponse,
  tallyBids,
  turningTowardRatio,
} from './bids';
import { addDays } from './zoned-time';

const bid = (response: BidFact['response'], localDate = '2026-03-02'): BidFact => ({ kind: 'bid', response, localDate });
const gesture = (localDate = '2026-03-02'): BidFact => ({ kind: 'gesture', response: null, localDate });

describe('turningTowardRatio', () => {
  it('is toward over marked bids', () => {
    expect(turningTowardRatio([bid('toward'), bid('toward'), bid('away'), bid('against')])).toBe(0.5);
    expect(turningTowardRatio([bid('toward')])).toBe(1);
    expect(turningTowardRatio([bid('away'), bid('against')])).toBe(0);
  });

  it('is null when no bid is marked, however many there are', () => {
    expect(turningTowardRatio([])).toBeNull();
    expect(turningTowardRatio([bid(null), bid(null), gesture()])).toBeNull();
  });

  it('leaves gestures out of the bids', () => {
    expect(tallyBids([gesture(), gesture(), bid('toward'), bid(null)])).toEqual({
      gestures: 2,
      bids: 2,
      toward: 1,
      away: 0,
      against: 0,
      unmarked: 1,
      ratio: 1,
    });
  });
});

describe('bidResponseProblem and the guards', () => {
  it('refuses a response on a gesture and allows any on a bid', () => {
    expect(bidResponseProblem('gesture', 'toward')).toMatch(/gesture/);
    expect(bidResponseProblem('gesture', null)).toBeNull();
    for (const r of [...BID_RESPONSES, null]) expect(bidResponseProblem('bid', r)).toBeNull();
  });

  it('knows the kinds and responses', () => {
    for (const k of BID_KINDS) expect(isBidKind(k)).toBe(true);
    for (const r of BID_RESPONSES) expect(isBidResponse(r)).toBe(true);
    expect(isBidKind('hug')).toBe(false);
    expect(isBidResponse('ignored')).toBe(false);
  });
});

describe('bidWeeks', () => {
  it('counts per Monday-start week, oldest first, and over the whole window', () => {
    const facts = [
      bid('toward', '2026-03-02'), // Monday, week 1
      bid('away', '2026-03-08'), // Sunday, still week 1
      gesture('2026-03-09'), // Monday, week 2
      bid(null, '2026-03-10'),
      bid('toward', '2026-02-28'), // before the window
      bid('toward', '2026-03-23'), // after the window
    ];
    const { weeks, total } = bidWeeks(facts, '2026-03-02', 3);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(weeks[0]).toMatchObject({ bids: 2, toward: 1, away: 1, unmarked: 0, ratio: 0.5, gestures: 0 });
    expect(weeks[1]).toMatchObject({ bids: 1, unmarked: 1, ratio: null, gestures: 1 });
    expect(weeks[2]).toMatchObject({ bids: 0, ratio: null, gestures: 0 });
    expect(total).toMatchObject({ bids: 3, toward: 1, away: 1, unmarked: 1, gestures: 1, ratio: 0.5 });
  });
});

describe('bids properties', () => {
  const response = fc.constantFrom(...BID_RESPONSES, null);
  const factArb: fc.Arbitrary<BidFact> = fc
    .record({ kind: fc.constantFrom(...BID_KINDS), response, day: fc.integer({ min: -10, max: 80 }) })
    .map(({ kind, response: r, day }) => ({
      kind,
      response: kind === 'gesture' ? null : r,
      localDate: addDays('2026-03-02', day),
    }));
  const facts = fc.array(factArb, { maxLength: 60 });

  it('keeps the ratio within 0..1, or null exactly when no bid is marked', () => {
    fc.assert(
      fc.property(facts, (fs) => {
        const ratio = turningTowardRatio(fs);
        const marked = fs.filter((f) => f.kind === 'bid' && f.response !== null).length;
        if (marked === 0) return ratio === null;
        return ratio !== null && ratio >= 0 && ratio <= 1;
      }),
    );
  });

  it('does not depend on the order of the moments', () => {
    fc.assert(
      fc.property(
        facts.chain((fs) => fc.tuple(fc.constant(fs), fc.shuffledSubarray(fs, { minLength: fs.length, maxLength: fs.length }))),
        ([fs, shuffled]) => {
          expect(tallyBids(shuffled)).toEqual(tallyBids(fs));
          expect(bidWeeks(shuffled, '2026-03-02', 8)).toEqual(bidWeeks(fs, '2026-03-02', 8));
        },
      ),
    );
  });

  it('never changes the ratio when an unmarked bid or a gesture is added', () => {
    fc.assert(
      fc.property(facts, fc.array(fc.constantFrom(bid(null), gesture()), { maxLength: 10 }), (fs, extra) => {
        expect(turningTowardRatio([...fs, ...extra])).toBe(turningTowardRatio(fs));
      }),
    );
  });

  it('a bid turned toward never lowers the ratio; one turned away or against never raises it', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...BID_RESPONSES), (fs, r) => {
        const before = turningTowardRatio(fs) ?? (r === 'toward' ? 0 : 1);
        const after = turningTowardRatio([...fs, bid(r)]) ?? 0;
        if (r === 'toward') expect(after).toBeGreaterThanOrEqual(before);
        else expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('the weeks add up to the whole window', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 12 }), (fs, n) => {
        const { weeks, total } = bidWeeks(fs, '2026-03-02', n);
        for (const key of ['gestures', 'bids', 'toward', 'away', 'against', 'unmarked'] as const) {
          expect(weeks.reduce((sum, w) => sum + w[key], 0)).toBe(total[key]);
        }
        for (const w of weeks) if (w.ratio !== null) expect(w.ratio).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
