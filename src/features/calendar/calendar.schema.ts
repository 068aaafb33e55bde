import * as v from 'valibot';

// Request and response schemas for the private calendar feed (step 5, reminders). Types are
// inferred once and imported (type only) by the browser client.

/** My feed, without its address: the address is shown once, when it is made. */
export const CalendarView = v.object({
  active: v.boolean(),
  showTitles: v.boolean(),
  createdAt: v.nullable(v.string()),
  /** When a calendar app last read the feed (so a person can tell it is working, or that someone else reads it). */
  lastFetchedAt: v.nullable(v.string()),
});
export type CalendarView = v.InferOutput<typeof CalendarView>;

export const CalendarCreated = v.object({
  /** The feed's address, holding its secret: shown only now. */
  url: v.string(),
  showTitles: v.boolean(),
  createdAt: v.string(),
});
export type CalendarCreated = v.InferOutput<typeof CalendarCreated>;

export const PatchCalendarBody = v.strictObject({
  showTitles: v.boolean('Please choose whether to show the words of your commitments.'),
});
export type PatchCalendarBody = v.InferOutput<typeof PatchCalendarBody>;

export const FeedTokenParams = v.strictObject({
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,100}$/, 'That is not a calendar address.')),
});
