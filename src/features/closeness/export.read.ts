import { toBool } from '../../db/values.js';
import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportDocument, ExportPart } from '../account/export.schema.js';
import { answerContext, replyContext } from './closeness.views.js';

// What the account export (decision 025) takes from closeness: the person's answers (held, private or
// revealed), their reactions and replies (the partner's answer named by its day and question only),
// the days they skipped, and the themes they chose.

type ClosenessExport = Pick<ExportDocument, 'closenessAnswers' | 'closenessResponses' | 'closenessSkips'> & {
  closenessThemes: ExportPart<'preferences'>['closenessThemes'];
};

const iso = (value: string) => fromDbTime(value).toISOString();
const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

export async function exportCloseness(deps: AppDeps, userId: string): Promise<ClosenessExport> {
  const db = deps.db;
  const closenessAnswers: ExportPart<'closenessAnswers'> = [];
  const answers = await db.selectFrom('closeness_answers').selectAll().where('author_id', '=', userId).orderBy('day').execute();
  for (const row of answers) {
    closenessAnswers.push({
      id: row.id,
      day: row.day,
      questionId: row.question_id,
      visibility: row.visibility,
      held: toBool(row.held),
      text: await deps.sealer.open(userId, answerContext(row.id), row.text_sealed),
      answeredAt: iso(row.answered_at),
      editedAt: isoOrNull(row.edited_at),
      revealedAt: isoOrNull(row.revealed_at),
    });
  }
  const closenessResponses: ExportPart<'closenessResponses'> = [];
  const responses = await db
    .selectFrom('closeness_responses')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('day')
    .execute();
  for (const row of responses) {
    closenessResponses.push({
      id: row.id,
      day: row.day,
      questionId: row.question_id,
      reaction: row.reaction,
      reply: row.reply_sealed === null ? null : await deps.sealer.open(userId, replyContext(row.id), row.reply_sealed),
      talkMore: toBool(row.talk_more),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    });
  }
  const skips = await db
    .selectFrom('closeness_skips')
    .select(['day', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('day')
    .execute();
  const themes = await db.selectFrom('closeness_themes').selectAll().where('set_by', '=', userId).orderBy('set_at').execute();
  return {
    closenessAnswers,
    closenessResponses,
    closenessSkips: skips.map((s) => ({ day: s.day, createdAt: iso(s.created_at) })),
    closenessThemes: themes.map((t) => ({
      spaceId: t.space_id,
      theme: t.theme,
      effectiveFrom: t.effective_from,
      setAt: iso(t.set_at),
    })),
  };
}
