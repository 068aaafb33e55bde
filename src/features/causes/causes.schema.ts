import * as v from 'valibot';
import { CAUSE_IDS, CAUSE_LIMITS, type CauseId } from '../../domain/causes.js';

// Request and response schemas for step 2, Why. Types are inferred once and imported (type only)
// by the browser client.

const L = CAUSE_LIMITS;

/** An optional note: blank means none. */
const Note = v.pipe(
  v.optional(v.nullable(v.string('A note must be text.')), null),
  v.transform((s) => (s ?? '').trim()),
  v.maxLength(L.noteLength, `Please keep a note to ${L.noteLength} characters.`),
  v.transform((s) => (s === '' ? null : s)),
);

const CauseIdSchema = v.pipe(
  v.string(),
  v.picklist(CAUSE_IDS as [CauseId, ...CauseId[]], 'This is not one of the listed causes.'),
);

export const ListedMark = v.strictObject({ id: CauseIdSchema, note: Note });

export const OwnWordsMark = v.strictObject({
  text: v.pipe(
    v.string('Please write it in your own words.'),
    v.trim(),
    v.nonEmpty('Please write something here, or remove this one.'),
    v.maxLength(L.ownWordsLength, `Please keep this to ${L.ownWordsLength} characters.`),
  ),
  note: Note,
});

export const MarksBody = v.strictObject({
  causes: v.pipe(
    v.array(ListedMark),
    v.maxLength(CAUSE_IDS.length),
    v.check((list) => new Set(list.map((m) => m.id)).size === list.length, 'Each cause can be marked once.'),
  ),
  ownWords: v.pipe(
    v.optional(v.array(OwnWordsMark), []),
    v.maxLength(L.ownWords, `Please keep to ${L.ownWords} in your own words.`),
  ),
});

export const UnderstandingBody = v.strictObject({
  text: v.pipe(
    v.string('Please write your part as text.'),
    v.trim(),
    v.maxLength(L.understandingLength, `Please keep your part to ${L.understandingLength} characters.`),
  ),
});

const MarkSet = v.object({
  causes: v.array(v.object({ id: v.string(), note: v.nullable(v.string()) })),
  ownWords: v.array(v.object({ text: v.string(), note: v.nullable(v.string()) })),
});

export const CausesView = v.object({
  /** Whether there is a partner to reveal to right now. */
  hasPartner: v.boolean(),
  mine: v.object({
    marks: MarkSet,
    revealed: v.boolean(),
    revealedAt: v.nullable(v.string()),
  }),
  partner: v.object({
    /** True only once the partner chose to reveal (that is theirs to show). */
    revealed: v.boolean(),
    /** Their marks, only once both have revealed. */
    marks: v.nullable(MarkSet),
  }),
  comparison: v.nullable(
    v.object({ shared: v.array(v.string()), onlyMine: v.array(v.string()), onlyTheirs: v.array(v.string()) }),
  ),
  /** The shared understanding: each partner's own part, shown together once both have revealed. */
  understanding: v.object({ mine: v.nullable(v.string()), theirs: v.nullable(v.string()) }),
  /** What I marked in spaces I have since left: my own words, kept for me alone. */
  earlier: v.array(v.object({ marks: MarkSet, revealedAt: v.nullable(v.string()), understanding: v.nullable(v.string()) })),
});

export type MarksBody = v.InferInput<typeof MarksBody>;
export type MarkSet = v.InferOutput<typeof MarkSet>;
export type CausesView = v.InferOutput<typeof CausesView>;
