import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { ctx } from './self-checks.service.js';

// What the account export (decision 025) takes from Understand: every self-check, oldest first.

export async function exportSelfChecks(deps: AppDeps, userId: string): Promise<ExportPart<'selfChecks'>> {
  const rows = await deps.db
    .selectFrom('self_checks')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const out: ExportPart<'selfChecks'> = [];
  for (const row of rows) {
    out.push({
      id: row.id,
      ratings: JSON.parse(await deps.sealer.open(userId, ctx('ratings', row.id), row.ratings_sealed)) as Record<string, number>,
      note: row.note_sealed === null ? null : await deps.sealer.open(userId, ctx('note', row.id), row.note_sealed),
      createdAt: fromDbTime(row.created_at).toISOString(),
    });
  }
  return out;
}
