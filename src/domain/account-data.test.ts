import { describe, expect, it } from 'vitest';
import { EXPORT_LIMIT, exportFileName } from './account-data.js';

describe('the export file name', () => {
  it('is the UTC date of the export, whatever the server zone', () => {
    expect(exportFileName(new Date('2026-11-16T23:59:59.999Z'))).toBe('attune-export-2026-11-16.json');
    expect(exportFileName(new Date('2026-11-17T00:00:00.000Z'))).toBe('attune-export-2026-11-17.json');
  });
});

describe('the export limit', () => {
  it('allows a few exports an hour, never none and never many', () => {
    expect(EXPORT_LIMIT.windowMs).toBe(3_600_000);
    expect(EXPORT_LIMIT.perWindow).toBeGreaterThanOrEqual(2);
    expect(EXPORT_LIMIT.perWindow).toBeLessThanOrEqual(6);
  });
});
