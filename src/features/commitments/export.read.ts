import { toBool } from '../../db/values.js';
import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportDocument, ExportPart } from '../account/export.schema.js';
import { textContext } from './appreciations.service.js';
import { versionContext } from './commitments.read.js';
import { noteContext } from './occurrences.js';

// What the account export (decision 025) takes from Act: the commitments the person acts on, every
// version, pause and mark of theirs; whether they noticed their partner's commitments (named by id
// and occurrence only, never the partner's words); and the appreciations they wrote.

type ActExport = Pick<ExportDocument, 'commitments' | 'occurrenceAcknowledgements' | 'appreciations'>;

const iso = (value: string) => fromDbTime(value).toISOString();
const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

export async function exportAct(deps: AppDeps, userId: string): Promise<ActExport> {
  const db = deps.db;
  const rows = await db.selectFrom('commitments').selectAll().where('author_id', '=', userId).orderBy('created_at').execute();
  const ids = rows.map((r) => r.id);
  const [versions, pauses, marks] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .selectFrom('commitment_versions')
            .selectAll()
            .where('commitment_id', 'in', ids)
            .where('author_id', '=', userId)
            .orderBy('effective_from')
            .orderBy('created_at')
            .execute(),
          db
            .selectFrom('commitment_pauses')
            .selectAll()
            .where('commitment_id', 'in', ids)
            .where('author_id', '=', userId)
            .orderBy('from_at')
            .execute(),
          db
            .selectFrom('occurrence_marks')
            .selectAll()
            .where('commitment_id', 'in', ids)
            .where('author_id', '=', userId)
            .orderBy('due_at')
            .execute(),
        ]);
  const commitments: ExportPart<'commitments'> = [];
  for (const row of rows) {
    const mine = <T extends { commitment_id: string }>(list: readonly T[]) => list.filter((x) => x.commitment_id === row.id);
    const versionViews = [];
    for (const ver of mine(versions)) {
      versionViews.push({
        effectiveFrom: iso(ver.effective_from),
        what: await deps.sealer.open(userId, versionContext(ver.id), ver.what_sealed),
        schedule: JSON.parse(ver.schedule_json) as Record<string, unknown>,
        zone: ver.zone,
        createdAt: iso(ver.created_at),
      });
    }
    const markViews = [];
    for (const mark of mine(marks)) {
      markViews.push({
        occurrence: mark.occurrence_key,
        dueAt: iso(mark.due_at),
        status: mark.status,
        doneOn: mark.done_on,
        note:
          mark.note_sealed === null
            ? null
            : await deps.sealer.open(userId, noteContext(row.id, mark.occurrence_key), mark.note_sealed),
        markedAt: iso(mark.marked_at),
      });
    }
    commitments.push({
      id: row.id,
      spaceId: row.space_id,
      agreementId: row.agreement_id,
      ritualId: row.ritual_id,
      startsOn: row.starts_on,
      createdAt: iso(row.created_at),
      endedAt: isoOrNull(row.ended_at),
      versions: versionViews,
      pauses: mine(pauses).map((p) => ({ from: iso(p.from_at), until: isoOrNull(p.until_at) })),
      marks: markViews,
    });
  }

  const ackRows = await db.selectFrom('occurrence_acks').selectAll().where('author_id', '=', userId).orderBy('due_at').execute();
  const occurrenceAcknowledgements: ExportPart<'occurrenceAcknowledgements'> = ackRows.map((a) => ({
    commitmentId: a.commitment_id,
    occurrence: a.occurrence_key,
    dueAt: iso(a.due_at),
    noticed: toBool(a.noticed),
    helped: a.helped,
    ackedAt: iso(a.acked_at),
  }));

  const appreciations: ExportPart<'appreciations'> = [];
  for (const row of await db
    .selectFrom('appreciations')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .execute()) {
    appreciations.push({
      id: row.id,
      text: await deps.sealer.open(userId, textContext(row.id), row.text_sealed),
      noticedOn: row.noticed_on,
      createdAt: iso(row.created_at),
    });
  }
  return { commitments, occurrenceAcknowledgements, appreciations };
}
