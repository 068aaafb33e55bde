import type { Decision } from '../domain/access-policy.js';
import { forbidden, notFound, signedOut } from './errors.js';

/** Turns an access-policy decision into the one status each case answers with. */
export function enforce(decision: Decision): void {
  if (decision === 'allow') return;
  if (decision === 'signed-out') throw signedOut();
  if (decision === 'forbidden') throw forbidden();
  throw notFound();
}
