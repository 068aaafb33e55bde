import { isPartnerKind, REMINDER_KINDS } from './notifications.js';

// The notification centre shows one entry per kind of thing, not one per thing: "Sam shared 3
// check-ins with you" rather than three lines. New (unread) and already read ones are separate
// entries, so an entry is either all new or all read. A sign-in to the account is never grouped:
// each one is worth seeing on its own. Pure: the service reads the rows and the unread counts.

export interface CentreRow {
  id: string;
  kind: string;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface CentreEntry extends CentreRow {
  /** How many things this entry stands for (different subjects of what the partner did, each reminder; 1 alone). */
  count: number;
}

/** Kinds shown as one entry (new and read apart): what the partner did, and reminders. */
export function groupedKind(kind: string): boolean {
  return isPartnerKind(kind) || (REMINDER_KINDS as readonly string[]).includes(kind);
}

/**
 * Groups rows (newest first) into entries, newest entry first. An entry takes its newest row's id,
 * subject and time (its id is what "mark as read" names; reading it reads the whole entry).
 * `unreadByKind` is the whole centre's unread count per kind, so a new entry's count is exact even
 * when the list holds only the newest rows.
 */
export function groupCentre(rows: readonly CentreRow[], unreadByKind: ReadonlyMap<string, number> = new Map()): CentreEntry[] {
  const entries: CentreEntry[] = [];
  const byKey = new Map<string, { entry: CentreEntry; subjects: Set<string>; loose: number }>();
  for (const row of rows) {
    if (!groupedKind(row.kind)) {
      entries.push({ ...row, count: 1 });
      continue;
    }
    const key = `${row.kind}|${row.readAt === null ? 'new' : 'read'}`;
    let group = byKey.get(key);
    if (!group) {
      group = { entry: { ...row, count: 0 }, subjects: new Set(), loose: 0 };
      byKey.set(key, group);
      entries.push(group.entry);
    }
    // A reminder is its own moment (three about one commitment are three); what the partner did is
    // one thing per subject, however often it was told.
    if (row.subjectId === null || !isPartnerKind(row.kind)) group.loose += 1;
    else group.subjects.add(row.subjectId);
    const seen = group.subjects.size + group.loose;
    const whole = row.readAt === null ? (unreadByKind.get(row.kind) ?? 0) : 0;
    group.entry.count = Math.max(seen, whole);
  }
  return entries;
}

/** New entries in the whole centre: one for each grouped kind with anything unread, one per other unread row. */
export function unreadEntries(unreadByKind: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const [kind, count] of unreadByKind) {
    if (count <= 0) continue;
    n += groupedKind(kind) ? 1 : count;
  }
  return n;
}
