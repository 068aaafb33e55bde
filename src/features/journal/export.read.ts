import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { context } from './journal.service.js';

// What the account export (decision 025) takes from For me: every journal entry, opened. Exporting
// needs the fresh re-authentication, which is stricter than the private places' own.

export async function exportJournal(deps: AppDeps, userId: string): Promise<ExportPart<'journal'>> {
  const out: ExportPart<'journal'> = [];
  const rows = await deps.db
    .selectFrom('journal_entries')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  for (const row of rows) {
    out.push({
      id: row.id,
      text: await deps.sealer.open(userId, context(row.id, 'text'), row.text_sealed),
      tags:
        row.tags_sealed === null
          ? []
          : (JSON.parse(await deps.sealer.open(userId, context(row.id, 'tags'), row.tags_sealed)) as string[]),
      mood: row.mood,
      promptId: row.prompt_id,
      createdAt: fromDbTime(row.created_at).toISOString(),
      updatedAt: fromDbTime(row.updated_at).toISOString(),
    });
  }
  return out;
}
