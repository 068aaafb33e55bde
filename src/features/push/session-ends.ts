import type { Db } from '../../db/database.js';
import { deleteAllSubscriptionsOf } from './push.repo.js';

// What ending sessions tells web push (decision 024). Each subscription belongs to the session
// that saved it (push_subscriptions.session_id, ON DELETE CASCADE), so signing one session out ends
// its push with it. Signing out everywhere, a password reset and a password change end every
// subscription of the person, older ones without a session too: call this in their transaction.

/** Removes every push subscription of the person. */
export function endAllPushOf(db: Db, userId: string): Promise<void> {
  return deleteAllSubscriptionsOf(db, userId);
}
