import type { AppDeps } from '../../deps.js';
import { decideTherapistView, type TherapistView, viewsBothIncluded } from '../../domain/therapist-access.js';
import type { SignedInAccount } from '../../http/route.js';
import { notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { toDbTime } from '../../shared/time.js';
import { accessFacts, insertLogEntry } from './therapists.repo.js';

// What the therapist's views need of therapist access: opening one view of one couple, which checks
// the access afresh on every request (so revocation and expiry refuse the very next one) and records
// the view in the access log both partners read (which view and when, never content). Nothing here
// or anywhere else keeps a grant between requests.

export interface OpenedAccess {
  accessId: string;
  spaceId: string;
  /** The two partners, in the order they joined the space. */
  memberIds: readonly [string, string];
  /** The views both partners included. */
  visible: readonly TherapistView[];
}

/** 404 (the body of a couple that does not exist) unless this therapist may open this view now. */
export async function openTherapistView(
  deps: AppDeps,
  account: SignedInAccount,
  accessId: string,
  view: TherapistView,
): Promise<OpenedAccess> {
  const now = deps.clock.now();
  const facts = await accessFacts(deps.db, accessId);
  if (!facts || decideTherapistView(account.userId, facts, view, now.toISOString()) !== 'allow') throw notFound();
  const [first, second] = facts.memberIds;
  if (!first || !second) throw notFound();
  await insertLogEntry(deps.db, { id: newId(now), accessId, view, at: toDbTime(now) });
  return { accessId, spaceId: facts.spaceId, memberIds: [first, second], visible: viewsBothIncluded(facts) };
}
