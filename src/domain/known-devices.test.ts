import { describe, expect, it } from 'vitest';
import {
  deviceAfterSignIn,
  deviceKnownFor,
  formatDeviceCookie,
  KNOWN_DEVICE_FAILURES_PER_WINDOW,
  KNOWN_DEVICE_LIFETIME_MS,
  parseDeviceCookie,
  sessionNoticeDue,
  signInLimit,
} from './known-devices';

const ID = '0190abcd-0000-7000-8000-00000000000f';
const SECRET = 'A'.repeat(43);

describe('the device cookie', () => {
  it('reads back what it writes', () => {
    const value = formatDeviceCookie({ id: ID, secret: SECRET });
    expect(value).toBe(`${ID}.${SECRET}`);
    expect(parseDeviceCookie(value)).toEqual({ id: ID, secret: SECRET });
  });

  it('refuses anything of another shape', () => {
    for (const value of [
      undefined,
      '',
      ID,
      `${ID}.`,
      `.${SECRET}`,
      `${ID.toUpperCase()}.${SECRET}`,
      `${ID}.${'A'.repeat(31)}`,
      `${ID}.${SECRET}.${SECRET}`,
      `${ID}.${SECRET}=`,
      `not-an-id.${SECRET}`,
      `${ID}.${'A'.repeat(200)}`,
    ]) {
      expect(parseDeviceCookie(value), String(value)).toBeNull();
    }
  });
});

describe('a known device', () => {
  const now = '2026-03-02T09:00:00.000Z';
  const used = (msAgo: number) => new Date(Date.parse(now) - msAgo).toISOString();

  it('is known only for the account it signed in to', () => {
    expect(deviceKnownFor({ userId: 'u1', lastUsedAt: used(0) }, 'u1', now)).toBe(true);
    expect(deviceKnownFor({ userId: 'u1', lastUsedAt: used(0) }, 'u2', now)).toBe(false);
    expect(deviceKnownFor(undefined, 'u1', now)).toBe(false);
  });

  it('is forgotten after a year unused (exactly a year still holds)', () => {
    expect(deviceKnownFor({ userId: 'u1', lastUsedAt: used(KNOWN_DEVICE_LIFETIME_MS) }, 'u1', now)).toBe(true);
    expect(deviceKnownFor({ userId: 'u1', lastUsedAt: used(KNOWN_DEVICE_LIFETIME_MS + 1) }, 'u1', now)).toBe(false);
  });

  it('does not count with a time it cannot read', () => {
    expect(deviceKnownFor({ userId: 'u1', lastUsedAt: 'yesterday' }, 'u1', now)).toBe(false);
    expect(deviceKnownFor({ userId: 'u1', lastUsedAt: used(0) }, 'u1', 'now')).toBe(false);
  });
});

describe('which failures a sign-in is counted with', () => {
  it('an unknown browser: the account, shared by every unknown browser, at the configured limit', () => {
    expect(signInLimit(null, 20)).toEqual({ scope: 'account', failures: 20 });
    expect(signInLimit(null, 3)).toEqual({ scope: 'account', failures: 3 });
  });

  it('a known browser: its own count of 10, whatever the account limit', () => {
    expect(KNOWN_DEVICE_FAILURES_PER_WINDOW).toBe(10);
    expect(signInLimit(ID, 20)).toEqual({ scope: 'device', deviceId: ID, failures: 10 });
    expect(signInLimit(ID, 3)).toEqual({ scope: 'device', deviceId: ID, failures: 10 });
  });
});

describe('after the right password', () => {
  it('a known browser stays the same device; any other becomes a new one', () => {
    expect(deviceAfterSignIn(ID)).toEqual({ kind: 'keep', id: ID });
    expect(deviceAfterSignIn(null)).toEqual({ kind: 'new' });
  });
});

describe('the notice of a new session', () => {
  it('is due for a partner signing in or resetting, never for the sign-up, never for a therapist', () => {
    expect(sessionNoticeDue('sign-in', 'partner')).toBe(true);
    expect(sessionNoticeDue('reset', 'partner')).toBe(true);
    expect(sessionNoticeDue('sign-up', 'partner')).toBe(false);
    expect(sessionNoticeDue('sign-in', 'therapist')).toBe(false);
    expect(sessionNoticeDue('reset', 'therapist')).toBe(false);
  });
});
