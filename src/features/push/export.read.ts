import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { context } from './push.service.js';

// What the account export (decision 025) takes from web push: the browsers push was turned on in, by
// the name the person gave them. Never their push addresses or keys (capabilities, not words).

export async function exportPushDevices(deps: AppDeps, userId: string): Promise<ExportPart<'preferences'>['pushDevices']> {
  const rows = await deps.db
    .selectFrom('push_subscriptions')
    .select(['id', 'device_sealed', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const out: ExportPart<'preferences'>['pushDevices'] = [];
  for (const row of rows) {
    out.push({
      id: row.id,
      device: await deps.sealer.open(userId, context('device', row.id), row.device_sealed),
      createdAt: fromDbTime(row.created_at).toISOString(),
    });
  }
  return out;
}
