import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { openName } from './names.js';
import { findUserById } from './users.repo.js';

// What the account export (decision 025) takes from auth: the person's own account, never the
// password hash, a token or the wrapped data key.

export async function exportAccount(deps: AppDeps, userId: string): Promise<ExportPart<'account'>> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new Error('An exported person has no account');
  return {
    id: user.id,
    email: user.email,
    name: await openName(deps, user.id, user.name_sealed),
    timeZone: user.time_zone,
    role: user.role,
    createdAt: fromDbTime(user.created_at).toISOString(),
  };
}
