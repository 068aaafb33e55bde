import type { Db } from '../../db/database.js';

// What an erasure (decision 025) does to therapist access, before the account row goes (whose cascade
// takes the person's consents). The accesses themselves are the couple's record:
// - an invitation the person made keeps its place, without the address they typed (their words);
// - a therapist's own accesses end now, and stay in the couple's record of what was opened.

export async function eraseTherapistTracesOf(db: Db, userId: string, nowIso: string): Promise<void> {
  await db.updateTable('therapist_accesses').set({ email_sealed: null }).where('proposed_by', '=', userId).execute();
  await db
    .updateTable('therapist_accesses')
    .set({ ended_at: nowIso })
    .where('therapist_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}
