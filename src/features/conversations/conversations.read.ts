import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { type AcknowledgementRow, latestAcknowledgement } from './acknowledgements.repo.js';
import { acknowledgementViews } from './acknowledgements.service.js';
import { countFinishedConversations } from './conversations.repo.js';
import type { AcknowledgementView } from './conversations.schema.js';

// What other features may read of Talk: how many conversations were finished in the space shared
// now, and the latest acknowledgement each partner wrote there, opened by Talk's own code so the
// access rules and sealing contexts live in one place.

/** Finished conversations the actor can see that were held in the space they share now (not with an earlier partner). */
export async function finishedConversationsHere(db: Db, actor: Actor): Promise<number> {
  return countFinishedConversations(db, actor.userId, actor.partnerId, actor.spaceId, { thisSpaceOnly: true });
}

export interface LatestAcknowledgement {
  conversationId: string;
  view: AcknowledgementView;
}

/**
 * The latest acknowledgement the actor wrote in the space they share now (any of their own) and the
 * latest their partner shared there, each as the actor may see it: null when there is none, or when
 * the access policy does not show it to them.
 */
export async function latestAcknowledgements(
  deps: AppDeps,
  actor: Actor,
): Promise<{ mine: LatestAcknowledgement | null; partners: LatestAcknowledgement | null }> {
  const mine = await latestAcknowledgement(deps.db, actor.userId, actor.spaceId, true);
  const partners = actor.partnerId ? await latestAcknowledgement(deps.db, actor.partnerId, actor.spaceId, false) : undefined;
  const rows = [mine, partners].filter((r): r is AcknowledgementRow => r !== undefined);
  const views = await acknowledgementViews(deps, actor, rows);
  const latest = (row: AcknowledgementRow | undefined): LatestAcknowledgement | null => {
    const view = row && views.find((v) => v.id === row.id);
    return row && view ? { conversationId: row.conversation_id, view } : null;
  };
  return { mine: latest(mine), partners: latest(partners) };
}
