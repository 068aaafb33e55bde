import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../shared/errors.js';
import { openName } from './names.js';
import { findUserById } from './users.repo.js';

// What other features may read of a person's account: their time zone, their display name, and
// whether a password is theirs. The password hash, the email and the wrapped key never leave auth.

/**
 * A person's time zone, the one every local day, week and schedule of theirs is read in.
 *
 * When there is no account row it throws notFound() (404, the body of any missing thing), and never
 * guesses a zone. A signed-in actor always has a row, so for them this cannot happen; were the row
 * ever gone, a 404 is the honest answer, where a made-up 'UTC' would file their days, weeks and
 * commitments under the wrong dates and show them a zone they never chose.
 */
export async function timeZoneOf(db: Db, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound();
  return row.time_zone;
}

/** A person's display name, opened from its seal ('' when there is no account row). */
export async function displayNameOf(deps: AppDeps, userId: string): Promise<string> {
  const user = await findUserById(deps.db, userId);
  return user ? openName(deps, userId, user.name_sealed) : '';
}

/** Whether this is the person's password (false when there is no account row). */
export async function passwordMatches(deps: AppDeps, userId: string, password: string): Promise<boolean> {
  const user = await findUserById(deps.db, userId);
  return user !== undefined && (await deps.passwords.verify(user.password_hash, password));
}
