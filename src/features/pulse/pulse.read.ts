import type { Db } from '../../db/database.js';
import { findPulseOfWeek } from './pulse.repo.js';

// What other features may read of the trust pulse: a person's own scores over a range of weeks (never
// the answers), and whether they have answered a week. A caller showing a partner's scores must keep
// only the ones the access policy lets the viewer see.

export { type PulseScore, pulseScoresOf } from './pulse.repo.js';

/** Whether the person has answered the pulse for this ISO week (whatever its visibility). */
export async function answeredWeek(db: Db, authorId: string, weekKey: string): Promise<boolean> {
  return (await findPulseOfWeek(db, authorId, weekKey)) !== undefined;
}
