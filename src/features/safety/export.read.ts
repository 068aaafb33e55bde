import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { findSafetyCheck } from './safety.repo.js';
import { answersContext } from './safety.service.js';

// What the account export (decision 025) takes from the private safety check: the person's answers.

export async function exportSafety(deps: AppDeps, userId: string): Promise<ExportPart<'safety'>> {
  const row = await findSafetyCheck(deps.db, userId);
  if (!row) return null;
  const answers = JSON.parse(await deps.sealer.open(userId, answersContext(userId), row.answers_sealed)) as Record<
    string,
    string
  >;
  return { answers, updatedAt: fromDbTime(row.updated_at).toISOString() };
}
