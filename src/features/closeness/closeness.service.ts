import type { Db } from '../../db/database.js';
import { lockRow } from '../../db/row-lock.js';
import type { AppDeps } from '../../deps.js';
import { type Actor, decideItem, decideRevealedPair } from '../../domain/access-policy.js';
import type { ThemeId } from '../../domain/closeness/deck.js';
import { CLOSENESS_CHANGED } from '../../domain/closeness/limits.js';
import { addDays } from '../../domain/zoned-time.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { conflict, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { toDbTime } from '../../shared/time.js';
import { createDraft, removeDraft } from '../conversations/drafts.service.js';
import { noticeReveal } from '../notifications/notices.js';
import {
  type AnswerRow,
  claimTalkDraft,
  findAnswer,
  findHeldAnswer,
  insertAnswer,
  insertResponse,
  responsesTo,
  revealPair,
  rewriteAnswer,
  showHeldAnswer,
  updateResponse,
} from './answers.repo.js';
import { deleteSkip, findDay, insertSkip, saveTheme } from './closeness.repo.js';
import type { ClosenessOverview, PairView, QuestionToday, ResponseBody } from './closeness.schema.js';
import {
  answerContext,
  answerItem,
  deckView,
  overviewOf,
  pairRows,
  pairView,
  questionTodayView,
  replyContext,
} from './closeness.views.js';
import { knownQuestionDay, type QuestionDay, questionDayFor, questionOf, todayOf } from './question-days.js';

// Step 7, closeness (docs/decisions/021). Each partner answers the question of the day privately;
// the second answer reveals both in one transaction. Until then nothing the partner can fetch, hear
// or be notified of depends on whether or what I answered, skipped or changed: a first answer
// publishes nothing, and only what both can see (a reveal, an edit after it, a response, a theme, a
// shared answer) is announced to the space.

export { deckView };

const noPartner = () =>
  conflict(
    'no_partner',
    'Sharing an answer waits until your partner has joined your space. It stays here, just for you, in the meantime.',
  );
const tryAgain = () =>
  conflict('request_in_progress', 'The same answer is still being saved. Please wait a moment and look again.');

const keyOf = (qd: QuestionDay) => ({ spaceId: qd.spaceId, day: qd.day, questionId: qd.question.id });

/** Announces a change both partners can see: kind and question id only, to the space. */
async function announce(deps: AppDeps, actor: Actor, subjectId: string | null): Promise<void> {
  await publishEvent(deps, {
    kind: CLOSENESS_CHANGED,
    spaceId: actor.spaceId,
    authorId: actor.userId,
    visibility: 'couple',
    subjectId,
  });
}

/** Takes the question day's lock (or, for an answer from before a join, that answer's), so two answers at once queue. */
async function lockQuestionDay(trx: Db, qd: QuestionDay, mine: AnswerRow | undefined): Promise<void> {
  const day = await findDay(trx, qd.spaceId, qd.day);
  if (day && day.question_id === qd.question.id) await lockRow(trx, 'closeness_days', day.id);
  else if (mine) await lockRow(trx, 'closeness_answers', mine.id);
}

/**
 * Inside the transaction: reveals the pair when both answers are in and neither is held back (an
 * answer written alone waits for its author to share it). Answers the partner who was waiting for
 * the reveal (the one not acting now), or null when nothing was revealed.
 */
async function revealIfBoth(trx: Db, actor: Actor, qd: QuestionDay, at: string): Promise<string | null> {
  if (!actor.partnerId) return null;
  const mine = await findAnswer(trx, { ...keyOf(qd), authorId: actor.userId });
  const theirs = await findAnswer(trx, { ...keyOf(qd), authorId: actor.partnerId });
  if (!mine || !theirs || mine.held === 1 || theirs.held === 1) return null;
  if (mine.revealed_at !== null && theirs.revealed_at !== null) return null;
  await revealPair(trx, { ...keyOf(qd), authorIds: [actor.userId, actor.partnerId], at });
  return actor.partnerId;
}

async function afterReveal(deps: AppDeps, actor: Actor, qd: QuestionDay, partnerId: string): Promise<void> {
  await announce(deps, actor, qd.question.id);
  await noticeReveal(deps, { spaceId: qd.spaceId, partnerId, questionId: qd.question.id });
}

export async function readToday(deps: AppDeps, actor: Actor): Promise<QuestionToday> {
  const today = await todayOf(deps, actor.userId);
  return questionTodayView(deps, actor, await questionDayFor(deps, actor, today));
}

export async function readOverview(deps: AppDeps, actor: Actor): Promise<ClosenessOverview> {
  return overviewOf(deps, actor, await todayOf(deps, actor.userId));
}

export async function readPair(deps: AppDeps, actor: Actor, questionId: string): Promise<PairView> {
  const today = await todayOf(deps, actor.userId);
  await questionDayFor(deps, actor, today); // today's question is always mine to open
  return pairView(deps, actor, await knownQuestionDay(deps, actor, questionId, today));
}

/**
 * Writes or rewrites my answer to today's question or an earlier question day of mine. Written
 * alone, it is held (never offered for a reveal until shared). When my partner's answer is in and
 * not held, this second answer reveals both, in the same transaction.
 */
export async function saveAnswer(deps: AppDeps, actor: Actor, questionId: string, text: string): Promise<QuestionToday> {
  const today = await todayOf(deps, actor.userId);
  await questionDayFor(deps, actor, today);
  const qd = await knownQuestionDay(deps, actor, questionId, today);
  // Two tries: a concurrent first answer of mine to the same day makes the second one a rewrite.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const existing = await findAnswer(deps.db, { ...keyOf(qd), authorId: actor.userId });
    if (existing) enforce(decideItem(actor, answerItem(existing), 'change'));
    const now = deps.clock.now();
    const at = toDbTime(now);
    const id = existing?.id ?? newId(now);
    // Sealed before the transaction: opening a key reads the users table outside it.
    const textSealed = await deps.sealer.seal(actor.userId, answerContext(id), text);
    const outcome = await deps.db.transaction().execute(async (trx) => {
      await lockQuestionDay(trx, qd, existing);
      const current = await findAnswer(trx, { ...keyOf(qd), authorId: actor.userId });
      // Written (or gone) since it was read outside the lock: read again, sealed for the row it is.
      if ((current === undefined) !== (existing === undefined)) return 'retry' as const;
      if (current) {
        const shown = current.visibility === 'couple';
        if (!(await rewriteAnswer(trx, { id: current.id, authorId: actor.userId, textSealed, at, shown })))
          return 'retry' as const;
        const waiting = await revealIfBoth(trx, actor, qd, at);
        return waiting ? { revealedFor: waiting } : shown ? ('edited' as const) : ('private' as const);
      }
      const held = actor.partnerId === null;
      if (!(await insertAnswer(trx, { id, ...keyOf(qd), authorId: actor.userId, held, textSealed, at }))) return 'retry' as const;
      const waiting = await revealIfBoth(trx, actor, qd, at);
      return waiting ? { revealedFor: waiting } : ('private' as const);
    });
    if (outcome === 'retry') continue;
    if (outcome === 'edited') await announce(deps, actor, qd.question.id);
    else if (outcome !== 'private') await afterReveal(deps, actor, qd, outcome.revealedFor);
    return questionTodayView(deps, actor, qd);
  }
  throw tryAgain();
}

/** "Not today": only I ever see that I set today's question aside. */
export async function skipToday(deps: AppDeps, actor: Actor): Promise<void> {
  const today = await todayOf(deps, actor.userId);
  await questionDayFor(deps, actor, today);
  const now = deps.clock.now();
  await insertSkip(deps.db, { id: newId(now), userId: actor.userId, spaceId: actor.spaceId, day: today, at: toDbTime(now) });
}

export async function unskipToday(deps: AppDeps, actor: Actor): Promise<void> {
  const today = await todayOf(deps, actor.userId);
  await deleteSkip(deps.db, actor, today);
}

/** Chooses our theme (null: any) from my next local day on: today's question never changes. */
export async function chooseTheme(deps: AppDeps, actor: Actor, theme: ThemeId | null): Promise<ClosenessOverview> {
  const today = await todayOf(deps, actor.userId);
  const now = deps.clock.now();
  await saveTheme(deps.db, {
    id: newId(now),
    spaceId: actor.spaceId,
    theme,
    from: addDays(today, 1),
    setBy: actor.userId,
    at: toDbTime(now),
  });
  await announce(deps, actor, null);
  return overviewOf(deps, actor, today);
}

/** The revealed pair a response is for; 404 like a missing question before the reveal. */
async function revealedPair(deps: AppDeps, actor: Actor, questionId: string): Promise<QuestionDay> {
  const today = await todayOf(deps, actor.userId);
  const qd = await knownQuestionDay(deps, actor, questionId, today);
  const { mine, theirs } = await pairRows(deps, actor, qd);
  enforce(decideRevealedPair(actor, mine && answerItem(mine), theirs && answerItem(theirs)));
  return qd;
}

/** My response row to a revealed pair, made on first use (a concurrent first use makes one). */
async function myResponse(deps: AppDeps, actor: Actor, qd: QuestionDay) {
  const find = async () => (await responsesTo(deps.db, keyOf(qd), [actor.userId]))[0];
  const found = await find();
  if (found) return found;
  const now = deps.clock.now();
  await insertResponse(deps.db, { id: newId(now), ...keyOf(qd), authorId: actor.userId, at: toDbTime(now) });
  const made = await find();
  if (!made) throw notFound();
  return made;
}

/** A reaction, my one reply, or both, to a revealed pair: both of us see it. */
export async function respond(deps: AppDeps, actor: Actor, questionId: string, body: ResponseBody): Promise<PairView> {
  const qd = await revealedPair(deps, actor, questionId);
  const row = await myResponse(deps, actor, qd);
  const replySealed =
    body.reply === undefined || body.reply === null
      ? body.reply
      : await deps.sealer.seal(actor.userId, replyContext(row.id), body.reply);
  await updateResponse(deps.db, {
    id: row.id,
    authorId: actor.userId,
    ...(body.reaction !== undefined ? { reaction: body.reaction } : {}),
    ...(replySealed !== undefined ? { replySealed } : {}),
    at: toDbTime(deps.clock.now()),
  });
  await announce(deps, actor, qd.question.id);
  return pairView(deps, actor, qd);
}

export const talkMoreText = (questionText: string) => `I would like to talk more about: ${questionText}`;

/**
 * "I would like to talk more about this": starts a private Talk draft on the question, once. My
 * partner sees that I would like to talk about it; the draft stays mine.
 */
export async function talkMore(deps: AppDeps, actor: Actor, questionId: string): Promise<{ draftId: string }> {
  const qd = await revealedPair(deps, actor, questionId);
  const row = await myResponse(deps, actor, qd);
  if (row.talk_draft_id !== null) return { draftId: row.talk_draft_id };
  const draft = await createDraft(deps, actor, talkMoreText(qd.question.text));
  if (
    !(await claimTalkDraft(deps.db, { id: row.id, authorId: actor.userId, draftId: draft.id, at: toDbTime(deps.clock.now()) }))
  ) {
    // A request at the same moment started one first: keep that one, and only that one.
    await removeDraft(deps, actor, draft.id);
    const [again] = await responsesTo(deps.db, keyOf(qd), [actor.userId]);
    if (!again?.talk_draft_id) throw tryAgain();
    return { draftId: again.talk_draft_id };
  }
  await announce(deps, actor, qd.question.id);
  return { draftId: draft.id };
}

/**
 * Shows my partner an answer I wrote while alone. It reveals their answer to the same question day
 * too, when they wrote one (and did not hold it back themselves).
 */
export async function shareHeld(deps: AppDeps, actor: Actor, questionId: string): Promise<PairView> {
  const held = await findHeldAnswer(deps.db, actor, questionId);
  enforce(decideItem(actor, held && answerItem(held), 'change'));
  if (!held) throw notFound();
  if (!actor.partnerId) throw noPartner();
  const qd: QuestionDay = { spaceId: held.space_id, day: held.day, question: questionOf(held.question_id) };
  const at = toDbTime(deps.clock.now());
  const waiting = await deps.db.transaction().execute(async (trx) => {
    await lockQuestionDay(trx, qd, held);
    if (!(await showHeldAnswer(trx, held.id, actor.userId))) return null;
    return revealIfBoth(trx, actor, qd, at);
  });
  if (waiting) await afterReveal(deps, actor, qd, waiting);
  else await announce(deps, actor, qd.question.id);
  return pairView(deps, actor, qd);
}
