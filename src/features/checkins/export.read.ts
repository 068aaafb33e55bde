import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportDocument, ExportPart } from '../account/export.schema.js';
import { lineContext, replyContext } from './checkins.service.js';

// What the account export (decision 025) takes from the check-in: the person's check-ins, private and
// shared, their replies to the partner's (the partner's check-in named by id and date only), and the
// visibility they chose last.

type CheckinsExport = Pick<ExportDocument, 'checkins' | 'checkinReplies'> & {
  checkinVisibility: ExportPart<'preferences'>['checkinVisibility'];
};

const iso = (value: string) => fromDbTime(value).toISOString();

export async function exportCheckins(deps: AppDeps, userId: string): Promise<CheckinsExport> {
  const db = deps.db;
  const checkins: ExportPart<'checkins'> = [];
  for (const row of await db.selectFrom('checkins').selectAll().where('author_id', '=', userId).orderBy('local_date').execute()) {
    checkins.push({
      id: row.id,
      localDate: row.local_date,
      visibility: row.visibility,
      connected: row.connected,
      heard: row.heard,
      mood: row.mood,
      line: row.line_sealed === null ? null : await deps.sealer.open(userId, lineContext(row.id), row.line_sealed),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    });
  }
  const replies = await db
    .selectFrom('checkin_replies')
    .leftJoin('checkins', 'checkins.id', 'checkin_replies.checkin_id')
    .select([
      'checkin_replies.id',
      'checkin_replies.checkin_id',
      'checkin_replies.kind',
      'checkin_replies.reaction',
      'checkin_replies.text_sealed',
      'checkin_replies.created_at',
      'checkins.local_date',
    ])
    .where('checkin_replies.author_id', '=', userId)
    .orderBy('checkin_replies.created_at')
    .execute();
  const checkinReplies: ExportPart<'checkinReplies'> = [];
  for (const row of replies) {
    checkinReplies.push({
      id: row.id,
      checkinId: row.checkin_id,
      checkinDate: row.local_date ?? null,
      kind: row.kind,
      reaction: row.reaction,
      text: row.text_sealed === null ? null : await deps.sealer.open(userId, replyContext(row.id), row.text_sealed),
      createdAt: iso(row.created_at),
    });
  }
  const preference = await db
    .selectFrom('checkin_preferences')
    .select('default_visibility')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { checkins, checkinReplies, checkinVisibility: preference?.default_visibility ?? null };
}
