import * as v from 'valibot';
import { ScheduleSchema } from '../commitments/commitments.schema.js';

// Connection rituals (step 7): the library written for Attune, and the ones I chose. A ritual I
// chose is a commitment in Act (me the doer, my partner the receiver), or a plan while I am alone.

export const RitualIdParams = v.strictObject({
  ritualId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'That is not a ritual id.')),
});

/** Rituals take the everyday schedules of Act: every day, chosen weekdays, or n times a week. */
const RitualScheduleSchema = v.pipe(
  ScheduleSchema,
  v.check((s) => s.kind !== 'once', 'A ritual repeats: please choose every day, chosen days, or a number of times a week.'),
);

export const AdoptBody = v.strictObject({ schedule: RitualScheduleSchema });

export const AdoptionView = v.object({
  /** `planned`: saved while I am alone, it becomes a commitment when my partner joins. */
  state: v.picklist(['planned', 'active']),
  schedule: ScheduleSchema,
  /** The commitment in Act, once there is one. */
  commitmentId: v.nullable(v.string()),
  since: v.string(),
});

export const RitualView = v.object({
  id: v.string(),
  title: v.string(),
  what: v.string(),
  why: v.string(),
  suggested: ScheduleSchema,
  mine: v.nullable(AdoptionView),
});

export const RitualList = v.object({ rituals: v.array(RitualView), hasPartner: v.boolean() });

export type RitualView = v.InferOutput<typeof RitualView>;
export type RitualList = v.InferOutput<typeof RitualList>;
export type AdoptBody = v.InferInput<typeof AdoptBody>;
