// How an occurrence's due moment is said. A daily commitment kept "any time that day" is due at the
// start of the next local day (schedule.ts); saying "Due 12:00 AM" for it reads as midnight tonight
// or last night. These words say "any time today" (or on that day) instead. Pure: the caller gives
// the zone and today's local date.

import { addDays, isLocalDate, type LocalDate, startOfLocalDay } from './zoned-time.js';

export type DueWhen = { kind: 'any-time'; today: boolean } | { kind: 'at' };

/**
 * Whether an occurrence due at `dueIso` for the local day `localDate` is an "any time that day" one
 * in `zone` (due exactly when the next local day starts), and whether that day is `today`.
 */
export function dueWhen(dueIso: string, localDate: string, zone: string, today: LocalDate): DueWhen {
  if (!isLocalDate(localDate)) return { kind: 'at' };
  const due = Date.parse(dueIso);
  if (Number.isNaN(due)) return { kind: 'at' };
  let next: number;
  try {
    next = startOfLocalDay(addDays(localDate, 1), zone).getTime();
  } catch {
    return { kind: 'at' };
  }
  return due === next ? { kind: 'any-time', today: localDate === today } : { kind: 'at' };
}
