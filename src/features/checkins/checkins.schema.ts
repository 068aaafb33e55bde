import * as v from 'valibot';
import { CHECKIN_LIMITS as L, MOODS, REACTIONS, REPLY_KINDS } from '../../domain/checkins.js';
import { isLocalDate } from '../../domain/zoned-time.js';

// Request and response schemas for the daily check-in. Types are inferred once and imported (type
// only) by the browser client.

const LocalDate = (message: string) => v.pipe(v.string(message), v.check(isLocalDate, message));

const Scale = (what: string) =>
  v.pipe(
    v.number(`Please choose how ${what}, from 0 to 10.`),
    v.integer(`Please choose a whole number from 0 to 10 for how ${what}.`),
    v.minValue(L.scaleMin, `Please choose how ${what}, from 0 to 10.`),
    v.maxValue(L.scaleMax, `Please choose how ${what}, from 0 to 10.`),
  );

const Visibility = v.picklist(['private', 'couple'], 'Please choose whether this is just for you or shared with your partner.');

export const CheckinDateParams = v.strictObject({ date: LocalDate('Please give the day as YYYY-MM-DD.') });
export const CheckinIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a check-in id.')) });

export const CheckinWindowQuery = v.strictObject({
  from: v.optional(LocalDate('Please give the first day as YYYY-MM-DD.')),
  to: v.optional(LocalDate('Please give the last day as YYYY-MM-DD.')),
});

export const CheckinBody = v.strictObject({
  connected: Scale('connected you felt today'),
  heard: Scale('heard you felt today'),
  mood: v.picklist(MOODS, 'Please choose the mood that fits best.'),
  /** An optional line; empty or blank means none. */
  line: v.optional(
    v.nullable(
      v.pipe(
        v.string('Please write this as text.'),
        v.trim(),
        v.maxLength(L.lineLength, `Please keep this to ${L.lineLength} characters.`),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
    null,
  ),
  /** Omitted: the visibility chosen last time (private for a first check-in). */
  visibility: v.optional(Visibility),
});

export const ReplyBody = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('reaction'), reaction: v.picklist(REACTIONS, 'Please choose one of the reactions.') }),
    v.strictObject({
      kind: v.literal('note'),
      text: v.pipe(
        v.string('Please write this as text.'),
        v.trim(),
        v.nonEmpty('Please write a few words, or send a reaction instead.'),
        v.maxLength(L.noteLength, `Please keep this to ${L.noteLength} characters.`),
      ),
    }),
    v.strictObject({ kind: v.literal('talk-tonight') }),
  ],
  'Please choose a reaction, a note, or “let’s talk tonight”.',
);

export const ReplyView = v.object({
  id: v.string(),
  /** True when the signed-in person sent it; otherwise it is the partner's. */
  byMe: v.boolean(),
  kind: v.picklist(REPLY_KINDS),
  reaction: v.nullable(v.picklist(REACTIONS)),
  text: v.nullable(v.string()),
  at: v.string(),
});

export const CheckinView = v.object({
  id: v.string(),
  /** True for the author; false for the partner it was shared with. */
  mine: v.boolean(),
  /** The local day it belongs to, in its author's time zone. */
  date: v.string(),
  connected: v.number(),
  heard: v.number(),
  mood: v.picklist(MOODS),
  line: v.nullable(v.string()),
  visibility: v.picklist(['private', 'couple']),
  /** Only the author, and only on that same day where they are. */
  editable: v.boolean(),
  createdAt: v.string(),
  updatedAt: v.string(),
  /** Replies the signed-in person may see, oldest first. */
  replies: v.array(ReplyView),
});

export const CheckinList = v.object({
  from: v.string(),
  to: v.string(),
  /** Mine (private and shared) and my partner's shared ones, newest day first. */
  checkins: v.array(CheckinView),
});

export const CheckinToday = v.object({
  /** Today where I am: the only day I can check in for. */
  date: v.string(),
  mine: v.nullable(CheckinView),
  /** My partner's shared check-in for the same date, if there is one. */
  partners: v.nullable(CheckinView),
  defaultVisibility: Visibility,
  /** Whether there is a partner to share with right now. */
  hasPartner: v.boolean(),
});

export const CheckinPreferences = v.object({ defaultVisibility: Visibility });

export type CheckinBody = v.InferInput<typeof CheckinBody>;
export type ReplyBody = v.InferInput<typeof ReplyBody>;
export type ReplyView = v.InferOutput<typeof ReplyView>;
export type CheckinView = v.InferOutput<typeof CheckinView>;
export type CheckinList = v.InferOutput<typeof CheckinList>;
export type CheckinToday = v.InferOutput<typeof CheckinToday>;
export type CheckinPreferences = v.InferOutput<typeof CheckinPreferences>;
