import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type AuthoredItem, canReceiveEvent } from './access-policy';
import { CHECKIN_LIMITS, checkinDayAt, checkinEvent, checkinWindow, decideReply, isCheckinDay, replyItem } from './checkins';
import { addDays, daysBetween } from './zoned-time';

const author: Actor = { userId: 'a', spaceId: 's', partnerId: 'b' };
const partner: Actor = { userId: 'b', spaceId: 's', partnerId: 'a' };
const outsider: Actor = { userId: 'o', spaceId: 't', partnerId: null };
const formerPartner: Actor = { userId: 'b', spaceId: 's2', partnerId: null };
const shared: AuthoredItem = { authorId: 'a', spaceId: 's', visibility: 'couple' };
const secret: AuthoredItem = { authorId: 'a', spaceId: 's', visibility: 'private' };

describe('the check-in day', () => {
  it('is today in the author’s own zone: Tokyo is already on the next day while Los Angeles is not', () => {
    const now = new Date('2026-03-10T16:30:00Z');
    expect(checkinDayAt(now, 'Asia/Tokyo')).toBe('2026-03-11');
    expect(checkinDayAt(now, 'America/Los_Angeles')).toBe('2026-03-10');
    expect(isCheckinDay('2026-03-11', now, 'Asia/Tokyo')).toBe(true);
    expect(isCheckinDay('2026-03-10', now, 'Asia/Tokyo')).toBe(false);
  });

  it('turns over at local midnight, not at UTC midnight', () => {
    // 23:59 and 00:00 in Los Angeles (UTC−7 in summer).
    expect(checkinDayAt(new Date('2026-07-02T06:59:00Z'), 'America/Los_Angeles')).toBe('2026-07-01');
    expect(checkinDayAt(new Date('2026-07-02T07:00:00Z'), 'America/Los_Angeles')).toBe('2026-07-02');
  });
});

describe('checkinWindow', () => {
  const today = '2026-05-20';

  it('defaults to the last 14 days, today included', () => {
    expect(checkinWindow({ today })).toEqual({ ok: true, from: '2026-05-07', to: today });
  });

  it('takes 14 days from a start, or up to an end', () => {
    expect(checkinWindow({ today, from: '2026-01-01' })).toEqual({ ok: true, from: '2026-01-01', to: '2026-01-14' });
    expect(checkinWindow({ today, to: '2026-01-14' })).toEqual({ ok: true, from: '2026-01-01', to: '2026-01-14' });
  });

  it('allows 92 days at most, and refuses a window that ends before it starts', () => {
    expect(checkinWindow({ today, from: '2026-01-01', to: addDays('2026-01-01', 91) }).ok).toBe(true);
    expect(checkinWindow({ today, from: '2026-01-01', to: addDays('2026-01-01', 92) })).toMatchObject({ ok: false, field: 'to' });
    expect(checkinWindow({ today, from: '2026-02-01', to: '2026-01-31' })).toMatchObject({ ok: false, field: 'from' });
    expect(checkinWindow({ today, from: '2026-02-30' })).toMatchObject({ ok: false, field: 'from' });
  });

  it('any window it accepts spans 1 to 92 days', () => {
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }), (t, from, to) => {
        const w = checkinWindow({ today: t, from, to });
        if (!w.ok) return;
        const days = daysBetween(w.from, w.to) + 1;
        expect(days).toBeGreaterThanOrEqual(1);
        expect(days).toBeLessThanOrEqual(CHECKIN_LIMITS.maxWindowDays);
      }),
    );
  });
});

describe('decideReply', () => {
  it('the partner answers a shared check-in; the author sees theirs but does not answer it', () => {
    expect(decideReply(partner, shared)).toBe('allow');
    expect(decideReply(author, shared)).toBe('forbidden');
  });

  it('a private check-in, another couple’s, a former partner’s or a missing one is not found', () => {
    expect(decideReply(partner, secret)).toBe('not-found');
    expect(decideReply(outsider, shared)).toBe('not-found');
    expect(decideReply(formerPartner, shared)).toBe('not-found');
    expect(decideReply(partner, undefined)).toBe('not-found');
    expect(decideReply(null, shared)).toBe('signed-out');
  });

  it('replies are seen by both partners, and leave the author’s view with the partner', () => {
    const reply = replyItem({ authorId: 'b', spaceId: 's' });
    expect(reply.visibility).toBe('couple');
  });
});

describe('checkinEvent', () => {
  const hears = (actor: Actor, before: AuthoredItem | null, after: AuthoredItem | null) =>
    canReceiveEvent(actor, checkinEvent(before, after));

  it('a private check-in is heard by its author’s tabs alone, whatever happens to it', () => {
    for (const [before, after] of [
      [null, secret],
      [secret, secret],
      [secret, null],
    ] as const) {
      expect(hears(author, before, after)).toBe(true);
      expect(hears(partner, before, after)).toBe(false);
      expect(hears(outsider, before, after)).toBe(false);
    }
  });

  it('a shared check-in is heard by both partners', () => {
    expect(hears(partner, null, shared)).toBe(true);
    expect(hears(partner, secret, shared)).toBe(true);
    expect(hears(partner, shared, null)).toBe(true);
    expect(hears(outsider, null, shared)).toBe(false);
  });

  it('one made private again is told once, as it was, so the partner’s screen lets it go', () => {
    expect(hears(partner, shared, secret)).toBe(true);
    expect(hears(author, shared, secret)).toBe(true);
  });
});
