import * as v from 'valibot';
import { PROGRESS_WEEKS } from '../../domain/progress.js';
import { THERAPY_REASONS, type TherapyReason } from '../../domain/therapy.js';

// Request and response schemas for step 5, Patience: the progress charts with their verdicts, the
// private therapy suggestion, and the weekly reflection. Everything here is the signed-in person's
// own view; types are inferred once and imported (type only) by the browser client.

const W = PROGRESS_WEEKS;
const weeksMessage = `Please choose a whole number of weeks, from ${W.min} to ${W.max}.`;

export const ProgressQuery = v.strictObject({
  weeks: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, weeksMessage),
      v.transform(Number),
      v.minValue(W.min, weeksMessage),
      v.maxValue(W.max, weeksMessage),
    ),
  ),
});

const Verdict = v.picklist(['too-early', 'improving', 'steady', 'declining']);
const SeriesKind = v.picklist(['pulse', 'connected', 'heard', 'follow-through', 'felt-rate']);
const Reason = v.picklist(THERAPY_REASONS as unknown as [TherapyReason, ...TherapyReason[]]);

export const ProgressPoint = v.object({
  /** The Monday of the week, a local date in my zone. */
  at: v.string(),
  /** 0..100, one decimal. */
  value: v.number(),
});

export const ProgressSeries = v.object({
  /** Stable: 'pulse', 'connected', 'heard', or 'agreement:<id>:follow-through' / 'agreement:<id>:felt-rate'. */
  id: v.string(),
  kind: SeriesKind,
  /** The agreement a follow-through or felt-rate series is about; null for the others. */
  agreementId: v.nullable(v.string()),
  /** The agreement's wording, for a follow-through or felt-rate series; null for the others. */
  about: v.nullable(v.string()),
  title: v.string(),
  unit: v.string(),
  /** Oldest first; weeks without a value are simply absent. */
  points: v.array(ProgressPoint),
  /** trendVerdict(points). */
  verdict: v.object({ verdict: Verdict, slopePerWeek: v.number(), p: v.number(), n: v.number() }),
  /** What the chart shows, in a sentence. */
  sentence: v.string(),
});

export const TherapyView = v.object({
  /** For me alone: it rests on my own answers and figures. */
  suggest: v.picklist(['none', 'couples-therapy', 'individual-support']),
  reasons: v.array(Reason),
  /** I said I would like to think about therapy. */
  asked: v.boolean(),
});

export const ProgressView = v.object({
  /** The first Monday and today, local dates in my zone. */
  from: v.string(),
  to: v.string(),
  weeks: v.number(),
  timeZone: v.string(),
  hasPartner: v.boolean(),
  series: v.array(ProgressSeries),
  therapy: TherapyView,
});

export const TherapyInterestBody = v.strictObject({
  asked: v.boolean('Please say yes or no.'),
});

export const TherapyInterestView = v.object({ asked: v.boolean() });

const Compare = v.object({
  /** The last 7 days (0..100), or null when there is nothing to show. */
  now: v.nullable(v.number()),
  /** The 7 days four weeks earlier, or null. */
  fourWeeksAgo: v.nullable(v.number()),
});

const Moment = v.object({
  commitmentId: v.string(),
  key: v.string(),
  what: v.string(),
  /** The local day it was done on. */
  day: v.string(),
  helped: v.nullable(v.number()),
});

export const WeeklyReflection = v.object({
  /** The last 7 days (today included) and the 7 days four weeks before, local dates in my zone. */
  from: v.string(),
  to: v.string(),
  earlierFrom: v.string(),
  earlierTo: v.string(),
  hasPartner: v.boolean(),
  compare: v.object({
    /** My trust pulse: the latest of the weeks the 7 days touch. */
    pulse: Compare,
    /** My check-ins, the 7-day mean × 10. */
    connection: Compare,
    feltHeard: Compare,
    /** What my partner did for me: the share done, and the share I noticed, × 100. */
    followThrough: Compare,
    feltRate: Compare,
  }),
  /** My partner's done occurrences for me that I noticed, newest first. */
  wentWell: v.array(Moment),
  didNotLand: v.object({
    /** My partner's done ones I have not said I noticed: there is still time to. */
    theirs: v.array(Moment),
    /** How many of mine my partner has not said they noticed: a count only. */
    mineCount: v.number(),
  }),
  /** Something specific to thank my partner for: the latest that helped a lot; null when none did. */
  thank: v.nullable(v.object({ what: v.string(), day: v.string() })),
  /** True when a list held more than it shows (the newest are shown). */
  truncated: v.boolean(),
});

export type ProgressPoint = v.InferOutput<typeof ProgressPoint>;
export type ProgressSeries = v.InferOutput<typeof ProgressSeries>;
export type ProgressView = v.InferOutput<typeof ProgressView>;
export type TherapyView = v.InferOutput<typeof TherapyView>;
export type TherapyInterestBody = v.InferInput<typeof TherapyInterestBody>;
export type TherapyInterestView = v.InferOutput<typeof TherapyInterestView>;
export type WeeklyReflection = v.InferOutput<typeof WeeklyReflection>;
export type ReflectionMoment = v.InferOutput<typeof Moment>;
