import * as v from 'valibot';
import { DEPTHS, THEMES, type ThemeId } from '../../domain/closeness/deck.js';
import { CLOSENESS_REACTIONS, CLOSENESS_LIMITS as L } from '../../domain/closeness/limits.js';

// Request and response schemas for step 7, closeness. The contract's shapes (`today`, `deck`, an
// answer) are fixed; the rest serves the screens.

const THEME_IDS = THEMES.map((t) => t.id) as [ThemeId, ...ThemeId[]];
const QUESTION_ID = /^[a-z]+-\d{3}$/;

export const QuestionIdParams = v.strictObject({
  questionId: v.pipe(v.string(), v.regex(QUESTION_ID, 'That is not a question id.')),
});

export const Question = v.object({
  id: v.string(),
  text: v.string(),
  theme: v.string(),
  depth: v.picklist(DEPTHS),
});

export const Answer = v.object({
  text: v.string(),
  answeredAt: v.string(),
  /** Set when the answer was changed after both were revealed. */
  editedAt: v.nullable(v.string()),
});

export const DeckView = v.object({ questions: v.array(Question) });

/** The question of the day (or one earlier question day): my answer, and my partner's once both answered. */
export const QuestionToday = v.object({
  question: Question,
  mine: v.nullable(Answer),
  partner: v.nullable(Answer),
});

export const AnswerBody = v.strictObject({
  text: v.pipe(
    v.string('Please write your answer as text.'),
    v.trim(),
    v.nonEmpty('Please write a few words, or skip this one. Skipping is fine.'),
    v.maxLength(L.answerLength, `Please keep this to ${L.answerLength} characters.`),
  ),
});

export const ResponseView = v.object({
  reaction: v.nullable(v.picklist(CLOSENESS_REACTIONS)),
  reply: v.nullable(v.string()),
  talkMore: v.boolean(),
  updatedAt: v.string(),
});

/** One question day with everything the two of us can see of it. */
export const PairView = v.object({
  day: v.string(),
  question: Question,
  mine: v.nullable(Answer),
  partner: v.nullable(Answer),
  /** Both answers are in and shown to both. */
  revealed: v.boolean(),
  /** My answer was written while I was on my own: my partner sees it only if I share it. */
  mineHeld: v.boolean(),
  /** I said "not today" to this question (only I see that). */
  skipped: v.boolean(),
  myResponse: v.nullable(ResponseView),
  partnerResponse: v.nullable(ResponseView),
  /** The Talk draft my "talk more about this" started, when there is one. */
  talkDraftId: v.nullable(v.string()),
});

export const PairSummary = v.object({
  day: v.string(),
  question: Question,
  answeredByMe: v.boolean(),
  revealed: v.boolean(),
  skipped: v.boolean(),
});

export const ClosenessOverview = v.object({
  /** Today where I am. */
  day: v.string(),
  today: PairView,
  /** The theme in force today (null: any), and the one from tomorrow when it was just changed. */
  theme: v.nullable(v.picklist(THEME_IDS)),
  nextTheme: v.nullable(v.object({ theme: v.nullable(v.picklist(THEME_IDS)), from: v.string() })),
  themes: v.array(v.object({ id: v.string(), name: v.string(), about: v.string() })),
  /** Pairs the two of us have revealed so far: deeper questions come as this grows. */
  revealedCount: v.number(),
  hasPartner: v.boolean(),
  /** Earlier question days of this space, newest first (at most 60). */
  earlier: v.array(PairSummary),
  /** My answers written while alone, which my partner does not see unless I share them. */
  held: v.array(v.object({ day: v.string(), question: Question, answeredAt: v.string() })),
});

export const ThemeBody = v.strictObject({
  theme: v.nullable(v.picklist(THEME_IDS, 'Please choose one of the themes, or any theme.')),
});

export const ResponseBody = v.pipe(
  v.strictObject({
    reaction: v.optional(v.nullable(v.picklist(CLOSENESS_REACTIONS, 'Please choose one of the reactions.'))),
    reply: v.optional(
      v.nullable(
        v.pipe(
          v.string('Please write this as text.'),
          v.trim(),
          v.maxLength(L.replyLength, `Please keep this to ${L.replyLength} characters.`),
          v.transform((s) => (s === '' ? null : s)),
        ),
      ),
    ),
  }),
  v.check((b) => b.reaction !== undefined || b.reply !== undefined, 'Please send a reaction, a reply, or both.'),
);

export const TalkMoreView = v.object({ draftId: v.string() });

export type QuestionView = v.InferOutput<typeof Question>;
export type AnswerView = v.InferOutput<typeof Answer>;
export type QuestionToday = v.InferOutput<typeof QuestionToday>;
export type PairView = v.InferOutput<typeof PairView>;
export type PairSummary = v.InferOutput<typeof PairSummary>;
export type ClosenessOverview = v.InferOutput<typeof ClosenessOverview>;
export type ResponseView = v.InferOutput<typeof ResponseView>;
export type ResponseBody = v.InferOutput<typeof ResponseBody>;
export type DeckView = v.InferOutput<typeof DeckView>;
