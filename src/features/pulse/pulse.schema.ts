import * as v from 'valibot';
import { isIsoWeekKey, PULSE_AREA_LABELS } from '../../domain/pulse.js';

// Request and response schemas for the weekly trust pulse. The answers' own rules (every statement,
// a whole number 1..7) live in the domain (pulseAnswerProblems); the service reports them per item.
// Types are inferred once and imported (type only) by the browser client.

export const PulseWeekParams = v.strictObject({
  week: v.pipe(
    v.string('Please give the week as YYYY-Www, for example 2026-W48.'),
    v.check(isIsoWeekKey, 'Please give the week as YYYY-Www, for example 2026-W48.'),
  ),
});

export const PulseIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a pulse id.')) });

export const PulseBody = v.strictObject({
  /**
   * Statement id → 1..7; checked item by item by the domain's pulseAnswerProblems. Only plain values
   * get that far (an object or list in an answer is refused here), so the words stay the domain's.
   */
  answers: v.record(
    v.pipe(v.string(), v.maxLength(64)),
    v.union([v.number(), v.string(), v.boolean(), v.null()], 'Please choose a number from 1 to 7.'),
    'Please answer each statement.',
  ),
  /** Share the score (never the answers) with my partner. Omitted: as this week's pulse was, or private for a new one. */
  shared: v.optional(v.boolean('Please choose whether to share your score with your partner.')),
});

const Area = v.picklist(Object.keys(PULSE_AREA_LABELS) as (keyof typeof PULSE_AREA_LABELS)[]);

export const PulseItemView = v.object({ id: v.string(), area: Area, areaLabel: v.string(), text: v.string() });

export const PulseView = v.object({
  id: v.string(),
  /** The ISO week it belongs to, in its author's time zone, and the Monday that starts it. */
  week: v.string(),
  weekStart: v.string(),
  /** Statement id → 1..7. Only ever sent to the author. */
  answers: v.record(v.string(), v.number()),
  score: v.number(),
  /** Whether the score (never the answers) is shared with my partner. */
  shared: v.boolean(),
  /** Only this week's can be changed. */
  editable: v.boolean(),
  createdAt: v.string(),
  updatedAt: v.string(),
});

export const PulseHistoryEntry = v.object({
  id: v.string(),
  week: v.string(),
  weekStart: v.string(),
  score: v.number(),
  shared: v.boolean(),
});
export const PartnerPulseEntry = v.object({ week: v.string(), weekStart: v.string(), score: v.number() });

export const PulseOverview = v.object({
  /** This week where I am: the only week I can answer for. */
  week: v.string(),
  weekStart: v.string(),
  prompt: v.string(),
  scale: v.object({ min: v.number(), max: v.number(), minLabel: v.string(), maxLabel: v.string() }),
  items: v.array(PulseItemView),
  /** This week's pulse, or null while it is not answered. */
  mine: v.nullable(PulseView),
  /** My pulses of the last 26 weeks (this one included), newest first. Weeks I skipped are simply absent. */
  history: v.array(PulseHistoryEntry),
  /** The scores my partner shared in the same 26 weeks (and next week, when they are already in it), in the space we share now, newest first. */
  partnerShared: v.array(PartnerPulseEntry),
  /** Whether there is a partner to share with right now. */
  hasPartner: v.boolean(),
});

export type PulseBody = v.InferInput<typeof PulseBody>;
export type PulseView = v.InferOutput<typeof PulseView>;
export type PulseOverview = v.InferOutput<typeof PulseOverview>;
export type PulseHistoryEntry = v.InferOutput<typeof PulseHistoryEntry>;
export type PartnerPulseEntry = v.InferOutput<typeof PartnerPulseEntry>;
export type PulseItemView = v.InferOutput<typeof PulseItemView>;
