import type { AppDeps } from '../../deps.js';
import { type Couple, isCoupleItem } from '../../domain/couple-items.js';
import { NEED_LIMITS } from '../../domain/needs.js';
import { fromDbTime } from '../../shared/time.js';
import { needContext, responseContext } from './needs.service.js';

// What a reader from outside the couple (their therapist, their printed summary) may read of needs:
// the agreements reached in the couple's space, each with the need's words and the history of its
// negotiation, every part of it a couple item (domain/couple-items.ts). Drafts and needs still being
// worked out are not agreements, so they never appear here.

export interface CoupleHistoryStep {
  kind: 'proposal' | 'accept' | 'decline';
  authorId: string;
  /** The proposed wording or the reason for declining; null for an acceptance. */
  text: string | null;
  at: string;
}

export interface CoupleAgreement {
  id: string;
  needId: string;
  /** Whose need it was. */
  needAuthorId: string;
  needText: string;
  /** The need's words were changed after it was shared. */
  needEdited: boolean;
  sharedAt: string | null;
  agreedAt: string;
  /** The words agreed on and who wrote them (the need itself, or the proposal accepted). */
  wording: { text: string; authorId: string } | null;
  /** Every step of the negotiation, oldest first. */
  history: CoupleHistoryStep[];
}

const iso = (value: string) => fromDbTime(value).toISOString();

/** The agreements of the couple's space, newest first (at most NEED_LIMITS.list), each with its history. */
export async function coupleAgreements(
  deps: AppDeps,
  couple: Couple,
): Promise<{ agreements: CoupleAgreement[]; truncated: boolean }> {
  if (couple.memberIds.length !== 2) return { agreements: [], truncated: false };
  const rows = await deps.db
    .selectFrom('agreements')
    .innerJoin('needs', 'needs.id', 'agreements.need_id')
    .select([
      'agreements.id as id',
      'agreements.need_id as need_id',
      'agreements.proposal_id as proposal_id',
      'agreements.agreed_at as agreed_at',
      'needs.author_id as author_id',
      'needs.space_id as space_id',
      'needs.visibility as visibility',
      'needs.text_sealed as text_sealed',
      'needs.edited_at as edited_at',
      'needs.shared_at as shared_at',
    ])
    .where('agreements.space_id', '=', couple.spaceId)
    .where('needs.space_id', '=', couple.spaceId)
    .orderBy('agreements.agreed_at', 'desc')
    .orderBy('agreements.id', 'desc')
    .limit(NEED_LIMITS.list + 1)
    .execute();
  const shown = rows
    .slice(0, NEED_LIMITS.list)
    .filter((r) => isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: r.visibility }));
  const needIds = shown.map((r) => r.need_id);
  const responses =
    needIds.length === 0
      ? []
      : (
          await deps.db
            .selectFrom('need_responses')
            .select(['id', 'need_id', 'author_id', 'space_id', 'kind', 'text_sealed', 'created_at'])
            .where('need_id', 'in', needIds)
            .orderBy('created_at', 'asc')
            .orderBy('id', 'asc')
            .execute()
        ).filter((r) => isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: 'couple' }));
  const agreements: CoupleAgreement[] = [];
  for (const row of shown) {
    const history: (CoupleHistoryStep & { id: string })[] = [];
    for (const r of responses) {
      if (r.need_id !== row.need_id) continue;
      const text = r.text_sealed === null ? null : await deps.sealer.open(r.author_id, responseContext(r.id), r.text_sealed);
      history.push({ id: r.id, kind: r.kind as CoupleHistoryStep['kind'], authorId: r.author_id, text, at: iso(r.created_at) });
    }
    const needText = await deps.sealer.open(row.author_id, needContext(row.need_id), row.text_sealed);
    let wording: CoupleAgreement['wording'];
    if (row.proposal_id === null) wording = { text: needText, authorId: row.author_id };
    else {
      const proposal = history.find((h) => h.id === row.proposal_id);
      wording = proposal?.text ? { text: proposal.text, authorId: proposal.authorId } : null;
    }
    agreements.push({
      id: row.id,
      needId: row.need_id,
      needAuthorId: row.author_id,
      needText,
      needEdited: row.edited_at !== null,
      sharedAt: row.shared_at === null ? null : iso(row.shared_at),
      agreedAt: iso(row.agreed_at),
      wording,
      history: history.map(({ id: _id, ...step }) => step),
    });
  }
  return { agreements, truncated: rows.length > NEED_LIMITS.list };
}
