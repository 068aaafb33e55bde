import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportDocument, ExportPart } from '../account/export.schema.js';
import { ackContext, replyContext } from './acknowledgements.service.js';
import { turnContext } from './conversations.service.js';
import { draftContext } from './drafts.service.js';

// What the account export (decision 025) takes from Talk: drafts, the conversations the person
// started or took part in (a conversation row holds no words), the turns and takeaways they wrote
// (a turn of theirs the partner recorded on one device is theirs too), their acknowledgements, and
// their answers to the partner's acknowledgements, which are named by id only.

type TalkExport = Pick<ExportDocument, 'talkDrafts' | 'conversations' | 'turns' | 'acknowledgements' | 'acknowledgementReplies'>;

const iso = (value: string) => fromDbTime(value).toISOString();
const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

export async function exportTalk(deps: AppDeps, userId: string): Promise<TalkExport> {
  const db = deps.db;
  const open = (context: ReturnType<typeof turnContext>, sealed: string) => deps.sealer.open(userId, context, sealed);

  const talkDrafts: ExportPart<'talkDrafts'> = [];
  for (const row of await db
    .selectFrom('talk_drafts')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .execute()) {
    talkDrafts.push({
      id: row.id,
      visibility: row.visibility,
      text: await open(draftContext(row.id), row.text_sealed),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    });
  }

  const turns: ExportPart<'turns'> = [];
  const turnRows = await db
    .selectFrom('conversation_turns')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
  for (const row of turnRows) {
    turns.push({
      id: row.id,
      conversationId: row.conversation_id,
      kind: row.kind,
      seq: row.seq,
      text: row.text_sealed === null ? null : await open(turnContext(row.id), row.text_sealed),
      recordedByMe: row.recorded_by === userId,
      createdAt: iso(row.created_at),
    });
  }

  const acknowledgements: ExportPart<'acknowledgements'> = [];
  const ackRows = await db
    .selectFrom('acknowledgements')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .execute();
  for (const row of ackRows) {
    acknowledgements.push({
      id: row.id,
      conversationId: row.conversation_id,
      visibility: row.visibility,
      did: await open(ackContext('did', row.id), row.did_sealed),
      effect: await open(ackContext('effect', row.id), row.effect_sealed),
      change: await open(ackContext('change', row.id), row.change_sealed),
      createdAt: iso(row.created_at),
    });
  }

  const acknowledgementReplies: ExportPart<'acknowledgementReplies'> = [];
  const replyRows = await db
    .selectFrom('acknowledgement_replies')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .execute();
  for (const row of replyRows) {
    acknowledgementReplies.push({
      id: row.id,
      acknowledgementId: row.acknowledgement_id,
      felt: row.felt,
      missing: row.missing_sealed === null ? null : await open(replyContext(row.id), row.missing_sealed),
      createdAt: iso(row.created_at),
    });
  }

  // The conversations behind all of these, and those the person started: no words, only their shape.
  const takenPart = new Set([...turnRows.map((t) => t.conversation_id), ...ackRows.map((a) => a.conversation_id)]);
  const conversationRows = await db
    .selectFrom('conversations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('author_id', '=', userId),
        ...(takenPart.size > 0 ? [eb('id', 'in', [...takenPart])] : []),
        eb(
          'id',
          'in',
          eb
            .selectFrom('acknowledgements')
            .select('acknowledgements.conversation_id')
            .innerJoin('acknowledgement_replies', 'acknowledgement_replies.acknowledgement_id', 'acknowledgements.id')
            .where('acknowledgement_replies.author_id', '=', userId),
        ),
      ]),
    )
    .orderBy('created_at')
    .execute();
  const conversations: ExportPart<'conversations'> = conversationRows.map((row) => ({
    id: row.id,
    startedByMe: row.author_id === userId,
    mode: row.mode,
    visibility: row.visibility,
    heldOn: row.held_on,
    createdAt: iso(row.created_at),
    endedAt: isoOrNull(row.ended_at),
  }));

  return { talkDrafts, conversations, turns, acknowledgements, acknowledgementReplies };
}
