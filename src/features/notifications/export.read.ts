import { toBool } from '../../db/values.js';
import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';

// What the account export (decision 025) takes from notifications: the reminders the person chose
// (null when they never changed the defaults). The centre itself holds no words and is not exported.

export async function exportReminders(deps: AppDeps, userId: string): Promise<ExportPart<'preferences'>['reminders']> {
  const row = await deps.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return null;
  return {
    checkinTime: row.checkin_time,
    commitmentNudgeMinutes: row.commitment_nudge_minutes,
    reflectionWeekday: row.reflection_weekday,
    reflectionTime: row.reflection_time,
    quietFrom: row.quiet_from,
    quietUntil: row.quiet_until,
    email: toBool(row.email),
    push: toBool(row.push),
    updatedAt: fromDbTime(row.updated_at).toISOString(),
  };
}
