import type { Context } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { accessState, canAcceptInvite, firstNameOf, viewsBothIncluded } from '../../domain/therapist-access.js';
import { answerWith, type SignedInAccount } from '../../http/route.js';
import { AppError, badInput } from '../../shared/errors.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { createAccount, type NewAccount } from '../auth/auth.service.js';
import { displayNameOf } from '../auth/users.read.js';
import { accessFacts, claimAccess, factsOf, findAccessByTokenHash, openAccessesOfTherapist } from './therapists.repo.js';
import type { Accepted, CoupleList, InvitePreview } from './therapists.schema.js';
import { therapistInviteHash } from './therapists.service.js';

// The therapist's side (decision 023): the invitation link (usable or not, nothing more), accepting
// it (making a therapist account when signed out), and the couples whose consent they hold now.

const inviteInvalid = () =>
  new AppError(
    404,
    'invite_invalid',
    'This invitation link is no longer valid. It may have expired, been used or been withdrawn. The couple can make a new one.',
  );

const partnersCannotAccept = () =>
  new AppError(
    403,
    'partners_cannot_accept',
    'This link is for a therapist. A partner’s account cannot accept it: please open it signed out, or pass it on to the therapist.',
  );

const detailsNeeded = () =>
  badInput(
    [{ path: 'email', message: 'Please write your email address.' }],
    'To accept, make a therapist account with your email, a password and your name, or sign in to yours first.',
  );

async function accessByToken(deps: AppDeps, db: Db, token: string) {
  const row = await findAccessByTokenHash(db, therapistInviteHash(deps, token));
  return row ? accessFacts(db, row.id) : undefined;
}

export async function previewTherapistInvite(deps: AppDeps, token: string): Promise<InvitePreview> {
  const access = await accessByToken(deps, deps.db, token);
  return { usable: canAcceptInvite(access, null, deps.clock.now().toISOString()) };
}

/** Takes the invitation for this therapist inside the caller's transaction; 404 when it cannot be. */
async function claim(deps: AppDeps, trx: Db, token: string, therapistId: string, now: Date): Promise<Accepted> {
  const access = await accessByToken(deps, trx, token);
  if (!access || !canAcceptInvite(access, therapistId, now.toISOString())) throw inviteInvalid();
  if (access.therapistId === null && !(await claimAccess(trx, access.id, therapistId, toDbTime(now)))) throw inviteInvalid();
  const state = accessState({ ...access, therapistId }, now.toISOString());
  return { id: access.id, state: state === 'active' ? 'active' : 'waiting' };
}

/**
 * Accepts a therapist invitation. Signed out with an email, a password and a name: a new therapist
 * account (no space; a data key like any account), signed in (201). Signed in as a therapist with
 * {}: this account (200). A partner's account never accepts (403), whatever it sends.
 */
export async function acceptTherapistInvite(
  c: Context,
  deps: AppDeps,
  account: SignedInAccount | null,
  token: string,
  body: Partial<NewAccount>,
): Promise<Accepted> {
  if (account?.role === 'partner') throw partnersCannotAccept();
  const { email, password, name } = body;
  const now = deps.clock.now();
  if (email !== undefined && password !== undefined && name !== undefined) {
    // Checked before the account is made, so a dead link makes nothing; claimed again inside.
    if (!canAcceptInvite(await accessByToken(deps, deps.db, token), null, now.toISOString())) throw inviteInvalid();
    let accepted: Accepted | undefined;
    await createAccount(c, deps, { email, password, name }, 'therapist', async (trx, userId, at) => {
      accepted = await claim(deps, trx, token, userId, at);
    });
    if (!accepted) throw inviteInvalid();
    return accepted;
  }
  if (!account) throw detailsNeeded();
  const accepted = await deps.db.transaction().execute((trx) => claim(deps, trx, token, account.userId, now));
  return answerWith(200, accepted);
}

/** The couples whose access is active now, with the partners' first names; the rest only counted. */
export async function therapistCouples(deps: AppDeps, account: SignedInAccount): Promise<CoupleList> {
  const now = deps.clock.now().toISOString();
  const accesses = await factsOf(deps.db, await openAccessesOfTherapist(deps.db, account.userId));
  const couples: CoupleList['couples'] = [];
  let waiting = 0;
  for (const access of accesses) {
    const state = accessState(access, now);
    if (state === 'waiting') waiting += 1;
    if (state !== 'active') continue;
    const names = await Promise.all(access.memberIds.map(async (id) => firstNameOf(await displayNameOf(deps, id))));
    couples.push({
      id: access.id,
      names,
      accessUntil: fromDbTime(access.accessUntil).toISOString(),
      views: viewsBothIncluded(access),
    });
  }
  return { couples, waiting };
}
