/**
 * Step 6, a therapist invited by both partners' consent: who may see what, and when. Pure rules:
 * no I/O, no clock reads (`now` is given as an ISO instant).
 *
 * A therapist sees a couple's shared things only while the access is active: the therapist accepted
 * the invitation, BOTH current members of the space consented, neither revoked it, the date the
 * couple chose has not passed, and both are still in the space. Each view is shown only when both
 * partners included it. Anything else answers exactly like a couple that does not exist.
 */

/** The therapist's views, one route each under /api/v1/therapist/couples/{id}/. */
export const THERAPIST_VIEWS = [
  'agreements',
  'commitments',
  'figures',
  'checkins',
  'conversations',
  'causes',
  'pulse',
  'closeness',
  'summary',
] as const;
export type TherapistView = (typeof THERAPIST_VIEWS)[number];

/** Offered (ticked) by default: what the couple agreed and did, and the figures built from it. */
export const DEFAULT_THERAPIST_VIEWS: readonly TherapistView[] = ['agreements', 'commitments', 'figures', 'summary'];

/** Words the couple wrote to each other: never ticked for them. */
export const WORD_VIEWS: readonly TherapistView[] = ['checkins', 'conversations', 'causes', 'pulse', 'closeness'];

/** Days of access when the couple does not choose otherwise, and the longest they may choose. */
export const THERAPIST_ACCESS_DEFAULT_DAYS = 90;
export const THERAPIST_ACCESS_MAX_DAYS = 365;

export function isTherapistView(value: string): value is TherapistView {
  return (THERAPIST_VIEWS as readonly string[]).includes(value);
}

export interface TherapistConsent {
  userId: string;
  include: readonly TherapistView[];
}

export interface TherapistAccessFacts {
  spaceId: string;
  /** The therapist's account, once they accepted the invitation. */
  therapistId: string | null;
  /** The active members of the space now (two while the couple shares it). */
  memberIds: readonly string[];
  consents: readonly TherapistConsent[];
  /** ISO instant the access ends on its own. */
  accessUntil: string;
  revokedAt: string | null;
  /** Set when the space was left: access ends with it. */
  endedAt: string | null;
  /** ISO instant the invitation link stops working; an access nobody accepted by then has expired. */
  inviteExpiresAt?: string | null;
}

export type TherapistAccessState = 'waiting' | 'active' | 'revoked' | 'expired' | 'ended';

/** Consents of the people who are members now: a former member's consent no longer counts. */
function currentConsents(access: TherapistAccessFacts): TherapistConsent[] {
  return access.consents.filter((c) => access.memberIds.includes(c.userId));
}

export function accessState(access: TherapistAccessFacts, now: string): TherapistAccessState {
  if (access.revokedAt !== null) return 'revoked';
  if (access.endedAt !== null || access.memberIds.length < 2) return 'ended';
  if (Date.parse(now) >= Date.parse(access.accessUntil)) return 'expired';
  const inviteLapsed = access.inviteExpiresAt != null && Date.parse(now) >= Date.parse(access.inviteExpiresAt);
  if (access.therapistId === null && inviteLapsed) return 'expired';
  const consented = new Set(currentConsents(access).map((c) => c.userId));
  const bothConsented = access.memberIds.every((id) => consented.has(id));
  return bothConsented && access.therapistId !== null ? 'active' : 'waiting';
}

/** The views both current members included: the only ones a therapist may open. */
export function viewsBothIncluded(access: TherapistAccessFacts): TherapistView[] {
  const consents = currentConsents(access);
  if (consents.length < 2 || access.memberIds.length < 2) return [];
  return THERAPIST_VIEWS.filter((view) =>
    access.memberIds.every((id) => consents.find((c) => c.userId === id)?.include.includes(view)),
  );
}

/** Whether this therapist may open this view of this access now; anything else is 'not-found'. */
export function decideTherapistView(
  therapistId: string,
  access: TherapistAccessFacts | undefined,
  view: TherapistView,
  now: string,
): 'allow' | 'not-found' {
  if (!access || access.therapistId !== therapistId) return 'not-found';
  if (accessState(access, now) !== 'active') return 'not-found';
  return viewsBothIncluded(access).includes(view) ? 'allow' : 'not-found';
}

/** A partner manages (consents to, narrows, revokes, reads the log of) only their own space's accesses. */
export function canManageAccess(userId: string, spaceId: string, access: TherapistAccessFacts | undefined): boolean {
  return access !== undefined && access.spaceId === spaceId && access.memberIds.includes(userId);
}

/**
 * Whether this invitation link can be accepted now by this account: nobody took it yet and its link
 * has not lapsed, or this very therapist took it and it has not ended (accepting again changes nothing).
 */
export function canAcceptInvite(access: TherapistAccessFacts | undefined, accountId: string | null, now: string): boolean {
  if (!access) return false;
  const state = accessState(access, now);
  if (access.therapistId !== null) return access.therapistId === accountId && (state === 'waiting' || state === 'active');
  // Nobody took it yet: 'waiting' also means its link has not lapsed (accessState).
  return state === 'waiting';
}

/**
 * A partner changing their consent: only while the access can still be (or is) active. A revoked
 * or expired access stays in the couple's list, but consenting cannot reopen it (propose anew).
 */
export function consentRefusal(access: TherapistAccessFacts, now: string): 'closed' | null {
  const state = accessState(access, now);
  return state === 'waiting' || state === 'active' ? null : 'closed';
}

/**
 * Whether a partner's consent grants something it did not before: a first consent, or a kind of thing
 * added to it. Granting needs a fresh re-authentication (decision 024); taking something away never
 * waits for a password, so a person can always narrow what a therapist sees at once.
 */
export function consentGrants(before: readonly TherapistView[] | null, after: readonly TherapistView[]): boolean {
  if (before === null) return true;
  return after.some((view) => !before.includes(view));
}

/** The name a therapist knows a partner by: the first word of the name they gave Attune. */
export function firstNameOf(displayName: string): string {
  return displayName.trim().split(/\s+/u)[0] ?? '';
}
