import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { type LatestAcknowledgement, latestAcknowledgements } from '../conversations/conversations.read.js';
import type { AcknowledgementSummary, CommitmentList } from './commitments.schema.js';

// "What was said": the latest acknowledgement each partner wrote in Talk, in the space they share,
// shown beside the record of what has been done since. Read and opened by the Talk step's own code,
// so the access rules and sealing contexts live in one place.

export async function acknowledgementsBeside(deps: AppDeps, actor: Actor): Promise<CommitmentList['acknowledgements']> {
  const { mine, partners } = await latestAcknowledgements(deps, actor);
  const summary = (latest: LatestAcknowledgement | null): AcknowledgementSummary | null => {
    const view = latest?.view;
    // Only acknowledgements whose words this person may read are shown here.
    if (!latest || !view || view.did === null || view.effect === null || view.change === null) return null;
    return {
      id: view.id,
      conversationId: latest.conversationId,
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
