import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { CalendarEntry } from '../../domain/calendar.js';

// Writes the feed's entries as iCalendar text with the `ics` package. Timed events are written in
// UTC (DTSTART/DTEND ending in Z) and all-day ones as DATE values, so nothing depends on time-zone
// definitions the package cannot write; and never a recurrence rule (see domain/calendar.ts).

const HEADER = { productId: '-//Attune//Calendar feed//EN', method: 'PUBLISH', calName: 'Attune' };

function utcArray(iso: string): DateArray {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

function dateArray(localDate: string): DateArray {
  const [y, m, d] = localDate.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

function attributesOf(entry: CalendarEntry, stamp: number): EventAttributes {
  const common = {
    uid: entry.uid,
    title: entry.title,
    // A reminder in a calendar should not mark the person busy.
    transp: 'TRANSPARENT' as const,
    busyStatus: 'FREE' as const,
    // DTSTAMP from the app's clock (the package accepts it; its types do not list it).
    ...({ timestamp: stamp } as object),
  };
  if (entry.allDay) return { ...common, start: dateArray(entry.firstDay), end: dateArray(entry.dayAfter) };
  return {
    ...common,
    start: utcArray(entry.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(entry.end),
    endInputType: 'utc',
    endOutputType: 'utc',
  };
}

export function feedText(entries: readonly CalendarEntry[], now: Date): string {
  const { error, value } = createEvents(
    entries.map((e) => attributesOf(e, now.getTime())),
    HEADER,
  );
  if (error || value === null) throw new Error(`The calendar feed could not be written: ${error?.message ?? 'no value'}`);
  return value;
}
