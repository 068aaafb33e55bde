import { describe, expect, it } from 'vitest';
import { canReceiveEvent } from './access-policy.js';
import { PULSE_HISTORY_WEEKS, pulseEvent, pulseWritable, weeksEnding } from './pulse-sharing.js';

const me = 'me';
const partner = 'partner';
const space = 's1';
const shared = { authorId: me, spaceId: space, visibility: 'couple' as const };
const kept = { authorId: me, spaceId: space, visibility: 'private' as const };
const partnerActor = { userId: partner, spaceId: space, partnerId: me };
const meActor = { userId: me, spaceId: space, partnerId: partner };

describe('weeksEnding', () => {
  it('covers the given number of weeks, ending with the last one', () => {
    expect(weeksEnding('2026-W48', 1)).toEqual({ from: '2026-W48', to: '2026-W48' });
    expect(weeksEnding('2026-W48', 4)).toEqual({ from: '2026-W45', to: '2026-W48' });
  });

  it('crosses a year boundary, including into a 53-week year', () => {
    expect(weeksEnding('2026-W02', 3)).toEqual({ from: '2025-W52', to: '2026-W02' });
    // 2020 had 53 ISO weeks.
    expect(weeksEnding('2021-W01', 2)).toEqual({ from: '2020-W53', to: '2021-W01' });
    expect(weeksEnding('2026-W10', PULSE_HISTORY_WEEKS)).toEqual({ from: '2025-W37', to: '2026-W10' });
  });

  it('refuses a count below one or a week that is not real', () => {
    expect(() => weeksEnding('2026-W10', 0)).toThrow(RangeError);
    expect(() => weeksEnding('2026-W54', 2)).toThrow(RangeError);
  });
});

describe('pulseWritable', () => {
  it('allows this week only', () => {
    expect(pulseWritable('2026-W48', '2026-W48')).toBe(true);
    expect(pulseWritable('2026-W47', '2026-W48')).toBe(false);
    expect(pulseWritable('2026-W49', '2026-W48')).toBe(false);
  });
});

describe('pulseEvent', () => {
  it('tells a shared score to both, a private one to its author alone', () => {
    const sharedEvent = { ...pulseEvent(null, shared) };
    expect(sharedEvent.audienceId).toBeNull();
    expect(canReceiveEvent(partnerActor, sharedEvent)).toBe(true);

    const keptEvent = pulseEvent(null, kept);
    expect(keptEvent.audienceId).toBe(me);
    expect(canReceiveEvent(partnerActor, keptEvent)).toBe(false);
    expect(canReceiveEvent(meActor, keptEvent)).toBe(true);
  });

  it('tells the partner once when a shared score becomes private or is deleted, and never after', () => {
    expect(canReceiveEvent(partnerActor, pulseEvent(shared, kept))).toBe(true);
    expect(canReceiveEvent(partnerActor, pulseEvent(shared, null))).toBe(true);
    expect(canReceiveEvent(partnerActor, pulseEvent(kept, kept))).toBe(false);
    expect(canReceiveEvent(partnerActor, pulseEvent(kept, null))).toBe(false);
  });

  it('needs a pulse on one side', () => {
    expect(() => pulseEvent(null, null)).toThrow();
  });
});
