import * as v from 'valibot';
import { COMMITMENT_LIMITS as L } from '../../domain/commitments.js';
import { isLocalDate, isLocalTime } from '../../domain/zoned-time.js';

// Request and response schemas for commitments (step 4, Act). Types are inferred once and imported
// (type only) by the browser client. The log (marks, acknowledgements, figures) is in log.schema.ts.

export const LocalDate = (message = 'Please give the date as YYYY-MM-DD.') =>
  v.pipe(v.string(message), v.check(isLocalDate, message));
const LocalTime = v.pipe(
  v.string('Please give the time as HH:MM.'),
  v.check(isLocalTime, 'Please give the time as HH:MM, on a 24-hour clock (for example 21:00).'),
);
const Id = (what: string) => v.pipe(v.string(), v.uuid(`That is not ${what} id.`));

export const CommitmentIdParams = v.strictObject({ id: Id('a commitment') });

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** How often: every day, chosen weekdays, n times a week (weeks start on Monday), or once. */
export const ScheduleSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('daily'), by: v.nullable(LocalTime) }),
    v.strictObject({
      kind: v.literal('weekdays'),
      days: v.pipe(
        v.array(v.picklist(WEEKDAYS, 'Days go from 1 (Monday) to 7 (Sunday).')),
        v.minLength(1, 'Please choose at least one day of the week.'),
        v.check((days) => new Set(days).size === days.length, 'Each day only needs choosing once.'),
      ),
      by: v.nullable(LocalTime),
    }),
    v.strictObject({
      kind: v.literal('weekly'),
      times: v.pipe(
        v.number('Please choose how many times a week.'),
        v.integer('Please choose a whole number of times a week.'),
        v.minValue(1, 'Please choose between 1 and 7 times a week.'),
        v.maxValue(7, 'Please choose between 1 and 7 times a week.'),
      ),
    }),
    v.strictObject({ kind: v.literal('once'), date: LocalDate(), by: LocalTime }),
  ],
  'Please choose how often: every day, chosen days, a number of times a week, or once.',
);

const What = v.pipe(
  v.string('Please write this as text.'),
  v.trim(),
  v.nonEmpty('Please write what you will do, in a sentence.'),
  v.maxLength(L.whatLength, `Please keep this to ${L.whatLength} characters.`),
);

export const CreateCommitmentBody = v.strictObject({
  /** The agreement it comes from, or null for a commitment made directly. */
  agreementId: v.nullable(Id('an agreement')),
  what: What,
  schedule: ScheduleSchema,
  /** The first local day, in my time zone: today or later. */
  startsOn: LocalDate('Please give the first day as YYYY-MM-DD.'),
});

/** A change starts a new version from now; what came before keeps its own words and schedule. */
export const ChangeCommitmentBody = v.pipe(
  v.strictObject({ what: v.optional(What), schedule: v.optional(ScheduleSchema) }),
  v.check((b) => b.what !== undefined || b.schedule !== undefined, 'Please change the words, the schedule, or both.'),
);

export const VersionView = v.object({
  id: v.string(),
  /** In force from this instant (UTC). */
  from: v.string(),
  what: v.string(),
  schedule: ScheduleSchema,
  /** "Every day, by 21:00" and the like, in the actor's time zone. */
  described: v.string(),
  /** The actor's time zone when this version was made: the schedule runs in it. */
  zone: v.string(),
  at: v.string(),
});

export const PauseView = v.object({ from: v.string(), until: v.nullable(v.string()) });

export const CommitmentView = v.object({
  id: v.string(),
  agreementId: v.nullable(v.string()),
  /** The connection ritual it was made from (step 7), or null. */
  ritualId: v.nullable(v.string()),
  /** True when the signed-in person is the one who acts; false when it is for them. */
  actorIsMe: v.boolean(),
  state: v.picklist(['upcoming', 'active', 'paused', 'ended']),
  /** The current words and schedule (the latest version). */
  what: v.string(),
  schedule: ScheduleSchema,
  described: v.string(),
  zone: v.string(),
  startsOn: v.string(),
  createdAt: v.string(),
  updatedAt: v.string(),
  endedAt: v.nullable(v.string()),
  /** Every version, oldest first. */
  versions: v.array(VersionView),
  /** Every pause, oldest first (until null: still paused). */
  pauses: v.array(PauseView),
  /** The actor may change, pause, resume or end it (only in the space it was made in). */
  canChange: v.boolean(),
});

const ReplySummary = v.object({
  byMe: v.boolean(),
  felt: v.string(),
  missing: v.nullable(v.string()),
  at: v.string(),
});

/** The latest acknowledgement written in Talk by one person in this space, as the signed-in person may see it. */
export const AcknowledgementSummary = v.object({
  id: v.string(),
  conversationId: v.string(),
  byMe: v.boolean(),
  did: v.string(),
  effect: v.string(),
  change: v.string(),
  at: v.string(),
  reply: v.nullable(ReplySummary),
});

export const CommitmentList = v.object({
  commitments: v.array(CommitmentView),
  /** True when there were more than the list holds (the newest are shown). */
  truncated: v.boolean(),
  /** Whether there is a partner to make commitments with right now. */
  hasPartner: v.boolean(),
  /** "What was said": the latest acknowledgement each of us wrote in Talk, shown beside what has been done since. */
  acknowledgements: v.object({ mine: v.nullable(AcknowledgementSummary), partners: v.nullable(AcknowledgementSummary) }),
});

export type ScheduleInput = v.InferOutput<typeof ScheduleSchema>;
export type CreateCommitmentBody = v.InferInput<typeof CreateCommitmentBody>;
export type ChangeCommitmentBody = v.InferInput<typeof ChangeCommitmentBody>;
export type VersionView = v.InferOutput<typeof VersionView>;
export type PauseView = v.InferOutput<typeof PauseView>;
export type CommitmentView = v.InferOutput<typeof CommitmentView>;
export type AcknowledgementSummary = v.InferOutput<typeof AcknowledgementSummary>;
export type CommitmentList = v.InferOutput<typeof CommitmentList>;
