import * as v from 'valibot';
import { NEED_LIMITS, NEED_STATES, type NeedState } from '../../domain/needs.js';

// Request and response schemas for step 3, Needs, and the agreements that come out of it. Types are
// inferred once and imported (type only) by the browser client.

const L = NEED_LIMITS;

const Words = (empty: string) =>
  v.pipe(
    v.string('Please write this as text.'),
    v.trim(),
    v.nonEmpty(empty),
    v.maxLength(L.textLength, `Please keep this to ${L.textLength} characters.`),
  );

export const NeedIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a need id.')) });
export const AgreementIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not an agreement id.')) });
export const ProposalParams = v.strictObject({
  id: v.pipe(v.string(), v.uuid('That is not a need id.')),
  proposalId: v.pipe(v.string(), v.uuid('That is not a proposal id.')),
});

export const NeedBody = v.strictObject({ text: Words('Please write what you need, in a sentence or two.') });

export const RespondBody = v.variant('kind', [
  v.strictObject({ kind: v.literal('accept') }),
  v.strictObject({ kind: v.literal('propose'), text: Words('Please write the wording you would suggest.') }),
  v.strictObject({
    kind: v.literal('decline'),
    reason: Words('Please say a few words about why, so your partner can understand.'),
  }),
]);

/** One step of the negotiation, in the words of the person who took it. */
export const HistoryEntry = v.object({
  id: v.string(),
  kind: v.picklist(['proposal', 'accept', 'decline']),
  /** True when the signed-in person wrote it; otherwise it is the partner's. */
  byMe: v.boolean(),
  /** The proposed wording, or the reason for declining; null for an acceptance. */
  text: v.nullable(v.string()),
  at: v.string(),
});

export const NeedView = v.object({
  id: v.string(),
  /** True for the author; false for the partner it was shared with. */
  mine: v.boolean(),
  state: v.picklist(NEED_STATES as [NeedState, ...NeedState[]]),
  text: v.string(),
  /** Changed after it was shared (both see this). */
  edited: v.boolean(),
  editedAt: v.nullable(v.string()),
  createdAt: v.string(),
  sharedAt: v.nullable(v.string()),
  /** Whose answer it waits for, from the signed-in person's side. */
  waitingOn: v.nullable(v.picklist(['me', 'partner'])),
  /** Written with someone the author no longer shares a space with: kept for the author alone. */
  fromEarlierSpace: v.boolean(),
  /** Steps each of us took, oldest first; only the ones the signed-in person may see. */
  history: v.array(HistoryEntry),
  agreementId: v.nullable(v.string()),
});

export const NeedList = v.object({
  needs: v.array(NeedView),
  /** Whether there is a partner to share with right now. */
  hasPartner: v.boolean(),
  /** True when there were more than the list holds (newest are shown). */
  truncated: v.boolean(),
});

export const AgreementView = v.object({
  id: v.string(),
  needId: v.string(),
  agreedAt: v.string(),
  /** The words agreed on, with who wrote them; null when they were written by someone no longer in view. */
  wording: v.nullable(v.object({ text: v.string(), byMe: v.boolean() })),
  need: NeedView,
});

export const AgreementList = v.object({ agreements: v.array(AgreementView) });

export type NeedBody = v.InferInput<typeof NeedBody>;
export type RespondBody = v.InferInput<typeof RespondBody>;
export type HistoryEntry = v.InferOutput<typeof HistoryEntry>;
export type NeedView = v.InferOutput<typeof NeedView>;
export type NeedList = v.InferOutput<typeof NeedList>;
export type AgreementView = v.InferOutput<typeof AgreementView>;
export type AgreementList = v.InferOutput<typeof AgreementList>;
