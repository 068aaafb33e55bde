import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { THERAPIST_INVITE_EMAIL } from '../../domain/notification-words.js';
import {
  accessState,
  canManageAccess,
  consentGrants,
  consentRefusal,
  isTherapistView,
  THERAPIST_ACCESS_DEFAULT_DAYS,
  type TherapistView,
  viewsBothIncluded,
} from '../../domain/therapist-access.js';
import { hashToken } from '../../platform/tokens.js';
import { conflict, notFound } from '../../shared/errors.js';
import { newId, newSecretToken } from '../../shared/ids.js';
import { addMs, DAY_MS, fromDbTime, toDbTime } from '../../shared/time.js';
import { displayNameOf } from '../auth/users.read.js';
import { closeTherapistStreams } from './access-ends.js';
import {
  type AccessFacts,
  accessesOfSpace,
  accessFacts,
  countOpenAccesses,
  factsOf,
  insertAccess,
  logsOf,
  putConsent,
  revokeAccess,
} from './therapists.repo.js';
import type { AccessList, AccessView, Invited } from './therapists.schema.js';

// The partners' side of therapist access (decision 023): either proposes, each consents with their
// own choice of views, both read each access with its log, either revokes. Any access that is not
// of the caller's current space answers exactly like one that does not exist.

export const THERAPIST_INVITE_DAYS = 14;
/** A couple works with a few therapists; more open invitations than this are refused. */
const MAX_OPEN_ACCESSES = 20;
/** The newest entries of each access's log a partner reads. */
export const LOG_LIMIT = 200;

export const therapistInviteHash = (deps: AppDeps, token: string) =>
  hashToken(deps.secrets.sessionSecret, 'therapist-invite', token);
export const emailContext = (accessId: string) => ({ table: 'therapist_accesses', column: 'email', rowId: accessId });

export async function proposeAccess(
  deps: AppDeps,
  actor: Actor,
  body: { email: string | null; accessDays?: number | undefined },
): Promise<Invited> {
  if (!actor.partnerId) {
    throw conflict(
      'no_partner',
      'A therapist is invited by both of you together. Once your partner has joined your space, either of you can propose one.',
    );
  }
  const now = deps.clock.now();
  const nowIso = toDbTime(now);
  if ((await countOpenAccesses(deps.db, actor.spaceId, nowIso)) >= MAX_OPEN_ACCESSES) {
    throw conflict(
      'too_many_invites',
      'There are already many therapist invitations open. Please withdraw one you no longer need first.',
    );
  }
  const id = newId(now);
  const token = newSecretToken();
  await insertAccess(deps.db, {
    id,
    spaceId: actor.spaceId,
    proposedBy: actor.userId,
    tokenHash: therapistInviteHash(deps, token),
    emailSealed: body.email ? await deps.sealer.seal(actor.userId, emailContext(id), body.email) : null,
    createdAt: nowIso,
    inviteExpiresAt: toDbTime(addMs(now, THERAPIST_INVITE_DAYS * DAY_MS)),
    accessUntil: toDbTime(addMs(now, (body.accessDays ?? THERAPIST_ACCESS_DEFAULT_DAYS) * DAY_MS)),
  });
  const url = new URL(`/therapist/join/${token}`, deps.config.publicUrl).toString();
  const mailer = deps.mailer;
  if (body.email && mailer) {
    // Sent after answering: the link is shown to the proposer either way, and a mail server's
    // trouble must not undo the invitation.
    const mail = {
      to: body.email,
      subject: THERAPIST_INVITE_EMAIL.subject,
      text: THERAPIST_INVITE_EMAIL.text(url, THERAPIST_INVITE_DAYS),
    };
    void mailer.send(mail).catch((error: unknown) => {
      deps.logger.error({ err: { message: (error as Error).message } }, 'therapist invitation mail failed');
    });
  }
  return { id, url, token };
}

/** The access, if it is one of the caller's space: anything else is missing (404). */
async function managedAccess(deps: AppDeps, actor: Actor, accessId: string): Promise<AccessFacts> {
  const facts = await accessFacts(deps.db, accessId);
  if (!facts || !canManageAccess(actor.userId, actor.spaceId, facts)) throw notFound();
  return facts;
}

export async function consentTo(
  deps: AppDeps,
  actor: Actor,
  accessId: string,
  include: TherapistView[],
  requireFresh: () => Promise<void>,
): Promise<AccessView> {
  const facts = await managedAccess(deps, actor, accessId);
  const now = deps.clock.now();
  if (consentRefusal(facts, now.toISOString())) {
    throw conflict(
      'access_closed',
      'This access has ended, so there is nothing to consent to. You can propose a therapist again.',
    );
  }
  // Granting (a first consent, or a kind added) needs the password typed in the last five minutes;
  // taking something away never waits for it (decision 024).
  const before = facts.consents.find((c) => c.userId === actor.userId)?.include ?? null;
  if (consentGrants(before, include)) await requireFresh();
  await putConsent(deps.db, { id: newId(now), accessId, userId: actor.userId, include, nowIso: toDbTime(now) });
  const fresh = await managedAccess(deps, actor, accessId);
  return (await viewsOf(deps, actor, [fresh]))[0] as AccessView;
}

export async function listAccesses(deps: AppDeps, actor: Actor): Promise<AccessList> {
  const facts = await factsOf(deps.db, await accessesOfSpace(deps.db, actor.spaceId));
  return { accesses: await viewsOf(deps, actor, facts) };
}

/** Ends an access at once (or withdraws an invitation); the therapist's open streams close now. */
export async function revokeTherapist(deps: AppDeps, actor: Actor, accessId: string): Promise<void> {
  const facts = await managedAccess(deps, actor, accessId);
  await revokeAccess(deps.db, accessId, actor.spaceId, actor.userId, toDbTime(deps.clock.now()));
  closeTherapistStreams(deps, facts.therapistId ? [facts.therapistId] : []);
}

async function viewsOf(deps: AppDeps, actor: Actor, accesses: readonly AccessFacts[]): Promise<AccessView[]> {
  const now = deps.clock.now().toISOString();
  const logs = await logsOf(
    deps.db,
    accesses.map((a) => a.id),
    LOG_LIMIT,
  );
  return Promise.all(
    accesses.map(async (access): Promise<AccessView> => {
      const state = accessState(access, now);
      const includeOf = (userId: string | null) => access.consents.find((c) => c.userId === userId)?.include ?? null;
      const myInclude = includeOf(actor.userId);
      const partnerInclude = includeOf(actor.partnerId);
      return {
        id: access.id,
        state,
        // An erased therapist's account has no name any more (decision 025): as before they accepted.
        therapistName: access.therapistId ? (await displayNameOf(deps, access.therapistId)) || null : null,
        proposedByMe: access.row.proposed_by === actor.userId,
        createdAt: fromDbTime(access.row.created_at).toISOString(),
        inviteExpiresAt: fromDbTime(access.row.invite_expires_at).toISOString(),
        accessUntil: fromDbTime(access.accessUntil).toISOString(),
        myInclude: myInclude ? [...myInclude] : null,
        partnerInclude: partnerInclude ? [...partnerInclude] : null,
        visible: state === 'active' ? viewsBothIncluded(access) : [],
        log: (logs.get(access.id) ?? []).flatMap((entry) =>
          isTherapistView(entry.view) ? [{ view: entry.view, at: fromDbTime(entry.at).toISOString() }] : [],
        ),
      };
    }),
  );
}
