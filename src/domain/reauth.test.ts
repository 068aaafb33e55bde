import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRESH_REAUTH_MS, freshReauthHolds, REAUTH_IDLE_MS, reauthHolds } from './reauth.js';

const NOW = '2026-11-23T10:00:00.000Z';
const before = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();

describe('reauthHolds (the private places)', () => {
  it('never holds before the password was entered', () => {
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
    expect(reauthHolds('2026-11-23T10:00:00.001Z', NOW)).toBe(false);
    expect(reauthHolds('not a time', NOW)).toBe(false);
    expect(reauthHolds(NOW, 'not a time')).toBe(false);
  });
});

describe('freshReauthHolds (sensitive actions)', () => {
  it('never holds without an explicit re-authentication', () => {
    expect(freshReauthHolds(null, NOW)).toBe(false);
  });

  it('holds up to exactly 5 minutes, and not a millisecond more', () => {
    expect(FRESH_REAUTH_MS).toBe(5 * 60_000);
    expect(freshReauthHolds(NOW, NOW)).toBe(true);
    expect(freshReauthHolds(before(4 * 60_000), NOW)).toBe(true);
    expect(freshReauthHolds(before(FRESH_REAUTH_MS), NOW)).toBe(true);
    expect(freshReauthHolds(before(FRESH_REAUTH_MS + 1), NOW)).toBe(false);
    // Still inside the private places' 15 minutes, but no longer fresh.
    expect(freshReauthHolds(before(10 * 60_000), NOW)).toBe(false);
    expect(reauthHolds(before(10 * 60_000), NOW)).toBe(true);
  });

  it('asks again for a stamp in the future or one it cannot read', () => {
    expect(freshReauthHolds('2026-11-23T10:00:00.001Z', NOW)).toBe(false);
    expect(freshReauthHolds('garbage', NOW)).toBe(false);
    expect(freshReauthHolds(NOW, 'garbage')).toBe(false);
  });

  it('is never looser than the private places: fresh implies open, for any stamp and moment', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60 * 60_000, max: 60 * 60_000 }), (age) => {
        const stamp = before(age);
        if (freshReauthHolds(stamp, NOW)) expect(reauthHolds(stamp, NOW)).toBe(true);
        expect(freshReauthHolds(stamp, NOW)).toBe(age >= 0 && age <= FRESH_REAUTH_MS);
      }),
    );
  });
});
