import type { AppDeps } from '../../deps.js';
import { type Actor, type AuthoredItem, canChangeItem, canSeeItem, canSeeShell, decideItem } from '../../domain/access-policy.js';
import type { AcknowledgementFelt } from '../../domain/conversation.js';
import { enforce } from '../../shared/enforce.js';
import { conflict, forbidden, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import {
  type AcknowledgementRow,
  findAcknowledgement,
  insertAcknowledgement,
  insertReply,
  listAcknowledgements,
  listReplies,
  type ReplyRow,
} from './acknowledgements.repo.js';
import type { ConversationRow } from './conversations.repo.js';
import type { AcknowledgementList, AcknowledgementView, ReplyView } from './conversations.schema.js';
import { announce, visibleConversation } from './conversations.service.js';

// Acknowledge: after a conversation has ended, the partner making amends writes what they did or
// failed to do, its effect as they now understand it, and what they will do differently. The other
// partner answers whether it felt true, or what is missing. Each is a row of its own author's words.

export const ackContext = (column: 'did' | 'effect' | 'change', rowId: string) => ({ table: 'acknowledgements', column, rowId });
export const replyContext = (rowId: string) => ({ table: 'acknowledgement_replies', column: 'missing', rowId });

const ackItem = (row: AcknowledgementRow): AuthoredItem => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: row.visibility,
});
const replyItem = (row: ReplyRow): AuthoredItem => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: row.visibility,
});

const iso = (value: string) => fromDbTime(value).toISOString();
const notEnded = () =>
  conflict('not_ended', 'An acknowledgement is written after the conversation has ended, once you have both written a takeaway.');

async function replyView(deps: AppDeps, actor: Actor, row: ReplyRow): Promise<ReplyView> {
  return {
    byMe: canChangeItem(actor, replyItem(row)),
    felt: row.felt as AcknowledgementFelt,
    missing: row.missing_sealed === null ? null : await deps.sealer.open(row.author_id, replyContext(row.id), row.missing_sealed),
    at: iso(row.created_at),
  };
}

/** Acknowledgements as this person may see them (step 4 shows the latest beside the log through this too). */
export async function acknowledgementViews(
  deps: AppDeps,
  actor: Actor,
  rows: readonly AcknowledgementRow[],
): Promise<AcknowledgementView[]> {
  const allReplies = await listReplies(
    deps.db,
    rows.map((r) => r.id),
  );
  const replies = allReplies.filter((r) => canSeeItem(actor, replyItem(r)));
  const views: AcknowledgementView[] = [];
  for (const row of rows) {
    const item = ackItem(row);
    // An acknowledgement and its answer are a joint thing, like a conversation: whoever answered it
    // keeps the entry around their own answer, but the acknowledgement's words are seen only through
    // canSeeItem, so a former partner's words never come back into view.
    const answeredBy = allReplies.filter((r) => r.acknowledgement_id === row.id).map((r) => r.author_id);
    if (!canSeeShell(actor, item, answeredBy)) continue;
    const words = canSeeItem(actor, item);
    const open = (column: 'did' | 'effect' | 'change', sealed: AcknowledgementRow['did_sealed']) =>
      words ? deps.sealer.open(row.author_id, ackContext(column, row.id), sealed) : Promise.resolve(null);
    const reply = replies.find((r) => r.acknowledgement_id === row.id);
    views.push({
      id: row.id,
      byMe: canChangeItem(actor, item),
      fromFormerPartner: !words,
      did: await open('did', row.did_sealed),
      effect: await open('effect', row.effect_sealed),
      change: await open('change', row.change_sealed),
      at: iso(row.created_at),
      reply: reply ? await replyView(deps, actor, reply) : null,
    });
  }
  return views;
}

const ended = (row: ConversationRow) => row.ended_at !== null;

export async function listConversationAcknowledgements(deps: AppDeps, actor: Actor, id: string): Promise<AcknowledgementList> {
  const { row } = await visibleConversation(deps, actor, id);
  return { acknowledgements: await acknowledgementViews(deps, actor, await listAcknowledgements(deps.db, id)), open: ended(row) };
}

export async function writeAcknowledgement(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { did: string; effect: string; change: string },
): Promise<AcknowledgementView> {
  const { row } = await visibleConversation(deps, actor, id);
  if (!ended(row)) throw notEnded();
  // Written in the space the conversation was held in, seen as the conversation is: after one has
  // left, no one is there to read it, so the conversation is kept as it was.
  if (row.visibility === 'couple' && (actor.partnerId === null || row.space_id !== actor.spaceId)) {
    throw conflict('space_closed', 'This conversation was held in a space you no longer share, so it is kept as it was.');
  }
  const now = deps.clock.now();
  const ackId = newId(now);
  const [didSealed, effectSealed, changeSealed] = await Promise.all([
    deps.sealer.seal(actor.userId, ackContext('did', ackId), input.did),
    deps.sealer.seal(actor.userId, ackContext('effect', ackId), input.effect),
    deps.sealer.seal(actor.userId, ackContext('change', ackId), input.change),
  ]);
  await insertAcknowledgement(deps.db, {
    id: ackId,
    conversationId: id,
    authorId: actor.userId,
    spaceId: row.space_id,
    visibility: row.visibility,
    didSealed,
    effectSealed,
    changeSealed,
    at: toDbTime(now),
  });
  await announce(deps, row);
  const ack = await findAcknowledgement(deps.db, ackId);
  const [view] = await acknowledgementViews(deps, actor, ack ? [ack] : []);
  if (!view) throw notFound();
  return view;
}

export async function replyToAcknowledgement(
  deps: AppDeps,
  actor: Actor,
  id: string,
  ackId: string,
  input: { felt: AcknowledgementFelt; missing?: string },
): Promise<AcknowledgementView> {
  const { row } = await visibleConversation(deps, actor, id);
  const ack = await findAcknowledgement(deps.db, ackId);
  const item = ack && ack.conversation_id === id ? ackItem(ack) : undefined;
  // Seen by both; answering is for the person it was written to, never its author.
  const decision = decideItem(actor, item, 'read');
  enforce(decision);
  if (!ack) throw notFound();
  if (canChangeItem(actor, ackItem(ack))) throw forbidden('This acknowledgement is yours. Answering it is for your partner.');
  const existing = (await listReplies(deps.db, [ackId])).filter((r) => canChangeItem(actor, replyItem(r)));
  if (existing.length > 0) throw conflict('already_answered', 'You have answered this acknowledgement already.');
  const now = deps.clock.now();
  const replyId = newId(now);
  const missing = input.missing?.trim() ? input.missing.trim() : null;
  const missingSealed = missing === null ? null : await deps.sealer.seal(actor.userId, replyContext(replyId), missing);
  await insertReply(deps.db, {
    id: replyId,
    acknowledgementId: ackId,
    authorId: actor.userId,
    spaceId: ack.space_id,
    visibility: ack.visibility,
    felt: input.felt,
    missingSealed,
    at: toDbTime(now),
  });
  await announce(deps, row);
  const [view] = await acknowledgementViews(deps, actor, [ack]);
  if (!view) throw notFound();
  return view;
}
