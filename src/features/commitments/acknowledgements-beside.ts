import { type Actor, type AuthoredItem, canChangeItem, canSeeItem } from '../../domain/access-policy.js';
import type { AppDeps } from '../../http/deps.js';
import { fromDbTime } from '../../shared/time.js';
import { type LatestAckRow, latestAcknowledgement, repliesTo } from './commitments.repo.js';
import type { AcknowledgementSummary, CommitmentList } from './commitments.schema.js';

// "What was said": the latest acknowledgement each partner wrote in Talk, in the space they share,
// shown beside the record of what has been done since. The same rules as the Talk step
// (conversations/acknowledgements.service.ts): each acknowledgement and each answer is its author's
// item, seen through canSeeItem, and opened with the same sealing context.

const ackContext = (column: 'did' | 'effect' | 'change', rowId: string) => ({ table: 'acknowledgements', column, rowId });
const replyContext = (rowId: string) => ({ table: 'acknowledgement_replies', column: 'missing', rowId });

const item = (row: { author_id: string; space_id: string; visibility: 'private' | 'couple' }): AuthoredItem => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: row.visibility,
});

const iso = (value: string) => fromDbTime(value).toISOString();

async function summaryOf(deps: AppDeps, actor: Actor, row: LatestAckRow): Promise<AcknowledgementSummary> {
  const replies = (await repliesTo(deps.db, [row.id])).filter((r) => canSeeItem(actor, item(r)));
  const reply = replies[0];
  const open = (column: 'did' | 'effect' | 'change', sealed: string) =>
    deps.sealer.open(row.author_id, ackContext(column, row.id), sealed);
  return {
    id: row.id,
    conversationId: row.conversation_id,
    byMe: canChangeItem(actor, item(row)),
    did: await open('did', row.did_sealed),
    effect: await open('effect', row.effect_sealed),
    change: await open('change', row.change_sealed),
    at: iso(row.created_at),
    reply: reply
      ? {
          byMe: canChangeItem(actor, item(reply)),
          felt: reply.felt,
          missing:
            reply.missing_sealed === null
              ? null
              : await deps.sealer.open(reply.author_id, replyContext(reply.id), reply.missing_sealed),
          at: iso(reply.created_at),
        }
      : null,
  };
}

export async function acknowledgementsBeside(deps: AppDeps, actor: Actor): Promise<CommitmentList['acknowledgements']> {
  const mine = await latestAcknowledgement(deps.db, actor.userId, actor.spaceId, true);
  const partners = actor.partnerId ? await latestAcknowledgement(deps.db, actor.partnerId, actor.spaceId, false) : undefined;
  return {
    mine: mine && canSeeItem(actor, item(mine)) ? await summaryOf(deps, actor, mine) : null,
    partners: partners && canSeeItem(actor, item(partners)) ? await summaryOf(deps, actor, partners) : null,
  };
}
