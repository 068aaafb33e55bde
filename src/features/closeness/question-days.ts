import type { AppDeps } from '../../deps.js';
import { type Actor, canSeeItem, decideQuestionDay, type QuestionDayFacts } from '../../domain/access-policy.js';
import { type Question, questionById, type ThemeId } from '../../domain/closeness/deck.js';
import { CLOSENESS_LIMITS } from '../../domain/closeness/limits.js';
import { questionOfTheDay } from '../../domain/closeness/offer.js';
import { type LocalDate, localDateOf } from '../../domain/zoned-time.js';
import { enforce } from '../../shared/enforce.js';
import { notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { type AnswerRow, answersSeenBy, countRevealedPairs } from './answers.repo.js';
import { askedQuestionIds, findDay, insertDay, markOffered, offeredDays, themeOn } from './closeness.repo.js';

// Which question a day holds, and which question days are a person's (docs/decisions/021).
// A space's question for a local date is chosen the first time either partner asks for that date
// and kept. Each person meets it on their own today; the days shown to them are recorded for them
// alone, so neither the list of earlier days nor a question id tells one partner when the other
// opened the app.

export interface QuestionDay {
  spaceId: string;
  day: LocalDate;
  question: Question;
}

/** Today in the person's own zone, read from their account. */
export async function todayOf(deps: AppDeps, userId: string): Promise<LocalDate> {
  return localDateOf(deps.clock.now(), await timeZoneOf(deps.db, userId));
}

export function questionOf(id: string): Question {
  const question = questionById(id);
  if (!question) throw notFound(); // questions are only ever added to the deck; an unknown id is a missing one
  return question;
}

/**
 * The question of the day for my space on my today: the stored one, or chosen now (depth from the
 * revealed pairs, the theme in force that day, nothing asked here before) and stored, a concurrent
 * first ask inserting nothing. Recorded as offered to me.
 */
export async function questionDayFor(deps: AppDeps, actor: Actor, today: LocalDate): Promise<QuestionDay> {
  let row = await findDay(deps.db, actor.spaceId, today);
  const now = deps.clock.now();
  if (!row) {
    const [revealedCount, theme, asked] = await Promise.all([
      countRevealedPairs(deps.db, actor.spaceId),
      themeOn(deps.db, actor.spaceId, today),
      askedQuestionIds(deps.db, actor.spaceId, CLOSENESS_LIMITS.askedWindow),
    ]);
    const question = questionOfTheDay({
      spaceSeed: actor.spaceId,
      day: today,
      revealedCount,
      theme: theme as ThemeId | null,
      askedIds: new Set(asked),
    });
    await insertDay(deps.db, { id: newId(now), spaceId: actor.spaceId, day: today, questionId: question.id, at: toDbTime(now) });
    row = await findDay(deps.db, actor.spaceId, today);
    if (!row) throw new Error('The question of the day was not stored');
  }
  await markOffered(deps.db, { id: newId(now), userId: actor.userId, spaceId: actor.spaceId, day: today, at: toDbTime(now) });
  return { spaceId: row.space_id, day: row.day, question: questionOf(row.question_id) };
}

const answerItem = (row: AnswerRow) => ({ authorId: row.author_id, spaceId: row.space_id, visibility: row.visibility });

/**
 * The question day a question id names for me: the latest day of my space with that question that
 * the access policy gives me (offered to me up to my today, or with an answer I can see). 404 with
 * the body of a missing question otherwise, whoever else has seen or answered it.
 */
export async function knownQuestionDay(deps: AppDeps, actor: Actor, questionId: string, today: LocalDate): Promise<QuestionDay> {
  const limit = CLOSENESS_LIMITS.askedWindow;
  const [offered, answers] = await Promise.all([
    offeredDays(deps.db, actor, { questionId, limit }),
    answersSeenBy(deps.db, actor, { questionId, limit }),
  ]);
  const facts = new Map<string, QuestionDayFacts>();
  for (const row of offered) {
    facts.set(row.day, { spaceId: row.space_id, day: row.day, offeredToActor: true, answerSeenByActor: false });
  }
  for (const row of answers) {
    if (!canSeeItem(actor, answerItem(row))) continue;
    const known = facts.get(row.day);
    facts.set(row.day, {
      spaceId: row.space_id,
      day: row.day,
      offeredToActor: known?.offeredToActor ?? false,
      answerSeenByActor: true,
    });
  }
  const allowed = [...facts.values()]
    .filter((f) => decideQuestionDay(actor, f, today) === 'allow')
    .sort((x, y) => (x.day < y.day ? 1 : -1));
  const latest = allowed[0];
  enforce(decideQuestionDay(actor, latest, today));
  if (!latest) throw notFound();
  return { spaceId: latest.spaceId, day: latest.day, question: questionOf(questionId) };
}
