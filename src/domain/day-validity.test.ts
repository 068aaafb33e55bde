import { describe, expect, it } from 'vitest';
import { dayValidUntil, QUARTER_HOUR_MS } from './day-validity';

const at = (iso: string) => Date.parse(iso);

describe('dayValidUntil', () => {
  it('keeps a day with nothing ahead until the next UTC quarter hour, never across one', () => {
    expect(dayValidUntil(at('2026-12-06T10:07:30Z'), [])).toBe(at('2026-12-06T10:15:00Z'));
    expect(dayValidUntil(at('2026-12-06T10:15:00Z'), [])).toBe(at('2026-12-06T10:30:00Z'));
  });

  it('ends at every local midnight: Kathmandu (+05:45), Chatham (+13:45 in its summer), Adelaide (+10:30)', () => {
    for (const [zone, midnightUtc] of [
      ['Asia/Kathmandu', '2026-12-06T18:15:00Z'],
      ['Pacific/Chatham', '2026-12-06T10:15:00Z'],
      ['Australia/Adelaide', '2026-12-06T13:30:00Z'],
    ] as const) {
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      expect(local.format(new Date(midnightUtc)), zone).toBe('00:00');
      const justBefore = at(midnightUtc) - 60_000;
      expect(dayValidUntil(justBefore, [])).toBeLessThanOrEqual(at(midnightUtc));
    }
  });

  it('ends at the first instant ahead that the data names, or a millisecond after it', () => {
    const now = at('2026-12-06T10:01:00Z');
    expect(dayValidUntil(now, [at('2026-12-06T10:05:00Z'), at('2026-12-06T10:03:00Z')])).toBe(at('2026-12-06T10:03:00Z'));
    // Exactly now: a rule reading `<=` changes a millisecond later.
    expect(dayValidUntil(now, [now])).toBe(now + 1);
  });

  it('ignores instants already past and ones beyond the quarter hour', () => {
    const now = at('2026-12-06T10:01:00Z');
    expect(dayValidUntil(now, [now - 5, now + 2 * QUARTER_HOUR_MS])).toBe(at('2026-12-06T10:15:00Z'));
  });
});
