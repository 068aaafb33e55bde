import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';

// What the account export (decision 025) takes from spaces: the person's memberships, and when.

export async function exportMemberships(deps: AppDeps, userId: string): Promise<ExportPart<'spaces'>> {
  const rows = await deps.db
    .selectFrom('space_members')
    .select(['space_id', 'joined_at', 'left_at'])
    .where('user_id', '=', userId)
    .orderBy('joined_at')
    .execute();
  return rows.map((r) => ({
    spaceId: r.space_id,
    joinedAt: fromDbTime(r.joined_at).toISOString(),
    leftAt: r.left_at === null ? null : fromDbTime(r.left_at).toISOString(),
  }));
}
