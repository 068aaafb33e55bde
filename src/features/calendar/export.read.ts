import { toBool } from '../../db/values.js';
import type { AppDeps } from '../../deps.js';
import { fromDbTime } from '../../shared/time.js';
import type { ExportPart } from '../account/export.schema.js';
import { findFeedOf } from './calendar.repo.js';

// What the account export (decision 025) takes from the calendar feed: whether there is one and the
// person's choice of titles. Never the address (its token is kept only as a hash anyway).

export async function exportCalendarFeed(deps: AppDeps, userId: string): Promise<ExportPart<'preferences'>['calendarFeed']> {
  const row = await findFeedOf(deps.db, userId);
  return row ? { showTitles: toBool(row.show_titles), createdAt: fromDbTime(row.created_at).toISOString() } : null;
}
