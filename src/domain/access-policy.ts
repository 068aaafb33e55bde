/**
 * The access policy: every read and write in Attune is decided here, and nowhere else.
 * Pure functions over plain facts; repositories load the facts, routes call `decide`.
 *
 * Statuses everywhere: signed out 401; may not see (including another couple's things, or a thing
 * that does not exist) 404 with one body; may see but not change 403.
 */
export interface Actor {
  userId: string;
  /** The space the person is an active member of right now. */
  spaceId: string;
  /** The other active member of that space, if there is one. */
  partnerId: string | null;
}

export type Visibility = 'private' | 'couple';

/** Anything a person wrote. Joint things are made of such contributions, one author each. */
export interface AuthoredItem {
  authorId: string;
  spaceId: string;
  visibility: Visibility;
}

export type Decision = 'allow' | 'signed-out' | 'not-found' | 'forbidden';

/**
 * A couple item is seen by the partner only while both are active members of the space it was
 * written in: after one leaves, each keeps their own words and the other's leave their view, and
 * a later partner never sees what was written with someone else.
 */
export function canSeeItem(actor: Actor, item: AuthoredItem): boolean {
  if (item.authorId === actor.userId) return true;
  return (
    item.visibility === 'couple' &&
    actor.partnerId !== null &&
    item.authorId === actor.partnerId &&
    item.spaceId === actor.spaceId
  );
}

/**
 * A joint thing (a conversation, or an acknowledgement with its answer) is a shell around its
 * contributions, one author each. Its shell is
 * seen by whoever may see it as an item, and also by anyone who wrote words in it: after one partner
 * leaves, each keeps the shell around their own words. The words inside are still seen one by one
 * through canSeeItem, so a former partner's words never come back into view.
 */
export function canSeeShell(actor: Actor, shell: AuthoredItem, contributorIds: readonly string[]): boolean {
  return canSeeItem(actor, shell) || contributorIds.includes(actor.userId);
}

/** Only the author changes their own words; a partner who can see a thing cannot edit it. */
export function canChangeItem(actor: Actor, item: AuthoredItem): boolean {
  return item.authorId === actor.userId;
}

/** Like decideItem for reading a shell: a contributor may read it, a stranger to it gets 404. */
export function decideShell(actor: Actor | null, shell: AuthoredItem | undefined, contributorIds: readonly string[]): Decision {
  if (!actor) return 'signed-out';
  if (!shell || !canSeeShell(actor, shell, contributorIds)) return 'not-found';
  return 'allow';
}

export function decideItem(actor: Actor | null, item: AuthoredItem | undefined, action: 'read' | 'change'): Decision {
  if (!actor) return 'signed-out';
  if (!item || !canSeeItem(actor, item)) return 'not-found';
  if (action === 'change' && !canChangeItem(actor, item)) return 'forbidden';
  return 'allow';
}

/**
 * A commitment is a couple item with two sides: its author is the one who acts (changes, pauses,
 * ends it, and marks each occurrence done or missed); its receiver is the one it is for (says whether
 * they noticed). Each side is its own: the other person may see it but not touch it (403). Whoever
 * cannot see the commitment gets 404, like a missing one.
 */
export interface CommitmentFacts extends AuthoredItem {
  receiverId: string;
}

export type CommitmentSide = 'actor' | 'receiver';

export function canSeeCommitment(actor: Actor, commitment: CommitmentFacts): boolean {
  if (commitment.authorId === actor.userId) return true;
  return commitment.receiverId === actor.userId && canSeeItem(actor, commitment);
}

export function decideCommitmentWrite(
  actor: Actor | null,
  commitment: CommitmentFacts | undefined,
  side: CommitmentSide,
): Decision {
  if (!actor) return 'signed-out';
  if (!commitment || !canSeeCommitment(actor, commitment)) return 'not-found';
  const owner = side === 'actor' ? commitment.authorId : commitment.receiverId;
  return owner === actor.userId ? 'allow' : 'forbidden';
}

export function decideCommitmentRead(actor: Actor | null, commitment: CommitmentFacts | undefined): Decision {
  if (!actor) return 'signed-out';
  if (!commitment || !canSeeCommitment(actor, commitment)) return 'not-found';
  return 'allow';
}

/**
 * Step 7: a question day of a space (its question on one local date, docs/decisions/021). It is
 * chosen when either partner first asks for that date, so the day itself is a member's only once it
 * was offered to them on their own today (or they can see an answer to it: their own, or one their
 * partner showed them). Anyone else, and a date not yet come where they are, gets 404 like a missing
 * question: whether the other partner has opened that day never shows.
 */
export interface QuestionDayFacts {
  spaceId: string;
  /** The local date the question is for, 'YYYY-MM-DD'. */
  day: string;
  /** The question was shown to the actor (on a day that was their today then). */
  offeredToActor: boolean;
  /** The actor can see an answer to this question day (their own, or their partner's shown to them). */
  answerSeenByActor: boolean;
}

export function decideQuestionDay(actor: Actor | null, facts: QuestionDayFacts | undefined, today: string): Decision {
  if (!actor) return 'signed-out';
  if (!facts || facts.spaceId !== actor.spaceId) return 'not-found';
  if (facts.answerSeenByActor) return 'allow';
  return facts.offeredToActor && facts.day <= today ? 'allow' : 'not-found';
}

/** One person's answer to a question day, as the access policy needs it. */
export interface PairAnswerFacts extends AuthoredItem {
  /** Both answers are in and shown to both (the reveal). */
  revealed: boolean;
}

/**
 * Reactions, a reply and "talk more" belong to a revealed pair only: my own answer and my partner's,
 * both revealed, in the space we share now. Before that (or for a pair I may not see) it answers
 * 404 exactly like a missing question, so a refusal never tells whether my partner has answered.
 */
export function decideRevealedPair(
  actor: Actor | null,
  mine: PairAnswerFacts | undefined,
  theirs: PairAnswerFacts | undefined,
): Decision {
  if (!actor) return 'signed-out';
  if (!mine || !theirs || mine.authorId !== actor.userId || theirs.authorId === actor.userId) return 'not-found';
  if (mine.spaceId !== actor.spaceId || !canSeeItem(actor, theirs)) return 'not-found';
  return mine.revealed && theirs.revealed ? 'allow' : 'not-found';
}

/** Account records (sessions, reset links, notices) belong to one person and are seen by no one else. */
export interface OwnedRecord {
  ownerId: string;
}

export function decideOwned(actor: Pick<Actor, 'userId'> | null, record: OwnedRecord | undefined): Decision {
  if (!actor) return 'signed-out';
  if (!record || record.ownerId !== actor.userId) return 'not-found';
  return 'allow';
}

/** Whose name and membership the actor may see: their own and their current partner's. */
export function canSeePerson(actor: Actor, userId: string): boolean {
  return userId === actor.userId || userId === actor.partnerId;
}

/** An invite is managed by the person who made it, while they are still in that space. */
export interface InviteFacts {
  createdBy: string;
  spaceId: string;
}

export function decideInvite(actor: Actor | null, invite: InviteFacts | undefined): Decision {
  if (!actor) return 'signed-out';
  if (!invite || invite.createdBy !== actor.userId || invite.spaceId !== actor.spaceId) return 'not-found';
  return 'allow';
}

/**
 * A live event is heard by whoever may see the thing it is about; an event addressed to one person
 * (audienceId) is heard by that person alone. Events carry no words, only kinds and ids.
 */
export interface EventFacts extends AuthoredItem {
  audienceId: string | null;
}

export function canReceiveEvent(actor: Actor, event: EventFacts): boolean {
  if (event.audienceId !== null) return event.audienceId === actor.userId;
  return canSeeItem(actor, event);
}

export type JoinRefusal = 'own-invite' | 'already-shared' | 'space-full';

/** Two members, never more; and a person shares one space at a time. */
export function joinRefusal(
  actor: Actor,
  invite: InviteFacts,
  activeMemberIdsOfInvitedSpace: readonly string[],
): JoinRefusal | null {
  if (invite.createdBy === actor.userId || invite.spaceId === actor.spaceId) return 'own-invite';
  if (actor.partnerId !== null) return 'already-shared';
  // An invite leads only into a space its maker is still in, and that has room.
  if (!activeMemberIdsOfInvitedSpace.includes(invite.createdBy) || activeMemberIdsOfInvitedSpace.length >= 2) return 'space-full';
  return null;
}
