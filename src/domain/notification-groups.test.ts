import { describe, expect, it } from 'vitest';
import { type CentreRow, groupCentre, groupedKind, unreadEntries } from './notification-groups';

const row = (id: string, kind: string, subjectId: string | null, readAt: string | null = null): CentreRow => ({
  id,
  kind,
  subjectId,
  createdAt: `2026-12-0${id.length}T10:00:00.000Z`,
  readAt,
});

describe('the notification centre groups by kind', () => {
  it('shows 45 shared check-ins as one new entry with the count, named by the newest', () => {
    const rows = Array.from({ length: 45 }, (_, i) => row(`c${45 - i}`, 'checkin.shared', `checkin-${45 - i}`));
    const entries = groupCentre(rows);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'c45', kind: 'checkin.shared', subjectId: 'checkin-45', count: 45, readAt: null });
  });

  it('keeps new and read apart, so an entry is all new or all read', () => {
    const entries = groupCentre([
      row('n2', 'need.waiting', 'need-2'),
      row('n1', 'need.waiting', 'need-1', '2026-12-01T11:00:00.000Z'),
      row('n0', 'need.waiting', 'need-0', '2026-12-01T11:00:00.000Z'),
    ]);
    expect(entries.map((e) => [e.id, e.count, e.readAt === null])).toEqual([
      ['n2', 1, true],
      ['n1', 2, false],
    ]);
  });

  it('counts things, not rows: the same need waiting twice (read, then again) is one thing in its entry', () => {
    const entries = groupCentre([
      row('b', 'need.waiting', 'need-1', '2026-12-02T11:00:00.000Z'),
      row('a', 'need.waiting', 'need-1', '2026-12-01T11:00:00.000Z'),
    ]);
    expect(entries).toEqual([expect.objectContaining({ id: 'b', count: 1 })]);
  });

  it('one entry per kind, newest entry first; each sign-in stays its own', () => {
    const entries = groupCentre([
      row('x5', 'ack.received', 'c1'),
      row('x4', 'account.signin', 'Firefox on Linux'),
      row('x3', 'checkin.shared', 'k2'),
      row('x2', 'account.signin', 'Chrome on Android'),
      row('x1', 'ack.received', 'c2'),
    ]);
    expect(entries.map((e) => [e.id, e.kind, e.count])).toEqual([
      ['x5', 'ack.received', 2],
      ['x4', 'account.signin', 1],
      ['x3', 'checkin.shared', 1],
      ['x2', 'account.signin', 1],
    ]);
    expect(groupedKind('account.signin')).toBe(false);
    expect(groupedKind('reminder.checkin')).toBe(true);
  });

  it("a new entry's count is the whole centre's, beyond the rows listed", () => {
    const entries = groupCentre([row('a', 'checkin.shared', 'k1')], new Map([['checkin.shared', 60]]));
    expect(entries[0]?.count).toBe(60);
  });

  it('counts reminders one by one, with or without a subject', () => {
    expect(groupCentre([row('r2', 'reminder.reflection', null), row('r1', 'reminder.reflection', null)])[0]?.count).toBe(2);
    expect(groupCentre([row('r2', 'reminder.commitment', 'c1'), row('r1', 'reminder.commitment', 'c1')])[0]?.count).toBe(2);
  });

  it('the badge counts new entries: one per grouped kind, one per other unread row', () => {
    expect(
      unreadEntries(
        new Map([
          ['checkin.shared', 45],
          ['need.waiting', 1],
          ['ack.received', 0],
          ['account.signin', 2],
        ]),
      ),
    ).toBe(4);
    expect(unreadEntries(new Map())).toBe(0);
  });
});
