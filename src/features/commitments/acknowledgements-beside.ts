import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { acknowledgementViews } from '../conversations/acknowledgements.service.js';
import { type AcknowledgementRow, latestAcknowledgement } from '../conversations/conversations.repo.js';
import type { AcknowledgementSummary, CommitmentList } from './commitments.schema.js';

// "What was said": the latest acknowledgement each partner wrote in Talk, in the space they share,
// shown beside the record of what has been done since. Read and opened by the Talk step's own code,
// so the access rules and sealing contexts live in one place.

export async function acknowledgementsBeside(deps: AppDeps, actor: Actor): Promise<CommitmentList['acknowledgements']> {
  const mine = await latestAcknowledgement(deps.db, actor.userId, actor.spaceId, true);
  const partners = actor.partnerId ? await latestAcknowledgement(deps.db, actor.partnerId, actor.spaceId, false) : undefined;
  const rows = [mine, partners].filter((r): r is AcknowledgementRow => r !== undefined);
  const views = await acknowledgementViews(deps, actor, rows);
  const summary = (row: AcknowledgementRow | undefined): AcknowledgementSummary | null => {
    const view = row && views.find((v) => v.id === row.id);
    // Only acknowledgements whose words this person may read are shown here.
    if (!row || !view || view.did === null || view.effect === null || view.change === null) return null;
    return {
      id: view.id,
      conversationId: row.conversation_id,
      byMe: view.byMe,
      did: view.did,
      effect: view.effect,
      change: view.change,
      at: view.at,
      reply: view.reply,
    };
  };
  return { mine: summary(mine), partners: summary(partners) };
}
