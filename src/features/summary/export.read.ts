import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { noteContext } from './summary.service.js';

// What the account export (decision 025) takes from the summary: the person's own part, per space
// (which of their shared notes they included, and their note for the session).

export async function exportSummaryChoices(deps: AppDeps, userId: string): Promise<ExportPart<'summaryChoices'>> {
  const rows = await deps.db
    .selectFrom('summary_choices')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('updated_at')
    .execute();
  const out: ExportPart<'summaryChoices'> = [];
  for (const row of rows) {
    const parsed: unknown = JSON.parse(row.notes_json);
    out.push({
      spaceId: row.space_id,
      includedNotes: Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [],
      note: row.note_sealed === null ? null : await deps.sealer.open(userId, noteContext(userId, row.space_id), row.note_sealed),
      updatedAt: fromDbTime(row.updated_at).toISOString(),
    });
  }
  return out;
}
