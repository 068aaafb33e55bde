import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { type Actor, canSeePerson, decideInvite, joinRefusal } from '../../domain/access-policy.js';
import { hashToken } from '../../platform/tokens.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { AppError, conflict } from '../../shared/errors.js';
import { newId, newSecretToken } from '../../shared/ids.js';
import { addMs, DAY_MS, fromDbTime, toDbTime } from '../../shared/time.js';
import { displayNameOf } from '../auth/users.read.js';
import { startPlannedRituals } from '../rituals/rituals.service.js';
import { closeTherapistStreams, endTherapistAccesses } from '../therapists/access-ends.js';
import {
  claimInvite,
  countOpenInvites,
  findInviteById,
  findUsableInvite,
  insertInvite,
  listOpenInvites,
  revokeInvite,
  revokeOpenInvitesBy,
} from './invites.repo.js';
import { insertNotice, latestOpenNotice } from './notices.repo.js';
import { moveAuthoredItems } from './space-items.js';
import { loadActor } from './spaces.read.js';
import { activeMembers, addMember, createSpaceFor, endMembership, lockSpace } from './spaces.repo.js';
import type { InviteCreated, InvitePreview, SpaceView } from './spaces.schema.js';

export const INVITE_LIFETIME_MS = 7 * DAY_MS;

const inviteHash = (deps: AppDeps, token: string) => hashToken(deps.secrets.sessionSecret, 'invite', token);

const inviteInvalid = () =>
  new AppError(
    404,
    'invite_invalid',
    'This invitation link is no longer valid. It may have expired, been used or been withdrawn. Your partner can make a new one.',
  );

/**
 * A new person's own space, with them its one member: every person always has exactly one active
 * space. Sign-up calls it inside the transaction that makes the account (pass that transaction).
 */
export async function openFirstSpace(db: Db, userId: string, nowIso: string, now: Date): Promise<string> {
  return createSpaceFor(db, userId, nowIso, now);
}

export async function spaceView(deps: AppDeps, actor: Actor): Promise<SpaceView> {
  const nowIso = toDbTime(deps.clock.now());
  const members = await activeMembers(deps.db, actor.spaceId);
  const visible = members.filter((m) => canSeePerson(actor, m.user_id));
  const named = await Promise.all(
    visible.map(async (m) => ({
      id: m.user_id,
      name: await displayNameOf(deps, m.user_id),
      you: m.user_id === actor.userId,
      joinedAt: fromDbTime(m.joined_at).toISOString(),
    })),
  );
  const partner = named.find((m) => !m.you);
  const notice = await latestOpenNotice(deps.db, actor.userId);
  return {
    id: actor.spaceId,
    members: named,
    partner: partner ? { id: partner.id, name: partner.name } : null,
    openInvites: await countOpenInvites(deps.db, actor.userId, actor.spaceId, nowIso),
    notice: notice ? { id: notice.id, kind: 'partner-left', at: fromDbTime(notice.created_at).toISOString() } : null,
  };
}

export async function createInvite(deps: AppDeps, actor: Actor): Promise<InviteCreated> {
  if (actor.partnerId)
    throw conflict('space_full', 'You already share this space with your partner. A space holds two people, never more.');
  const now = deps.clock.now();
  const token = newSecretToken();
  const id = newId(now);
  const expiresAt = addMs(now, INVITE_LIFETIME_MS);
  await insertInvite(deps.db, {
    id,
    spaceId: actor.spaceId,
    createdBy: actor.userId,
    tokenHash: inviteHash(deps, token),
    createdAt: toDbTime(now),
    expiresAt: toDbTime(expiresAt),
  });
  return {
    id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    token,
    url: new URL(`/join/${token}`, deps.config.publicUrl).toString(),
  };
}

export async function listInvites(deps: AppDeps, actor: Actor) {
  const rows = await listOpenInvites(deps.db, actor.userId, actor.spaceId, toDbTime(deps.clock.now()));
  return {
    invites: rows.map((r) => ({
      id: r.id,
      createdAt: fromDbTime(r.created_at).toISOString(),
      expiresAt: fromDbTime(r.expires_at).toISOString(),
    })),
  };
}

export async function withdrawInvite(deps: AppDeps, actor: Actor, inviteId: string): Promise<void> {
  const invite = await findInviteById(deps.db, inviteId);
  enforce(decideInvite(actor, invite && { createdBy: invite.created_by, spaceId: invite.space_id }));
  await revokeInvite(deps.db, inviteId, toDbTime(deps.clock.now()));
}

export async function previewInvite(deps: AppDeps, token: string): Promise<InvitePreview> {
  const invite = await findUsableInvite(deps.db, inviteHash(deps, token), toDbTime(deps.clock.now()));
  if (!invite) throw inviteInvalid();
  return { inviterName: await displayNameOf(deps, invite.created_by), expiresAt: fromDbTime(invite.expires_at).toISOString() };
}

const refusals = {
  'own-invite': () => conflict('own_invite', 'This is your own invitation. Send the link to your partner so they can join you.'),
  'already-shared': () =>
    conflict('already_shared', 'You already share a space with someone. To join this one, leave that space first from Settings.'),
  'space-full': () => inviteInvalid(),
} as const;

/**
 * Joins the inviter's space. The joiner leaves their own solo space and brings what they wrote
 * along (private things stay private); the invite is claimed inside the same transaction.
 */
export async function acceptInvite(deps: AppDeps, actor: Actor, token: string): Promise<SpaceView> {
  const now = deps.clock.now();
  const nowIso = toDbTime(now);
  const joined = await deps.db.transaction().execute(async (trx) => {
    const invite = await findUsableInvite(trx, inviteHash(deps, token), nowIso);
    if (!invite) throw inviteInvalid();
    // Both spaces change: lock them in one order so two joins can neither deadlock nor interleave.
    for (const spaceId of [invite.space_id, actor.spaceId].sort()) await lockSpace(trx, spaceId);
    const me = await loadActor(trx, actor.userId);
    if (!me) throw inviteInvalid();
    const memberIds = (await activeMembers(trx, invite.space_id)).map((m) => m.user_id);
    const refusal = joinRefusal(me, { createdBy: invite.created_by, spaceId: invite.space_id }, memberIds);
    if (refusal) throw refusals[refusal]();
    if (!(await claimInvite(trx, invite.id, me.userId, nowIso))) throw inviteInvalid();
    await endMembership(trx, me.userId, me.spaceId, nowIso);
    await addMember(trx, me.userId, invite.space_id, nowIso, now);
    await moveAuthoredItems(trx, me.userId, me.spaceId, invite.space_id);
    await revokeOpenInvitesBy(trx, [me.userId, invite.created_by], nowIso);
    return loadActor(trx, me.userId);
  });
  if (!joined) throw inviteInvalid();
  if (joined.partnerId) {
    await announceSpaceChange(deps, joined.spaceId, joined.userId, [joined.userId, joined.partnerId]);
    // Rituals either of them saved while alone become commitments now. The join has happened
    // whatever comes of that: a failure is logged, never answered.
    await startPlannedRituals(deps, [joined.userId, joined.partnerId]).catch((error: unknown) => {
      deps.logger.error({ err: { message: (error as Error).message } }, 'ritual plans could not become commitments');
    });
  }
  return spaceView(deps, joined);
}

/**
 * Leaving closes the shared space for both: each gets a fresh space of their own and keeps their
 * own words; the other's words leave their view. The partner is told only that the space was left.
 */
export async function leaveSpace(deps: AppDeps, actor: Actor): Promise<SpaceView> {
  const notShared = () => conflict('not_shared', 'You are not sharing a space with anyone right now.');
  if (!actor.partnerId) throw notShared();
  const now = deps.clock.now();
  const nowIso = toDbTime(now);
  const { partnerId, therapistIds } = await deps.db.transaction().execute(async (trx) => {
    await lockSpace(trx, actor.spaceId);
    // Read again under the lock: the partner may have left a moment ago.
    const current = await loadActor(trx, actor.userId);
    if (!current?.partnerId || current.spaceId !== actor.spaceId) throw notShared();
    await closeSpaceFor(trx, actor.userId, actor.spaceId, nowIso, now);
    await closeSpaceFor(trx, current.partnerId, actor.spaceId, nowIso, now);
    await insertNotice(trx, current.partnerId, 'partner-left', nowIso, now);
    // A therapist's access was to the two of them together: it ends with the space (decision 023).
    return { partnerId: current.partnerId, therapistIds: await endTherapistAccesses(trx, actor.spaceId, nowIso) };
  });
  closeTherapistStreams(deps, therapistIds);
  await announceSpaceChange(deps, actor.spaceId, actor.userId, [actor.userId, partnerId]);
  const fresh = await loadActor(deps.db, actor.userId);
  if (!fresh) throw new Error('A person without a space after leaving');
  return spaceView(deps, fresh);
}

/** Each member hears, privately, that their space changed; their open streams then start afresh. */
async function announceSpaceChange(deps: AppDeps, spaceId: string, authorId: string, audience: string[]): Promise<void> {
  for (const audienceId of audience) {
    await publishEvent(deps, { kind: 'space.changed', spaceId, authorId, visibility: 'private', audienceId });
  }
}

async function closeSpaceFor(db: Db, userId: string, spaceId: string, nowIso: string, now: Date): Promise<void> {
  await endMembership(db, userId, spaceId, nowIso);
  await createSpaceFor(db, userId, nowIso, now);
}
