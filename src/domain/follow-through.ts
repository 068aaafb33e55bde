// Follow-through and felt-rate: how much of what was promised got done, and how much of it the other
// person noticed. Pure arithmetic over occurrences the caller chose as "due" (see SPEC: occurrences
// whose due instant has passed, plus ones already marked). Paused occurrences are left out of every
// figure; a missing mark (null) counts as not done, a missing acknowledgement as not noticed.

export type Occurrence = {
  due: string; // ISO date-time the occurrence is due by
  done: boolean | null; // actor's mark; null = not marked
  noticed: boolean | null; // receiver's acknowledgement; null = not acknowledged (counts as not noticed)
  paused?: boolean; // falls in a paused period: excluded from every figure
};

export interface Figures {
  /** Non-paused occurrences counted. */
  due: number;
  /** Of those, marked done. */
  done: number;
  /** Of those, acknowledged as noticed. */
  noticed: number;
  /** done / due, or null when nothing is due. */
  followThrough: number | null;
  /** noticed / due, or null when nothing is due. */
  feltRate: number | null;
  /** followThrough − feltRate (positive: done but not felt), or null when nothing is due. */
  gap: number | null;
}

/** Counts and rates over the non-paused occurrences. */
export function figuresOf(occ: Occurrence[]): Figures {
  let due = 0;
  let done = 0;
  let noticed = 0;
  for (const o of occ) {
    if (o.paused === true) continue;
    due++;
    if (o.done === true) done++;
    if (o.noticed === true) noticed++;
  }
  if (due === 0) return { due, done, noticed, followThrough: null, feltRate: null, gap: null };
  // The gap is computed from the counts, not by subtracting two rounded rates, so equal counts give 0.
  return { due, done, noticed, followThrough: done / due, feltRate: noticed / due, gap: (done - noticed) / due };
}

/** done / due over non-paused occurrences, 0..1; null when none is due. */
export function followThrough(occ: Occurrence[]): number | null {
  return figuresOf(occ).followThrough;
}

/** noticed / due over non-paused occurrences, 0..1; null when none is due. */
export function feltRate(occ: Occurrence[]): number | null {
  return figuresOf(occ).feltRate;
}
