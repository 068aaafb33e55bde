import * as v from 'valibot';
import {
  RATING_VALUES,
  type Rating,
  SELF_CHECK_ITEM_IDS,
  SELF_CHECK_NOTE_MAX,
  type SelfCheckRatings,
} from '../../domain/understand.js';

const ITEM_IDS = SELF_CHECK_ITEM_IDS as [string, ...string[]];
const RATING = v.picklist(RATING_VALUES as [Rating, ...Rating[]], 'Please choose a number from 1 (not at all) to 5 (very much).');

/** Ratings by item id; any item may be left unrated, but at least one is rated. Unknown ids are refused. */
export const SelfCheckRatingsSchema = v.pipe(
  v.record(v.picklist(ITEM_IDS, 'This is not one of the statements.'), RATING),
  v.check((r) => Object.keys(r).length > 0, 'Please rate at least one statement.'),
  v.transform((r) => r as SelfCheckRatings),
);

export const SelfCheckBody = v.strictObject({
  ratings: SelfCheckRatingsSchema,
  note: v.optional(
    v.nullable(
      v.pipe(v.string(), v.maxLength(SELF_CHECK_NOTE_MAX, `Please keep the note under ${SELF_CHECK_NOTE_MAX} characters.`)),
    ),
  ),
});

export const SelfCheckIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a self-check id.')) });

export const SelfCheckView = v.object({
  id: v.string(),
  createdAt: v.string(),
  ratings: v.record(v.string(), v.number()),
  note: v.nullable(v.string()),
});

export const SelfCheckList = v.object({ selfChecks: v.array(SelfCheckView) });

export type SelfCheckBody = v.InferInput<typeof SelfCheckBody>;
export type SelfCheckView = { id: string; createdAt: string; ratings: SelfCheckRatings; note: string | null };
export type SelfCheckList = { selfChecks: SelfCheckView[] };
