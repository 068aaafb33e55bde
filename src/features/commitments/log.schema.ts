import * as v from 'valibot';
import { COMMITMENT_LIMITS as L } from '../../domain/commitments.js';
import { LocalDate } from './commitments.schema.js';

// Request and response schemas for the two-sided log (the actor's marks, the receiver's
// acknowledgements) and the figures made from it. Types are imported (type only) by the browser.

export const OccurrenceParams = v.strictObject({
  id: v.pipe(v.string(), v.uuid('That is not a commitment id.')),
  key: v.pipe(
    v.string(),
    v.regex(/^(once|\d{4}-\d{2}-\d{2}(#[1-7])?)$/, 'That is not an occurrence: it looks like 2026-11-24, 2026-11-23#2 or once.'),
  ),
});

/** Local days in my time zone, both included. */
export const WindowQuery = v.strictObject({
  from: v.optional(LocalDate('Please give the first day as YYYY-MM-DD.')),
  to: v.optional(LocalDate('Please give the last day as YYYY-MM-DD.')),
});

const Note = v.pipe(
  v.nullable(v.string('Please write this as text.')),
  v.transform((s) => (s ?? '').trim()),
  v.maxLength(L.noteLength, `Please keep this to ${L.noteLength} characters.`),
  v.transform((s) => (s === '' ? null : s)),
);

export const MarkBody = v.strictObject({
  status: v.picklist(['done', 'missed'], 'Please choose done or missed.'),
  /** The day it was really done (for a day already past); today when left out. Only for done. */
  doneOn: v.optional(v.nullable(LocalDate('Please give the day it was done as YYYY-MM-DD.')), null),
  /** What got in the way, if anything: your partner sees it. */
  note: v.optional(Note, null),
});

export const AckBody = v.strictObject({
  noticed: v.boolean('Please say whether you noticed.'),
  /** How much it helped, 1 (a little) to 3 (a lot); only with "I noticed". */
  helped: v.optional(v.nullable(v.picklist([1, 2, 3], 'Please choose 1, 2 or 3 for how much it helped.')), null),
});

export const MarkView = v.object({
  status: v.picklist(['done', 'missed']),
  /** The local day it was done (null for missed). */
  doneOn: v.nullable(v.string()),
  note: v.nullable(v.string()),
  markedAt: v.string(),
  /** Until when the actor can take the mark back (null once it has passed, or for the receiver). */
  undoUntil: v.nullable(v.string()),
});

export const AckView = v.object({
  noticed: v.boolean(),
  helped: v.nullable(v.number()),
  ackedAt: v.string(),
  /**
   * It answered a "done" that has since been changed to "It didn't happen" or taken back (decision 027):
   * kept as the receiver's words about that mark, and not counted as noticed.
   */
  answeredWithdrawn: v.boolean(),
});

export const OccurrenceView = v.object({
  commitmentId: v.string(),
  key: v.string(),
  /** The words of the version in force when it is due. */
  what: v.string(),
  /** The instant it is due by (UTC). */
  due: v.string(),
  /** The actor's local day it belongs to (for "n times a week", the week's Sunday). */
  localDate: v.string(),
  /** The first local day it can be marked (for "n times a week", the week's Monday). */
  opensOn: v.string(),
  actorIsMe: v.boolean(),
  paused: v.boolean(),
  /** Its due time has passed. */
  duePassed: v.boolean(),
  /** Counted in figures: not paused, and due by now or already marked. */
  counted: v.boolean(),
  mark: v.nullable(MarkView),
  ack: v.nullable(AckView),
  /** What the signed-in person can do with it now. */
  canMark: v.boolean(),
  canAck: v.boolean(),
});

export const OccurrenceList = v.object({ occurrences: v.array(OccurrenceView) });

export const FiguresSchema = v.object({
  due: v.number(),
  done: v.number(),
  noticed: v.number(),
  followThrough: v.nullable(v.number()),
  feltRate: v.nullable(v.number()),
  gap: v.nullable(v.number()),
});

export const FiguresView = v.object({
  from: v.string(),
  to: v.string(),
  /** What I committed to do, and what my partner noticed of it. */
  mine: FiguresSchema,
  /** What my partner committed to do, and what I noticed of it. */
  partners: FiguresSchema,
  commitments: v.array(v.object({ id: v.string(), what: v.string(), actorIsMe: v.boolean(), figures: FiguresSchema })),
});

export const TodayView = v.object({
  /** Today, in my time zone. */
  date: v.string(),
  zone: v.string(),
  /** Mine to mark: open now, or overdue within the last week, not marked yet. */
  toMark: v.array(OccurrenceView),
  /** My partner's, marked done within the last week, that I have not acknowledged yet. */
  toAcknowledge: v.array(OccurrenceView),
  /** Both sides, marked or acknowledged within the last week, newest first. */
  recent: v.array(OccurrenceView),
  /** The last four weeks. */
  figures: FiguresView,
});

export type MarkBody = v.InferInput<typeof MarkBody>;
export type AckBody = v.InferInput<typeof AckBody>;
export type MarkView = v.InferOutput<typeof MarkView>;
export type AckView = v.InferOutput<typeof AckView>;
export type OccurrenceView = v.InferOutput<typeof OccurrenceView>;
export type OccurrenceList = v.InferOutput<typeof OccurrenceList>;
export type FiguresSchema = v.InferOutput<typeof FiguresSchema>;
export type FiguresView = v.InferOutput<typeof FiguresView>;
export type TodayView = v.InferOutput<typeof TodayView>;
