import * as v from 'valibot';
import { BEGUN_STEPS } from '../../domain/home-journey.js';
import { CheckinView } from '../checkins/checkins.schema.js';
import { TodayView as ActToday } from '../commitments/log.schema.js';

const WeekSide = v.object({ due: v.number(), done: v.number(), noticed: v.number() });

/** What the home screen shows in one request: today's part of the log and today's check-ins. */
export const HomeToday = v.object({
  /** Today, in my time zone. */
  date: v.string(),
  zone: v.string(),
  act: ActToday,
  checkins: v.object({
    mine: v.nullable(CheckinView),
    /** My partner's check-in for their today, when they shared it. */
    partners: v.nullable(CheckinView),
  }),
  /** Whether I answered this week's trust pulse (my own; never my partner's). */
  pulse: v.object({ week: v.string(), answered: v.boolean() }),
  /**
   * Today's closeness question and whether I answered it (never whether my partner did); null when
   * my own safety check raised concern, so home offers no joint exercise.
   */
  closeness: v.nullable(v.object({ questionId: v.string(), text: v.string(), answered: v.boolean(), skipped: v.boolean() })),
  /**
   * Where I am on the journey (added later; everything above is unchanged): the steps I have begun
   * (yes or no each, never what I wrote), this week's figures from Monday to today, and the latest
   * verdict on my own trust pulse over the last 12 weeks.
   */
  journey: v.object({
    begun: v.array(v.picklist(BEGUN_STEPS)),
    thisWeek: v.object({ from: v.string(), to: v.string(), mine: WeekSide, partners: WeekSide }),
    trend: v.object({
      verdict: v.picklist(['too-early', 'improving', 'steady', 'declining']),
      p: v.number(),
      slopePerWeek: v.number(),
      n: v.number(),
    }),
  }),
});

export type HomeToday = v.InferOutput<typeof HomeToday>;
