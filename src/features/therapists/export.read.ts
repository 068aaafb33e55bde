import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportDocument } from '../account/export.schema.js';
import { emailContext } from './therapists.service.js';

// What the account export (decision 025) takes from therapist access: a partner's consents (what they
// let a therapist see) and the invitations they made (with the address they typed); a therapist's
// own accesses, by id and dates only, never anything of a couple.

type TherapistsExport = Pick<ExportDocument, 'therapistConsents' | 'therapistProposals' | 'therapistAccesses'>;

const iso = (value: string) => fromDbTime(value).toISOString();
const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

export async function exportTherapists(deps: AppDeps, userId: string): Promise<TherapistsExport> {
  const db = deps.db;
  const consents = await db
    .selectFrom('therapist_consents')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('consented_at')
    .execute();
  const proposals = await db
    .selectFrom('therapist_accesses')
    .select(['id', 'email_sealed', 'created_at'])
    .where('proposed_by', '=', userId)
    .orderBy('created_at')
    .execute();
  const therapistProposals = [];
  for (const row of proposals) {
    therapistProposals.push({
      accessId: row.id,
      email: row.email_sealed === null ? null : await deps.sealer.open(userId, emailContext(row.id), row.email_sealed),
      createdAt: iso(row.created_at),
    });
  }
  const accesses = await db
    .selectFrom('therapist_accesses')
    .select(['id', 'accepted_at', 'access_until', 'revoked_at', 'ended_at'])
    .where('therapist_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return {
    therapistConsents: consents.map((c) => {
      const parsed: unknown = JSON.parse(c.include_json);
      return {
        accessId: c.access_id,
        include: Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [],
        consentedAt: iso(c.consented_at),
        updatedAt: iso(c.updated_at),
      };
    }),
    therapistProposals,
    therapistAccesses: accesses.map((a) => ({
      accessId: a.id,
      acceptedAt: isoOrNull(a.accepted_at),
      accessUntil: iso(a.access_until),
      revokedAt: isoOrNull(a.revoked_at),
      endedAt: isoOrNull(a.ended_at),
    })),
  };
}
