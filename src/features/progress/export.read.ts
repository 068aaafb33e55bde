import type { AppDeps } from '../../deps.js';
import { therapyAskedOf } from './progress.repo.js';

// What the account export (decision 025) takes from Patience: whether the person said they would like
// to think about therapy. Everything else Patience shows is made from other features' data.

export function exportTherapyAsked(deps: AppDeps, userId: string): Promise<boolean> {
  return therapyAskedOf(deps.db, userId);
}
