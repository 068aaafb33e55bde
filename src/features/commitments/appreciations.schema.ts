import * as v from 'valibot';
import { COMMITMENT_LIMITS as L } from '../../domain/commitments.js';
import { LocalDate } from './commitments.schema.js';

// Appreciations: something good my partner did that no commitment named, in my words. Shared with
// my partner (that is what it is for). Types are imported (type only) by the browser client.

export const AppreciationBody = v.strictObject({
  text: v.pipe(
    v.string('Please write this as text.'),
    v.trim(),
    v.nonEmpty('Please write a few words about what your partner did.'),
    v.maxLength(L.appreciationLength, `Please keep this to ${L.appreciationLength} characters.`),
  ),
  /** The local day it happened, in my time zone: today or a day before. */
  on: LocalDate('Please give the day as YYYY-MM-DD.'),
});

export const AppreciationView = v.object({
  id: v.string(),
  /** True when I wrote it (about my partner); false when my partner wrote it about me. */
  byMe: v.boolean(),
  text: v.string(),
  on: v.string(),
  createdAt: v.string(),
});

export const AppreciationList = v.object({
  from: v.string(),
  to: v.string(),
  appreciations: v.array(AppreciationView),
  /** True when there were more than the list holds (the newest are shown). */
  truncated: v.boolean(),
});

export type AppreciationBody = v.InferInput<typeof AppreciationBody>;
export type AppreciationView = v.InferOutput<typeof AppreciationView>;
export type AppreciationList = v.InferOutput<typeof AppreciationList>;
