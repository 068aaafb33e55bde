import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';

// What the account export (decision 025) takes from the trust pulse: every pulse, with its answers.

export async function exportPulses(deps: AppDeps, userId: string): Promise<ExportPart<'pulses'>> {
  const rows = await deps.db.selectFrom('pulses').selectAll().where('author_id', '=', userId).orderBy('week_key').execute();
  return rows.map((row) => ({
    id: row.id,
    week: row.week_key,
    visibility: row.visibility,
    answers: JSON.parse(row.answers_json) as Record<string, number>,
    score: Number(row.score),
    createdAt: fromDbTime(row.created_at).toISOString(),
    updatedAt: fromDbTime(row.updated_at).toISOString(),
  }));
}
