import { describe, expect, it } from 'vitest';
import { REAUTH_IDLE_MS, reauthHolds } from './reauth.js';

const NOW = '2026-11-23T10:00:00.000Z';
const before = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();

describe('reauthHolds', () => {
  it('never holds before the password was entered again', () => {
    expect(reauthHolds(null, NOW)).toBe(false);
  });

  it('holds up to exactly 15 minutes of quiet, and not a millisecond more', () => {
    expect(REAUTH_IDLE_MS).toBe(15 * 60_000);
    expect(reauthHolds(NOW, NOW)).toBe(true);
    expect(reauthHolds(before(14 * 60_000), NOW)).toBe(true);
    expect(reauthHolds(before(REAUTH_IDLE_MS), NOW)).toBe(true);
    expect(reauthHolds(before(REAUTH_IDLE_MS + 1), NOW)).toBe(false);
    expect(reauthHolds(before(3 * 60 * 60_000), NOW)).toBe(false);
  });

  it('asks again for a stamp in the future or one it cannot read', () => {
    expect(reauthHolds('2026-11-23T10:00:01.000Z', NOW)).toBe(false);
    expect(reauthHolds('not a time', NOW)).toBe(false);
    expect(reauthHolds(NOW, 'not a time')).toBe(false);
  });
});
