import { describe, expect, it } from 'vitest';
import { dueWhen } from './due-words';

describe('dueWhen', () => {
  const zone = 'America/New_York';
  it('reads a daily "any time that day" occurrence (due at the next local midnight) as any time today', () => {
    // 6 Dec 2026 in New York ends at 05:00 UTC on 7 Dec.
    expect(dueWhen('2026-12-07T05:00:00.000Z', '2026-12-06', zone, '2026-12-06')).toEqual({ kind: 'any-time', today: true });
  });

  it('says which day when it is not today', () => {
    expect(dueWhen('2026-12-07T05:00:00.000Z', '2026-12-06', zone, '2026-12-05')).toEqual({ kind: 'any-time', today: false });
  });

  it('keeps a set time as a time', () => {
    expect(dueWhen('2026-12-07T02:00:00.000Z', '2026-12-06', zone, '2026-12-06')).toEqual({ kind: 'at' });
    // Midnight at the start of the same day ("by 00:00") is a set time, not the whole day.
    expect(dueWhen('2026-12-06T05:00:00.000Z', '2026-12-06', zone, '2026-12-06')).toEqual({ kind: 'at' });
  });

  it('follows the zone: the same instant is not the end of the day elsewhere', () => {
    expect(dueWhen('2026-12-07T05:00:00.000Z', '2026-12-06', 'Europe/London', '2026-12-06')).toEqual({ kind: 'at' });
    expect(dueWhen('2026-12-07T00:00:00.000Z', '2026-12-06', 'Europe/London', '2026-12-06')).toEqual({
      kind: 'any-time',
      today: true,
    });
  });

  it('answers "at" for anything it cannot read', () => {
    expect(dueWhen('nonsense', '2026-12-06', zone, '2026-12-06')).toEqual({ kind: 'at' });
    expect(dueWhen('2026-12-07T05:00:00.000Z', 'week', zone, '2026-12-06')).toEqual({ kind: 'at' });
  });
});
