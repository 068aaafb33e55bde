// Export and erasure (decision 025): the pure rules. No I/O, no clock reads (`at` is given).

/** Exports per person per window: each one opens every sealed text the person has. */
export const EXPORT_LIMIT = { perWindow: 5, windowMs: 60 * 60_000 } as const;

/** The download's file name: `attune-export-YYYY-MM-DD.json`, the UTC date of the export. */
export function exportFileName(at: Date): string {
  return `attune-export-${at.toISOString().slice(0, 10)}.json`;
}
