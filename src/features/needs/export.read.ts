import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { needContext, responseContext } from './needs.service.js';

// What the account export (decision 025) takes from Needs: the person's needs, every answer they gave
// (to their own needs or to the partner's, which are named by id only), and the agreements on their
// needs or that they agreed to, with the wording only when the words are their own.

const iso = (value: string) => fromDbTime(value).toISOString();
const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

export async function exportNeeds(
  deps: AppDeps,
  userId: string,
): Promise<{ needs: ExportPart<'needs'>; needAnswers: ExportPart<'needAnswers'>; agreements: ExportPart<'agreements'> }> {
  const db = deps.db;
  const needRows = await db.selectFrom('needs').selectAll().where('author_id', '=', userId).orderBy('created_at').execute();
  const needs: ExportPart<'needs'> = [];
  const myNeedText = new Map<string, string>();
  for (const row of needRows) {
    const text = await deps.sealer.open(userId, needContext(row.id), row.text_sealed);
    myNeedText.set(row.id, text);
    needs.push({
      id: row.id,
      spaceId: row.space_id,
      visibility: row.visibility,
      state: row.state,
      text,
      sharedAt: isoOrNull(row.shared_at),
      editedAt: isoOrNull(row.edited_at),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    });
  }

  const answerRows = await db
    .selectFrom('need_responses')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const needAnswers: ExportPart<'needAnswers'> = [];
  const myAnswerText = new Map<string, string | null>();
  for (const row of answerRows) {
    const text = row.text_sealed === null ? null : await deps.sealer.open(userId, responseContext(row.id), row.text_sealed);
    myAnswerText.set(row.id, text);
    needAnswers.push({
      id: row.id,
      needId: row.need_id,
      needIsMine: myNeedText.has(row.need_id),
      kind: row.kind,
      text,
      createdAt: iso(row.created_at),
    });
  }

  const agreementRows = await db
    .selectFrom('agreements')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('agreed_by', '=', userId),
        eb('need_id', 'in', eb.selectFrom('needs').select('id').where('author_id', '=', userId)),
      ]),
    )
    .orderBy('agreed_at')
    .execute();
  const agreements: ExportPart<'agreements'> = agreementRows.map((row) => ({
    id: row.id,
    needId: row.need_id,
    needIsMine: myNeedText.has(row.need_id),
    agreedByMe: row.agreed_by === userId,
    agreedAt: iso(row.agreed_at),
    // Agreed in the need's own words, or in a proposal: only ever this person's words.
    wording: row.proposal_id === null ? (myNeedText.get(row.need_id) ?? null) : (myAnswerText.get(row.proposal_id) ?? null),
  }));
  return { needs, needAnswers, agreements };
}
