import type { AppDeps } from '../../deps.js';
import { type Actor, canSeeItem, type PairAnswerFacts } from '../../domain/access-policy.js';
import { QUESTIONS, type Question, THEMES, type ThemeId } from '../../domain/closeness/deck.js';
import { type ClosenessReaction, CLOSENESS_LIMITS as L } from '../../domain/closeness/limits.js';
import type { LocalDate } from '../../domain/zoned-time.js';
import { fromDbTime } from '../../shared/time.js';
import {
  type AnswerRow,
  answersOnDays,
  answersSeenBy,
  countRevealedPairs,
  heldAnswers,
  type ResponseRow,
  responsesTo,
} from './answers.repo.js';
import { nextThemeAfter, offeredDays, skippedDays, themeOn } from './closeness.repo.js';
import type {
  AnswerView,
  ClosenessOverview,
  DeckView,
  PairSummary,
  PairView,
  QuestionToday,
  QuestionView,
  ResponseView,
} from './closeness.schema.js';
import { type QuestionDay, questionDayFor, questionOf } from './question-days.js';

// What a person sees of closeness, always through the access policy: my own answers and responses,
// my partner's only once the policy shows them to me (the reveal, or an answer they shared). Nothing
// here depends on whether my partner has answered a day I cannot yet read.

export const answerContext = (rowId: string) => ({ table: 'closeness_answers', column: 'text', rowId });
export const replyContext = (rowId: string) => ({ table: 'closeness_responses', column: 'reply', rowId });

const iso = (value: string) => fromDbTime(value).toISOString();

export const answerItem = (row: AnswerRow): PairAnswerFacts => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: row.visibility,
  revealed: row.revealed_at !== null,
});
const responseItem = (row: ResponseRow) => ({ authorId: row.author_id, spaceId: row.space_id, visibility: row.visibility });

export const questionView = (q: Question): QuestionView => ({ id: q.id, text: q.text, theme: q.theme, depth: q.depth });

async function answerView(deps: AppDeps, row: AnswerRow | undefined): Promise<AnswerView | null> {
  if (!row) return null;
  return {
    text: await deps.sealer.open(row.author_id, answerContext(row.id), row.text_sealed),
    answeredAt: iso(row.answered_at),
    editedAt: row.edited_at === null ? null : iso(row.edited_at),
  };
}

async function responseView(deps: AppDeps, row: ResponseRow | undefined): Promise<ResponseView | null> {
  if (!row) return null;
  return {
    reaction: row.reaction as ClosenessReaction | null,
    reply: row.reply_sealed === null ? null : await deps.sealer.open(row.author_id, replyContext(row.id), row.reply_sealed),
    talkMore: row.talk_more === 1,
    updatedAt: iso(row.updated_at),
  };
}

/** The two answers of a question day as the actor may see them: mine, and my partner's only when shown to me. */
export interface PairRows {
  mine: AnswerRow | undefined;
  theirs: AnswerRow | undefined;
}

export async function pairRows(deps: AppDeps, actor: Actor, qd: QuestionDay): Promise<PairRows> {
  const people = actor.partnerId ? [actor.userId, actor.partnerId] : [actor.userId];
  const rows = (await answersOnDays(deps.db, qd.spaceId, people, [qd.day])).filter((r) => r.question_id === qd.question.id);
  const mine = rows.find((r) => r.author_id === actor.userId);
  const theirs = rows.find((r) => r.author_id !== actor.userId && canSeeItem(actor, answerItem(r)));
  return { mine, theirs };
}

/** A pair both partners can read: both answers in, both revealed. */
export const isRevealed = ({ mine, theirs }: PairRows) => mine?.revealed_at != null && theirs?.revealed_at != null;

export async function pairView(deps: AppDeps, actor: Actor, qd: QuestionDay): Promise<PairView> {
  const rows = await pairRows(deps, actor, qd);
  const revealed = isRevealed(rows);
  const responses = revealed
    ? (
        await responsesTo(deps.db, { spaceId: qd.spaceId, day: qd.day, questionId: qd.question.id }, [
          actor.userId,
          rows.theirs?.author_id ?? actor.userId,
        ])
      ).filter((r) => canSeeItem(actor, responseItem(r)))
    : [];
  const myResponse = responses.find((r) => r.author_id === actor.userId);
  const theirResponse = responses.find((r) => r.author_id !== actor.userId);
  const skipped = await skippedDays(deps.db, actor, [qd.day]);
  return {
    day: qd.day,
    question: questionView(qd.question),
    mine: await answerView(deps, rows.mine),
    partner: await answerView(deps, rows.theirs),
    revealed,
    mineHeld: rows.mine !== undefined && rows.mine.held === 1 && rows.mine.visibility === 'private',
    skipped: skipped.has(qd.day),
    myResponse: await responseView(deps, myResponse),
    partnerResponse: await responseView(deps, theirResponse),
    talkDraftId: myResponse?.talk_draft_id ?? null,
  };
}

export async function questionTodayView(deps: AppDeps, actor: Actor, qd: QuestionDay): Promise<QuestionToday> {
  const { mine, theirs } = await pairRows(deps, actor, qd);
  return {
    question: questionView(qd.question),
    mine: await answerView(deps, mine),
    partner: await answerView(deps, theirs),
  };
}

export function deckView(): DeckView {
  return { questions: QUESTIONS.map(questionView) };
}

/**
 * My earlier question days in this space, newest first: the days offered to me, and the days of
 * answers I can see (my own, my partner's shown to me). Bounded by the history limit.
 */
async function earlierDays(deps: AppDeps, actor: Actor, today: QuestionDay): Promise<PairSummary[]> {
  const [offered, answers] = await Promise.all([
    offeredDays(deps.db, actor, { limit: L.history + 1 }),
    answersSeenBy(deps.db, actor, { limit: L.history + 1 }),
  ]);
  const keyOf = (day: string, questionId: string) => `${day} ${questionId}`;
  const todayKey = keyOf(today.day, today.question.id);
  const entries = new Map<string, { day: string; questionId: string }>();
  for (const r of offered) entries.set(keyOf(r.day, r.question_id), { day: r.day, questionId: r.question_id });
  for (const r of answers) {
    if (canSeeItem(actor, answerItem(r))) entries.set(keyOf(r.day, r.question_id), { day: r.day, questionId: r.question_id });
  }
  entries.delete(todayKey);
  const list = [...entries.values()]
    .sort((x, y) => (x.day === y.day ? x.questionId.localeCompare(y.questionId) : x.day < y.day ? 1 : -1))
    .slice(0, L.history);
  const days = [...new Set(list.map((e) => e.day))];
  const people = actor.partnerId ? [actor.userId, actor.partnerId] : [actor.userId];
  const [rows, skipped] = await Promise.all([
    answersOnDays(deps.db, actor.spaceId, people, days),
    skippedDays(deps.db, actor, days),
  ]);
  return list.map((e) => {
    const onDay = rows.filter((r) => r.day === e.day && r.question_id === e.questionId);
    const mine = onDay.find((r) => r.author_id === actor.userId);
    const theirs = onDay.find((r) => r.author_id !== actor.userId && canSeeItem(actor, answerItem(r)));
    return {
      day: e.day,
      question: questionView(questionOf(e.questionId)),
      answeredByMe: mine !== undefined,
      revealed: isRevealed({ mine, theirs }),
      skipped: skipped.has(e.day),
    };
  });
}

export async function overviewOf(deps: AppDeps, actor: Actor, day: LocalDate): Promise<ClosenessOverview> {
  const qd = await questionDayFor(deps, actor, day);
  const [theme, next, revealedCount, held] = await Promise.all([
    themeOn(deps.db, actor.spaceId, day),
    nextThemeAfter(deps.db, actor.spaceId, day),
    countRevealedPairs(deps.db, actor.spaceId),
    heldAnswers(deps.db, actor, L.heldList),
  ]);
  return {
    day,
    today: await pairView(deps, actor, qd),
    theme: theme as ThemeId | null,
    nextTheme: next ? { theme: next.theme as ThemeId | null, from: next.effective_from } : null,
    themes: THEMES.map((t) => ({ id: t.id, name: t.name, about: t.about })),
    revealedCount,
    hasPartner: actor.partnerId !== null,
    earlier: await earlierDays(deps, actor, qd),
    held: held.map((r) => ({ day: r.day, question: questionView(questionOf(r.question_id)), answeredAt: iso(r.answered_at) })),
  };
}
