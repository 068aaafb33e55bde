import * as v from 'valibot';
import { SAFETY_QUESTIONS, type SafetyAnswers } from '../../domain/safety.js';

const QUESTION_IDS = SAFETY_QUESTIONS.map((q) => q.id) as [string, ...string[]];
const ANSWER = v.picklist(
  ['no', 'sometimes', 'yes', 'prefer-not-to-say'],
  'Please choose no, sometimes, yes or prefer not to say.',
);

/** Answers by question id; every question may be left unanswered. Unknown ids are refused by name. */
export const SafetyAnswersSchema = v.pipe(
  v.record(v.picklist(QUESTION_IDS, 'This is not one of the questions.'), ANSWER),
  v.transform((answers) => answers as SafetyAnswers),
);

export const SafetyBody = v.strictObject({ answers: SafetyAnswersSchema });

export const SafetyView = v.object({
  answers: v.nullable(v.record(v.string(), v.string())),
  concern: v.boolean(),
  updatedAt: v.nullable(v.string()),
});

export type SafetyView = { answers: SafetyAnswers | null; concern: boolean; updatedAt: string | null };
