/**
 * Driver differences converted in one place: pg returns counts and bigints as strings, SQLite
 * returns booleans as 0/1.
 */
export function toCount(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value === null || value === undefined) return 0;
  throw new TypeError(`Not a count: ${String(value)}`);
}

export function toBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 't' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'f' || value === 'false' || value === null) return false;
  throw new TypeError(`Not a boolean: ${String(value)}`);
}
