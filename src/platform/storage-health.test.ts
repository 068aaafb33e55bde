import { describe, expect, it } from 'vitest';
import { isStorageFull, noteStorageFull, STORAGE_FULL_REPORT_MS, storageRecentlyFull } from './storage-health.js';

describe('a full disk', () => {
  it('is recognised from SQLite, PostgreSQL and the system, and nothing else', () => {
    expect(isStorageFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isStorageFull(new Error('disk is full'))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });

  it('is reported for a while after the last write that hit it, per database', () => {
    const db = {};
    const other = {};
    const at = new Date('2026-12-06T10:00:00Z');
    expect(storageRecentlyFull(db, at)).toBe(false);
    noteStorageFull(db, at);
    expect(storageRecentlyFull(db, new Date(at.getTime() + STORAGE_FULL_REPORT_MS - 1))).toBe(true);
    expect(storageRecentlyFull(db, new Date(at.getTime() + STORAGE_FULL_REPORT_MS))).toBe(false);
    expect(storageRecentlyFull(other, at)).toBe(false);
  });
});
