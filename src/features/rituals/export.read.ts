import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';

// What the account export (decision 025) takes from rituals: the rituals the person chose, and when.

export async function exportRituals(deps: AppDeps, userId: string): Promise<ExportPart<'rituals'>> {
  const rows = await deps.db.selectFrom('ritual_plans').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map((row) => ({
    ritualId: row.ritual_id,
    schedule: JSON.parse(row.schedule_json) as Record<string, unknown>,
    commitmentId: row.commitment_id,
    createdAt: fromDbTime(row.created_at).toISOString(),
    updatedAt: fromDbTime(row.updated_at).toISOString(),
  }));
}
