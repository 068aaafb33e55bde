import type { Person, TestApp } from '../../support/test-app.js';

/** The people of the first matrix: a couple (author and partner) and a member of another space. */
export type PersonKey = 'author' | 'partner' | 'outsider';
export type BaseActorKey = PersonKey | 'signedOut';
/**
 * Five therapist accounts (decision 023). Four hold an access to the author's couple: active (both
 * consented), waiting on one consent, revoked, expired. The fifth is active for another couple.
 */
export type TherapistKey = 'therapistActive' | 'therapistOneConsent' | 'therapistRevoked' | 'therapistExpired' | 'therapistOther';
export type ActorKey = BaseActorKey | TherapistKey;

export const BASE_ACTORS: readonly BaseActorKey[] = ['author', 'partner', 'outsider', 'signedOut'];
export const THERAPIST_ACTORS: readonly TherapistKey[] = [
  'therapistActive',
  'therapistOneConsent',
  'therapistRevoked',
  'therapistExpired',
  'therapistOther',
];
export const ACTORS: readonly ActorKey[] = [...BASE_ACTORS, ...THERAPIST_ACTORS];

export const isTherapistActor = (actor: ActorKey): actor is TherapistKey =>
  (THERAPIST_ACTORS as readonly string[]).includes(actor);

export interface World extends Record<TherapistKey, Person> {
  author: Person;
  partner: Person;
  /** A member of another space (solo), with an open invite of their own. */
  outsider: Person;
  outsiderInviteToken: string;
  /** Each therapist's access id: to the author's couple, except therapistOther's (the other couple's). */
  accessIds: Record<TherapistKey, string>;
  /** The couple therapistOther works with: nobody else may read their names. */
  otherCouple: { a: Person; b: Person };
  /**
   * The access id by which this actor asks about the author's couple: a therapist of theirs uses its
   * own access (active, waiting, revoked or expired); everyone else, therapistOther too, the active one.
   */
  coupleFor(actor: ActorKey): string;
}

export interface Call {
  method: string;
  path: string;
  body?: unknown;
  /** A server-sent event stream: read briefly, then closed. */
  stream?: boolean;
}

/** A request that depends on who makes it (their own access, a fresh link or address made for them). */
export type CallFor = (actor: ActorKey) => Call | Promise<Call>;

export interface Scenario {
  /**
   * Arranges the world for this route and returns the request to make: one for every actor, or a
   * function giving each actor theirs. The world is built once per route and shared by every actor;
   * actors the scenario expects to be refused go first, so each refusal meets the world as prepared.
   */
  prepare(t: TestApp, w: World): Promise<Call | CallFor>;
  /**
   * The status each actor gets. Therapist actors follow the route's access unless given here: a
   * partners' route 403, an 'account' or public route as the outsider, a therapists' route 200 for
   * therapistActive (its success status) and 404 for the other four.
   */
  expected: Record<BaseActorKey, number> & Partial<Record<TherapistKey, number>>;
  /** The same request for a thing that does not exist: must answer exactly like a hidden one. */
  missing?: (call: Call) => Call;
  /** The inviter's name is shown to whoever holds their invite link: that is what the link is for. */
  inviterNameShown?: boolean;
  /**
   * A write that several actors may succeed at changes the world for the next: each success after the
   * first gets a world of its own. Set this when each success touches only the caller's own account or
   * what the request made for them, so they can all share one world.
   */
  successesShareWorld?: boolean;
}
