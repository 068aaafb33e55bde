import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from './access-policy';
import { NEUTRAL_CALENDAR_TITLE, NEUTRAL_EMAIL, NEUTRAL_PUSH, notificationsLink } from './notification-words';
import {
  checkinNotice,
  DEFAULT_PREFERENCES,
  inQuietHours,
  NOTIFICATION_KINDS,
  needWaitsFor,
  notificationShown,
  type Preferences,
  preferenceProblems,
  REMINDER_KINDS,
  unreadKeyOf,
} from './notifications';

const me: Actor = { userId: 'me', spaceId: 's', partnerId: 'p' };
const partner: Actor = { userId: 'p', spaceId: 's', partnerId: 'me' };
const outsider: Actor = { userId: 'o', spaceId: 't', partnerId: null };
const meLater: Actor = { userId: 'me', spaceId: 's2', partnerId: 'q' };

describe('who sees a notification', () => {
  it('is its recipient alone, never the partner or anyone else', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const n = { userId: 'me', spaceId: 's', kind };
      expect(notificationShown(me, n)).toBe(true);
      expect(notificationShown(partner, n)).toBe(false);
      expect(notificationShown(outsider, n)).toBe(false);
    }
  });

  it('drops what a former partner did after I moved to another space, and keeps my reminders', () => {
    expect(notificationShown(meLater, { userId: 'me', spaceId: 's', kind: 'checkin.shared' })).toBe(false);
    expect(notificationShown(meLater, { userId: 'me', spaceId: 's', kind: 'need.waiting' })).toBe(false);
    expect(notificationShown(meLater, { userId: 'me', spaceId: 's', kind: 'closeness.revealed' })).toBe(false);
    for (const kind of REMINDER_KINDS) expect(notificationShown(meLater, { userId: 'me', spaceId: 's', kind })).toBe(true);
  });
});

describe('folding repeats together', () => {
  it('keys the partner’s kinds by subject, and never folds reminders (each is its own moment)', () => {
    expect(unreadKeyOf('checkin.shared', 'c1')).toBe('checkin.shared:c1');
    expect(unreadKeyOf('ack.received', 'k')).toBe('ack.received:k');
    expect(unreadKeyOf('need.waiting', null)).toBeNull();
    expect(unreadKeyOf('closeness.revealed', 'memories-004')).toBe('closeness.revealed:memories-004');
    for (const kind of REMINDER_KINDS) expect(unreadKeyOf(kind, 'commitment-1')).toBeNull();
  });
});

describe('telling the partner about a check-in', () => {
  const shared = { visibility: 'couple' as const, spaceId: 's' };
  const secret = { visibility: 'private' as const, spaceId: 's' };
  it('tells when it becomes shared, withdraws when it stops being shared, and is quiet otherwise', () => {
    expect(checkinNotice(null, shared)).toBe('notify');
    expect(checkinNotice(secret, shared)).toBe('notify');
    expect(checkinNotice(shared, shared)).toBeNull();
    expect(checkinNotice(shared, secret)).toBe('withdraw');
    expect(checkinNotice(shared, null)).toBe('withdraw');
    expect(checkinNotice(null, secret)).toBeNull();
    expect(checkinNotice(secret, secret)).toBeNull();
    expect(checkinNotice(secret, null)).toBeNull();
    expect(checkinNotice({ visibility: 'couple', spaceId: 'old' }, shared)).toBe('notify');
  });
});

describe('who a need waits for', () => {
  it('follows the state machine: the partner after sharing or the author’s proposal, the author after the partner’s', () => {
    expect(needWaitsFor('shared', 'a', 'b')).toBe('b');
    expect(needWaitsFor('author-proposed', 'a', 'b')).toBe('b');
    expect(needWaitsFor('partner-proposed', 'a', 'b')).toBe('a');
    for (const s of ['draft', 'agreed', 'declined'] as const) expect(needWaitsFor(s, 'a', 'b')).toBeNull();
  });
});

describe('preferences', () => {
  const ok: Preferences = {
    checkinTime: '20:00',
    commitmentNudgeMinutes: 60,
    reflection: { weekday: 7, time: '18:30' },
    quiet: { from: '22:00', until: '07:00' },
    email: false,
    push: true,
  };
  it('accepts a full set and the defaults', () => {
    expect(preferenceProblems(ok)).toEqual([]);
    expect(preferenceProblems(DEFAULT_PREFERENCES)).toEqual([]);
  });
  it('names each problem by field, in plain words', () => {
    const problems = preferenceProblems({
      ...ok,
      checkinTime: '25:00',
      commitmentNudgeMinutes: 1441,
      reflection: { weekday: 8 as 7, time: '9:00' },
      quiet: { from: '22:00', until: '22:00' },
    });
    expect(problems.map((p) => p.path)).toEqual([
      'checkinTime',
      'commitmentNudgeMinutes',
      'reflection.weekday',
      'reflection.time',
      'quiet.until',
    ]);
    expect(preferenceProblems({ ...ok, commitmentNudgeMinutes: -1 })).toHaveLength(1);
    expect(preferenceProblems({ ...ok, commitmentNudgeMinutes: 0 })).toEqual([]);
  });
  it('knows quiet hours, including ones that wrap midnight', () => {
    const night = { from: '22:00', until: '07:00' };
    expect(inQuietHours('23:30', night)).toBe(true);
    expect(inQuietHours('06:59', night)).toBe(true);
    expect(inQuietHours('07:00', night)).toBe(false);
    expect(inQuietHours('21:59', night)).toBe(false);
    expect(inQuietHours('13:00', { from: '12:00', until: '14:00' })).toBe(true);
    expect(inQuietHours('13:00', null)).toBe(false);
  });
  it('puts every minute of the day in exactly one of quiet hours or their complement', () => {
    const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => {
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    });
    fc.assert(
      fc.property(hhmm, hhmm, hhmm, (from, until, t) => {
        fc.pre(from !== until);
        // The complement of [from, until) is [until, from).
        expect(inQuietHours(t, { from, until })).toBe(!inQuietHours(t, { from: until, until: from }));
      }),
    );
  });
});

describe('the words that leave the app', () => {
  it('are fixed and neutral, and point at the notification centre', () => {
    expect(NEUTRAL_EMAIL.subject).toBe('You have a new update in Attune');
    expect(NEUTRAL_EMAIL.text('https://attune.example/notifications')).toContain('https://attune.example/notifications');
    expect(NEUTRAL_PUSH).toEqual({ title: 'Attune', body: 'You have a new update in Attune', url: '/notifications' });
    expect(NEUTRAL_CALENDAR_TITLE).toBe('Attune: one thing for us');
    expect(notificationsLink('https://attune.example/')).toBe('https://attune.example/notifications');
  });
});
