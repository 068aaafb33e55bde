import type { AppDeps } from '../../deps.js';
import type { AcknowledgementFelt, ConversationMode, TalkPhase } from '../../domain/conversation.js';
import { parseTurnState, TALK_LIMITS } from '../../domain/conversation.js';
import { type Couple, isCoupleItem } from '../../domain/couple-items.js';
import { fromDbTime } from '../../shared/time.js';
import { ackContext, replyContext } from './acknowledgements.service.js';
import { turnContext } from './conversations.service.js';

// What a reader from outside the couple (their therapist, their summary) may read of Talk: the
// conversations the two held together in their space, each turn and takeaway as the words of the one
// who said it, and the acknowledgements written after them with their answers. Drafts live in another
// table and are never read here; a conversation recorded "in person" is its recorder's private item,
// so it is not a couple item and never appears. Every row is checked as a couple item too.

export interface CoupleTurn {
  id: string;
  kind: 'share' | 'reflect' | 'clarify' | 'confirm' | 'takeaway';
  authorId: string;
  text: string | null;
  at: string;
}

export interface CoupleAcknowledgement {
  id: string;
  authorId: string;
  did: string;
  effect: string;
  change: string;
  at: string;
  reply: { authorId: string; felt: AcknowledgementFelt; missing: string | null; at: string } | null;
}

export interface CoupleConversation {
  id: string;
  mode: ConversationMode;
  phase: TalkPhase;
  /** Who started it. */
  authorId: string;
  rounds: number;
  startedAt: string;
  endedAt: string | null;
  turns: CoupleTurn[];
  acknowledgements: CoupleAcknowledgement[];
}

const iso = (value: string) => fromDbTime(value).toISOString();

/** The couple's conversations in their space, newest first (at most TALK_LIMITS.list), with turns and acknowledgements. */
export async function coupleConversations(
  deps: AppDeps,
  couple: Couple,
): Promise<{ conversations: CoupleConversation[]; truncated: boolean }> {
  if (couple.memberIds.length !== 2) return { conversations: [], truncated: false };
  const members = [...couple.memberIds];
  const seen = (r: { author_id: string; space_id: string; visibility: 'private' | 'couple' }) =>
    isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: r.visibility });
  const rows = await deps.db
    .selectFrom('conversations')
    .select(['id', 'author_id', 'space_id', 'visibility', 'mode', 'state_json', 'created_at', 'ended_at'])
    .where('space_id', '=', couple.spaceId)
    .where('visibility', '=', 'couple')
    .where('author_id', 'in', members)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(TALK_LIMITS.list + 1)
    .execute();
  const shown = rows.slice(0, TALK_LIMITS.list).filter((r) => seen(r) && r.mode !== 'in-person');
  const ids = shown.map((r) => r.id);
  if (ids.length === 0) return { conversations: [], truncated: rows.length > TALK_LIMITS.list };
  const [turns, acks] = await Promise.all([
    deps.db
      .selectFrom('conversation_turns')
      .select(['id', 'conversation_id', 'author_id', 'space_id', 'visibility', 'kind', 'seq', 'text_sealed', 'created_at'])
      .where('conversation_id', 'in', ids)
      .orderBy('seq', 'asc')
      .orderBy('id', 'asc')
      .execute(),
    deps.db
      .selectFrom('acknowledgements')
      .select([
        'id',
        'conversation_id',
        'author_id',
        'space_id',
        'visibility',
        'did_sealed',
        'effect_sealed',
        'change_sealed',
        'created_at',
      ])
      .where('conversation_id', 'in', ids)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute(),
  ]);
  const shownAcks = acks.filter(seen);
  const replies =
    shownAcks.length === 0
      ? []
      : (
          await deps.db
            .selectFrom('acknowledgement_replies')
            .select(['id', 'acknowledgement_id', 'author_id', 'space_id', 'visibility', 'felt', 'missing_sealed', 'created_at'])
            .where(
              'acknowledgement_id',
              'in',
              shownAcks.map((a) => a.id),
            )
            .execute()
        ).filter(seen);
  const conversations: CoupleConversation[] = [];
  for (const row of shown) {
    const state = parseTurnState(JSON.parse(row.state_json));
    const own: CoupleTurn[] = [];
    for (const t of turns) {
      if (t.conversation_id !== row.id || !seen(t) || t.kind === 'said' || t.kind === 'went') continue;
      own.push({
        id: t.id,
        kind: t.kind as CoupleTurn['kind'],
        authorId: t.author_id,
        text: t.text_sealed === null ? null : await deps.sealer.open(t.author_id, turnContext(t.id), t.text_sealed),
        at: iso(t.created_at),
      });
    }
    const acknowledgements: CoupleAcknowledgement[] = [];
    for (const a of shownAcks) {
      if (a.conversation_id !== row.id) continue;
      const reply = replies.find((r) => r.acknowledgement_id === a.id);
      acknowledgements.push({
        id: a.id,
        authorId: a.author_id,
        did: await deps.sealer.open(a.author_id, ackContext('did', a.id), a.did_sealed),
        effect: await deps.sealer.open(a.author_id, ackContext('effect', a.id), a.effect_sealed),
        change: await deps.sealer.open(a.author_id, ackContext('change', a.id), a.change_sealed),
        at: iso(a.created_at),
        reply: reply
          ? {
              authorId: reply.author_id,
              felt: reply.felt as AcknowledgementFelt,
              missing:
                reply.missing_sealed === null
                  ? null
                  : await deps.sealer.open(reply.author_id, replyContext(reply.id), reply.missing_sealed),
              at: iso(reply.created_at),
            }
          : null,
      });
    }
    conversations.push({
      id: row.id,
      mode: row.mode as ConversationMode,
      phase: state.phase,
      authorId: row.author_id,
      rounds: state.rounds,
      startedAt: iso(row.created_at),
      endedAt: row.ended_at === null ? null : iso(row.ended_at),
      turns: own,
      acknowledgements,
    });
  }
  return { conversations, truncated: rows.length > TALK_LIMITS.list };
}
