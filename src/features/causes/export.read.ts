import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import type { MarkSet } from './causes.schema.js';
import { marksContext, understandingContext } from './causes.service.js';

// What the account export (decision 025) takes from Why: the person's own sets, in every space,
// with their own part of the shared understanding (each partner's part is a row of their own).

const iso = (value: string | null) => (value === null ? null : fromDbTime(value).toISOString());

export async function exportCauses(deps: AppDeps, userId: string): Promise<ExportPart<'causes'>> {
  const rows = await deps.db.selectFrom('cause_sets').selectAll().where('author_id', '=', userId).orderBy('created_at').execute();
  const out: ExportPart<'causes'> = [];
  for (const row of rows) {
    const marks = JSON.parse(await deps.sealer.open(userId, marksContext(row.id), row.marks_sealed)) as MarkSet;
    out.push({
      id: row.id,
      spaceId: row.space_id,
      visibility: row.visibility,
      marks: {
        causes: marks.causes.map((c) => ({ id: c.id, note: c.note ?? null })),
        ownWords: marks.ownWords.map((w) => ({ text: w.text, note: w.note ?? null })),
      },
      revealedAt: iso(row.revealed_at),
      understanding:
        row.understanding_sealed === null
          ? null
          : await deps.sealer.open(userId, understandingContext(row.id), row.understanding_sealed),
      understandingUpdatedAt: iso(row.understanding_updated_at),
      createdAt: fromDbTime(row.created_at).toISOString(),
      updatedAt: fromDbTime(row.updated_at).toISOString(),
    });
  }
  return out;
}
