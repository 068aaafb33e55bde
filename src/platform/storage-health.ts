// A full disk is not a bug in a request: writes cannot succeed until an operator frees space, while
// reads still can. So such a failure answers 503 with Retry-After (the client's outbox and
// Idempotency-Key make the retry safe), and /healthz says "degraded" for a while after the last one,
// without leaving the rotation: a process that can still serve reads should keep serving them.

/** How long /healthz reports a full disk after the last write that hit it. */
export const STORAGE_FULL_REPORT_MS = 60_000;

const lastFullAt = new WeakMap<object, number>();

interface DriverError {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
}

/** SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100), or the system's ENOSPC. */
export function isStorageFull(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code } = error as DriverError;
  return code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC';
}

/** Remembers, per database, when a write last found no room. */
export function noteStorageFull(db: object, now: Date): void {
  lastFullAt.set(db, now.getTime());
}

/** Whether a write found no room within the last STORAGE_FULL_REPORT_MS. */
export function storageRecentlyFull(db: object, now: Date): boolean {
  const at = lastFullAt.get(db);
  return at !== undefined && now.getTime() - at < STORAGE_FULL_REPORT_MS;
}
