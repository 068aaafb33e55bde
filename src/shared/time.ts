/**
 * Times cross the database boundary here and only here. They are stored as UTC ISO-8601 text with
 * milliseconds ("2026-11-25T21:40:00.000Z") on both databases: it sorts as text, compares the same
 * on SQLite and PostgreSQL, and no driver converts it behind our back.
 */
export type IsoInstant = string;

export function toDbTime(at: Date): IsoInstant {
  return at.toISOString();
}

export function fromDbTime(value: unknown): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'string') {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  throw new TypeError(`Not a stored time: ${String(value)}`);
}

export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
