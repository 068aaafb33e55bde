import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import type { LocalDate } from '../../domain/zoned-time.js';
import { concernFor } from '../safety/safety.service.js';
import { findAnswer } from './answers.repo.js';
import { skippedDays } from './closeness.repo.js';
import { questionDayFor, todayOf } from './question-days.js';

// What other features may read of closeness: the question of the day for the home screen.

export interface HomeQuestion {
  questionId: string;
  text: string;
  /** Whether I have answered it (my own answer only; never whether my partner has). */
  answered: boolean;
  /** Whether I set it aside for today ("not today"): home then leaves it be. */
  skipped: boolean;
}

/**
 * Today's question for the home screen, so home can offer it without another request. Null when my
 * private safety check raised concern: then home offers no joint exercise (decision 021).
 */
export async function homeQuestion(deps: AppDeps, actor: Actor, today?: LocalDate): Promise<HomeQuestion | null> {
  if (await concernFor(deps, actor.userId)) return null;
  const qd = await questionDayFor(deps, actor, today ?? (await todayOf(deps, actor.userId)));
  const mine = await findAnswer(deps.db, {
    spaceId: qd.spaceId,
    day: qd.day,
    questionId: qd.question.id,
    authorId: actor.userId,
  });
  const skipped = await skippedDays(deps.db, { userId: actor.userId, spaceId: qd.spaceId }, [qd.day]);
  return { questionId: qd.question.id, text: qd.question.text, answered: mine !== undefined, skipped: skipped.has(qd.day) };
}
