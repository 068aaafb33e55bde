import type { AppDeps } from '../../deps.js';
import { type Mood, type Reaction, type ReplyKind, replyItem } from '../../domain/checkins.js';
import { type Couple, isCoupleItem } from '../../domain/couple-items.js';
import type { LocalDate } from '../../domain/zoned-time.js';
import { fromDbTime } from '../../shared/time.js';
import { lineContext, replyContext } from './checkins.service.js';

// What a reader from outside the couple (their therapist, their summary) may read of check-ins: the
// ones a partner shared with the other, in the couple's space, with the replies to them. A private
// check-in is never read here at all: the query asks only for shared ones, and every row is checked
// as a couple item (domain/couple-items.ts) too.

export interface CoupleCheckinReply {
  id: string;
  authorId: string;
  kind: ReplyKind;
  reaction: Reaction | null;
  text: string | null;
  at: string;
}

export interface CoupleCheckin {
  id: string;
  authorId: string;
  /** The author's local day. */
  date: LocalDate;
  connected: number;
  heard: number;
  mood: Mood;
  line: string | null;
  replies: CoupleCheckinReply[];
}

const iso = (value: string) => fromDbTime(value).toISOString();

/** The couple's shared check-ins on the local days from..to (bounded by the caller), newest day first. */
export async function coupleCheckins(
  deps: AppDeps,
  couple: Couple,
  window: { from: LocalDate; to: LocalDate },
): Promise<CoupleCheckin[]> {
  if (couple.memberIds.length !== 2) return [];
  const rows = (
    await deps.db
      .selectFrom('checkins')
      .select(['id', 'author_id', 'space_id', 'visibility', 'local_date', 'connected', 'heard', 'mood', 'line_sealed'])
      .where('space_id', '=', couple.spaceId)
      .where('visibility', '=', 'couple')
      .where('author_id', 'in', [...couple.memberIds])
      .where('local_date', '>=', window.from)
      .where('local_date', '<=', window.to)
      .orderBy('local_date', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
  ).filter((r) => isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: r.visibility }));
  const ids = rows.map((r) => r.id);
  const replies =
    ids.length === 0
      ? []
      : (
          await deps.db
            .selectFrom('checkin_replies')
            .select(['id', 'checkin_id', 'author_id', 'space_id', 'kind', 'reaction', 'text_sealed', 'created_at'])
            .where('checkin_id', 'in', ids)
            .orderBy('created_at', 'asc')
            .orderBy('id', 'asc')
            .execute()
        ).filter((r) => isCoupleItem(couple, replyItem({ authorId: r.author_id, spaceId: r.space_id })));
  const result: CoupleCheckin[] = [];
  for (const row of rows) {
    const own: CoupleCheckinReply[] = [];
    for (const r of replies) {
      if (r.checkin_id !== row.id) continue;
      own.push({
        id: r.id,
        authorId: r.author_id,
        kind: r.kind as ReplyKind,
        reaction: (r.reaction as Reaction | null) ?? null,
        text: r.text_sealed === null ? null : await deps.sealer.open(r.author_id, replyContext(r.id), r.text_sealed),
        at: iso(r.created_at),
      });
    }
    result.push({
      id: row.id,
      authorId: row.author_id,
      date: row.local_date,
      connected: row.connected,
      heard: row.heard,
      mood: row.mood as Mood,
      line: row.line_sealed === null ? null : await deps.sealer.open(row.author_id, lineContext(row.id), row.line_sealed),
      replies: own,
    });
  }
  return result;
}
