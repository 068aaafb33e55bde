import * as v from 'valibot';
import { ACKNOWLEDGEMENT_FELT, type AcknowledgementFelt, TALK_LIMITS, TALK_PHASES } from '../../domain/conversation.js';
import { LocalDate } from '../commitments/commitments.schema.js';

const FELT = ACKNOWLEDGEMENT_FELT as [AcknowledgementFelt, ...AcknowledgementFelt[]];

// Request and response schemas for step 1, Talk (drafts and conversations), and Acknowledge.
// Types are inferred once and imported (type only) by the browser client.

const L = TALK_LIMITS;

const Words = (empty: string, max: number = L.textLength) =>
  v.pipe(
    v.string('Please write this as text.'),
    v.trim(),
    v.nonEmpty(empty),
    v.maxLength(max, `Please keep this to ${max} characters.`),
  );

const Id = (what: string) => v.pipe(v.string(), v.uuid(`That is not ${what} id.`));

export const DraftIdParams = v.strictObject({ id: Id('a draft') });
export const ConversationIdParams = v.strictObject({ id: Id('a conversation') });
export const AcknowledgementParams = v.strictObject({ id: Id('a conversation'), ackId: Id('an acknowledgement') });

/** A draft may be empty while it is being written: it is saved as the person types. */
export const DraftBody = v.strictObject({
  text: v.pipe(
    v.string('Please write this as text.'),
    v.maxLength(L.draftLength, `Please keep this to ${L.draftLength} characters.`),
  ),
});

export const DraftView = v.object({ id: v.string(), text: v.string(), createdAt: v.string(), updatedAt: v.string() });
export const DraftList = v.object({ drafts: v.array(DraftView) });

export const StartBody = v.strictObject({
  mode: v.picklist(['two-devices', 'one-device'], 'Please choose two devices or one device.'),
});

export const InPersonBody = v.strictObject({
  // The one date rule every route uses: a real calendar day within the years Attune schedules in.
  heldOn: LocalDate('Please give the date it was held as a real day, YYYY-MM-DD.'),
  said: Words('Please write a few words about what was said.'),
  wentHow: Words('Please write a few words about how it went.'),
});

const ForPartner = v.optional(v.boolean());

export const TurnBody = v.variant('kind', [
  v.strictObject({ kind: v.literal('share'), text: Words('Please write what you want to share.'), forPartner: ForPartner }),
  v.strictObject({ kind: v.literal('reflect'), text: Words('Please write what you heard.'), forPartner: ForPartner }),
  v.strictObject({ kind: v.literal('clarify'), text: Words('Please write what you want to add.'), forPartner: ForPartner }),
  v.strictObject({ kind: v.literal('confirm'), forPartner: ForPartner }),
  v.strictObject({ kind: v.literal('takeaway'), text: Words('Please write what you take from this.'), forPartner: ForPartner }),
]);

export const MoveBody = v.strictObject({
  action: v.picklist(['pause', 'resume', 'close'], 'Please choose pause, resume or close.'),
});

export const TurnView = v.object({
  id: v.string(),
  kind: v.picklist(['share', 'reflect', 'clarify', 'confirm', 'takeaway', 'said', 'went']),
  /** Whose words: the signed-in person's, or their partner's. */
  byMe: v.boolean(),
  text: v.nullable(v.string()),
  /** Recorded on one device by the person holding it, for the one whose words these are. */
  recordedBy: v.nullable(v.picklist(['me', 'partner'])),
  at: v.string(),
});

const Mode = v.picklist(['two-devices', 'one-device', 'in-person']);

export const ConversationSummary = v.object({
  id: v.string(),
  mode: Mode,
  phase: v.picklist(TALK_PHASES as [string, ...string[]]),
  startedByMe: v.boolean(),
  rounds: v.number(),
  heldOn: v.nullable(v.string()),
  startedAt: v.string(),
  endedAt: v.nullable(v.string()),
  /**
   * It was not finished when the space it was held in closed (one of us left): kept as it was, with
   * nothing more to do (every step answers 409 space_closed). Its phase is where it stopped.
   */
  closedBySpace: v.boolean(),
});

export const ConversationView = v.object({
  ...ConversationSummary.entries,
  /** Who speaks in this round, from the signed-in person's side. */
  speaker: v.picklist(['me', 'partner']),
  /** Whose step it is now; null while paused, closing or ended. */
  waitingOn: v.nullable(v.picklist(['me', 'partner'])),
  /** Where a pause will resume. */
  resumeTo: v.nullable(v.picklist(['share', 'reflect', 'confirm'])),
  myTakeaway: v.boolean(),
  partnerTakeaway: v.boolean(),
  /** Whether the signed-in person holds the one device and records for both. */
  recordsForBoth: v.boolean(),
  suggestedBreakMinutes: v.number(),
  /** Grows with every step: a screen keeps the newest view when answers arrive out of order. */
  version: v.number(),
  turns: v.array(TurnView),
});

export const ConversationList = v.object({
  conversations: v.array(ConversationSummary),
  /** Finished conversations the signed-in person can see (held together or recorded in person). */
  finishedCount: v.number(),
  hasPartner: v.boolean(),
  /** Whether to invite this person to talk together (never when their own safety answers raise concern). */
  suggestTogether: v.boolean(),
  truncated: v.boolean(),
});

export const AcknowledgementBody = v.strictObject({
  did: Words('Please write what you did, or failed to do.'),
  effect: Words('Please write how it affected your partner, as you understand it now.'),
  change: Words('Please write what you will do differently.'),
});

export const ReplyBody = v.strictObject({
  felt: v.picklist(FELT, 'Please choose true, partly or not yet.'),
  missing: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(L.textLength, `Please keep this to ${L.textLength} characters.`))),
});

export const ReplyView = v.object({
  byMe: v.boolean(),
  felt: v.picklist(FELT),
  missing: v.nullable(v.string()),
  at: v.string(),
});

export const AcknowledgementView = v.object({
  id: v.string(),
  byMe: v.boolean(),
  /**
   * Written by a former partner, before the space was closed, and answered by the signed-in person.
   * Its words have left their view (did, effect and change are null); their own answer stays.
   */
  fromFormerPartner: v.boolean(),
  did: v.nullable(v.string()),
  effect: v.nullable(v.string()),
  change: v.nullable(v.string()),
  at: v.string(),
  reply: v.nullable(ReplyView),
});

export const AcknowledgementList = v.object({
  acknowledgements: v.array(AcknowledgementView),
  /** Acknowledgements are written after a conversation has ended. */
  open: v.boolean(),
});

export type DraftBody = v.InferInput<typeof DraftBody>;
export type DraftView = v.InferOutput<typeof DraftView>;
export type DraftList = v.InferOutput<typeof DraftList>;
export type StartBody = v.InferInput<typeof StartBody>;
export type InPersonBody = v.InferInput<typeof InPersonBody>;
export type TurnBody = v.InferInput<typeof TurnBody>;
export type MoveBody = v.InferInput<typeof MoveBody>;
export type TurnView = v.InferOutput<typeof TurnView>;
export type ConversationSummary = v.InferOutput<typeof ConversationSummary>;
export type ConversationView = v.InferOutput<typeof ConversationView>;
export type ConversationList = v.InferOutput<typeof ConversationList>;
export type AcknowledgementBody = v.InferInput<typeof AcknowledgementBody>;
export type ReplyBody = v.InferInput<typeof ReplyBody>;
export type ReplyView = v.InferOutput<typeof ReplyView>;
export type AcknowledgementView = v.InferOutput<typeof AcknowledgementView>;
export type AcknowledgementList = v.InferOutput<typeof AcknowledgementList>;
