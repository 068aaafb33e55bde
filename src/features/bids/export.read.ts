import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { bidContext } from './bids.service.js';

// What the account export (decision 025) takes from bids and affection: the person's private log.

const iso = (value: string) => fromDbTime(value).toISOString();

export async function exportBids(deps: AppDeps, userId: string): Promise<ExportPart<'bids'>> {
  const out: ExportPart<'bids'> = [];
  for (const row of await deps.db.selectFrom('bids').selectAll().where('author_id', '=', userId).orderBy('at').execute()) {
    out.push({
      id: row.id,
      kind: row.kind,
      text: row.text_sealed === null ? null : await deps.sealer.open(userId, bidContext(row.id), row.text_sealed),
      at: iso(row.at),
      response: row.response,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    });
  }
  return out;
}
