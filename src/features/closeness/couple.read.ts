import type { AppDeps } from '../../deps.js';
import type { ClosenessReaction } from '../../domain/closeness/limits.js';
import { type Couple, isCoupleItem } from '../../domain/couple-items.js';
import { fromDbTime } from '../../shared/time.js';
import { answerContext, replyContext } from './closeness.views.js';
import { questionOf } from './question-days.js';

// What a reader from outside the couple (their therapist, their summary) may read of closeness: the
// pairs both partners revealed to each other (both answered the same question day, so both answers
// became the couple's at one moment), with their reactions and replies. An answer waiting for the
// other's, an answer held from a time alone, a skip: none of these is read here.

export interface CoupleRevealedAnswer {
  id: string;
  authorId: string;
  text: string;
  answeredAt: string;
  editedAt: string | null;
}

export interface CouplePair {
  day: string;
  question: { id: string; text: string; theme: string };
  revealedAt: string;
  answers: CoupleRevealedAnswer[];
  responses: { authorId: string; reaction: ClosenessReaction | null; reply: string | null; talkMore: boolean }[];
}

/** Pairs read at most (newest first). */
export const REVEALED_PAIRS_LIMIT = 100;

const iso = (value: string) => fromDbTime(value).toISOString();

/** The couple's revealed pairs, newest day first (at most REVEALED_PAIRS_LIMIT). */
export async function coupleRevealedPairs(deps: AppDeps, couple: Couple): Promise<{ pairs: CouplePair[]; truncated: boolean }> {
  if (couple.memberIds.length !== 2) return { pairs: [], truncated: false };
  const members = [...couple.memberIds];
  const rows = (
    await deps.db
      .selectFrom('closeness_answers')
      .select([
        'id',
        'space_id',
        'author_id',
        'day',
        'question_id',
        'visibility',
        'text_sealed',
        'answered_at',
        'edited_at',
        'revealed_at',
      ])
      .where('space_id', '=', couple.spaceId)
      .where('visibility', '=', 'couple')
      .where('revealed_at', 'is not', null)
      .where('author_id', 'in', members)
      .orderBy('day', 'desc')
      .orderBy('question_id', 'asc')
      .limit(2 * REVEALED_PAIRS_LIMIT + 2)
      .execute()
  ).filter((r) => isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: r.visibility }));
  // A pair is revealed only with both answers in and revealed.
  const byPair = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.day} ${r.question_id}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }
  const complete = [...byPair.values()].filter((list) => members.every((m) => list.some((r) => r.author_id === m)));
  const shown = complete.slice(0, REVEALED_PAIRS_LIMIT);
  const days = [...new Set(shown.map((list) => (list[0] as (typeof rows)[number]).day))];
  const responses =
    days.length === 0
      ? []
      : (
          await deps.db
            .selectFrom('closeness_responses')
            .select(['id', 'space_id', 'author_id', 'day', 'question_id', 'visibility', 'reaction', 'reply_sealed', 'talk_more'])
            .where('space_id', '=', couple.spaceId)
            .where('author_id', 'in', members)
            .where('day', 'in', days)
            .execute()
        ).filter((r) => isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: r.visibility }));
  const pairs: CouplePair[] = [];
  for (const list of shown) {
    const first = list[0] as (typeof rows)[number];
    const question = questionOf(first.question_id);
    const answers: CoupleRevealedAnswer[] = [];
    for (const m of members) {
      const r = list.find((a) => a.author_id === m);
      if (!r) continue;
      answers.push({
        id: r.id,
        authorId: r.author_id,
        text: await deps.sealer.open(r.author_id, answerContext(r.id), r.text_sealed),
        answeredAt: iso(r.answered_at),
        editedAt: r.edited_at === null ? null : iso(r.edited_at),
      });
    }
    const own = [];
    for (const r of responses) {
      if (r.day !== first.day || r.question_id !== first.question_id) continue;
      own.push({
        authorId: r.author_id,
        reaction: r.reaction as ClosenessReaction | null,
        reply: r.reply_sealed === null ? null : await deps.sealer.open(r.author_id, replyContext(r.id), r.reply_sealed),
        talkMore: r.talk_more === 1,
      });
    }
    pairs.push({
      day: first.day,
      question: { id: question.id, text: question.text, theme: question.theme },
      revealedAt: iso(list.map((r) => r.revealed_at as string).sort()[list.length - 1] as string),
      answers,
      responses: own,
    });
  }
  return { pairs, truncated: complete.length > REVEALED_PAIRS_LIMIT || rows.length > 2 * REVEALED_PAIRS_LIMIT + 1 };
}
