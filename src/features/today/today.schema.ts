import * as v from 'valibot';
import { CheckinView } from '../checkins/checkins.schema.js';
import { TodayView as ActToday } from '../commitments/log.schema.js';

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
});

export type HomeToday = v.InferOutput<typeof HomeToday>;
