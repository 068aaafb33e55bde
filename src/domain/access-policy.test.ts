import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type AuthoredItem,
  type CommitmentFacts,
  canChangeItem,
  canSeeItem,
  canSeePerson,
  canSeeShell,
  type Decision,
  decideCommitmentRead,
  decideCommitmentWrite,
  decideInvite,
  decideItem,
  decideOwned,
  decideQuestionDay,
  decideRevealedPair,
  decideShell,
  joinRefusal,
  type PairAnswerFacts,
  type QuestionDayFacts,
} from './access-policy';

// Ana and Ben share space S1. Ben later leaves and is alone in S3. Ana then shares S4 with Dan.
// Cara and Eli are another couple in S2.
const ana: Actor = { userId: 'ana', spaceId: 'S1', partnerId: 'ben' };
const ben: Actor = { userId: 'ben', spaceId: 'S1', partnerId: 'ana' };
const benAfterLeaving: Actor = { userId: 'ben', spaceId: 'S3', partnerId: null };
const cara: Actor = { userId: 'cara', spaceId: 'S2', partnerId: 'eli' };
const anaLater: Actor = { userId: 'ana', spaceId: 'S4', partnerId: 'dan' };
const danNewPartner: Actor = { userId: 'dan', spaceId: 'S4', partnerId: 'ana' };
// Ana alone after Ben left (still in S1, no partner).
const anaAlone: Actor = { userId: 'ana', spaceId: 'S1', partnerId: null };

const anaCouple: AuthoredItem = { authorId: 'ana', spaceId: 'S1', visibility: 'couple' };
const anaPrivate: AuthoredItem = { authorId: 'ana', spaceId: 'S1', visibility: 'private' };

type Row = [name: string, actor: Actor | null, item: AuthoredItem | undefined, read: Decision, change: Decision];

const matrix: Row[] = [
  ['author, couple item', ana, anaCouple, 'allow', 'allow'],
  ['author, private item', ana, anaPrivate, 'allow', 'allow'],
  ['author after moving to a new space keeps her old words', anaLater, anaCouple, 'allow', 'allow'],
  ['author alone after partner left', anaAlone, anaPrivate, 'allow', 'allow'],
  ['current partner, couple item', ben, anaCouple, 'allow', 'forbidden'],
  ['current partner, private item', ben, anaPrivate, 'not-found', 'not-found'],
  ['partner after leaving, couple item', benAfterLeaving, anaCouple, 'not-found', 'not-found'],
  ['partner after leaving, private item', benAfterLeaving, anaPrivate, 'not-found', 'not-found'],
  ['member of another couple, couple item', cara, anaCouple, 'not-found', 'not-found'],
  ['member of another couple, private item', cara, anaPrivate, 'not-found', 'not-found'],
  ['later new partner, item written with someone else', danNewPartner, anaCouple, 'not-found', 'not-found'],
  ['later new partner, private item', danNewPartner, anaPrivate, 'not-found', 'not-found'],
  ['signed out, couple item', null, anaCouple, 'signed-out', 'signed-out'],
  ['signed out, private item', null, anaPrivate, 'signed-out', 'signed-out'],
  ['signed out, missing item', null, undefined, 'signed-out', 'signed-out'],
  ['signed in, missing item', ana, undefined, 'not-found', 'not-found'],
];

describe('decideItem matrix', () => {
  it.each(matrix)('%s', (_name, actor, item, read, change) => {
    expect(decideItem(actor, item, 'read')).toBe(read);
    expect(decideItem(actor, item, 'change')).toBe(change);
  });

  it('the later new partner does see couple items written in the new space', () => {
    const anaNew: AuthoredItem = { authorId: 'ana', spaceId: 'S4', visibility: 'couple' };
    expect(decideItem(danNewPartner, anaNew, 'read')).toBe('allow');
    expect(decideItem(danNewPartner, anaNew, 'change')).toBe('forbidden');
    // ...and Ben, who shared S1 with Ana, does not see those.
    expect(decideItem(ben, anaNew, 'read')).toBe('not-found');
  });

  it('a non-existent item and another couple’s item answer alike', () => {
    expect(decideItem(cara, anaCouple, 'read')).toBe(decideItem(cara, undefined, 'read'));
    expect(decideItem(cara, anaCouple, 'change')).toBe(decideItem(cara, undefined, 'change'));
  });
});

describe('canSeeItem / canChangeItem', () => {
  it('author sees and changes their own item regardless of space or visibility', () => {
    for (const item of [anaCouple, anaPrivate, { ...anaCouple, spaceId: 'elsewhere' }]) {
      expect(canSeeItem(ana, item)).toBe(true);
      expect(canChangeItem(ana, item)).toBe(true);
    }
  });

  it('partner sees a couple item only in the shared space, and never changes it', () => {
    expect(canSeeItem(ben, anaCouple)).toBe(true);
    expect(canChangeItem(ben, anaCouple)).toBe(false);
    expect(canSeeItem(ben, { ...anaCouple, spaceId: 'S9' })).toBe(false);
  });

  it('private items are seen by nobody but the author', () => {
    for (const actor of [ben, benAfterLeaving, cara, danNewPartner]) {
      expect(canSeeItem(actor, anaPrivate)).toBe(false);
      expect(canChangeItem(actor, anaPrivate)).toBe(false);
    }
  });

  it('someone in the same space whose partner is not the author does not see it', () => {
    // A malformed actor in S1 whose partner is someone else entirely.
    const stranger: Actor = { userId: 'zed', spaceId: 'S1', partnerId: 'yan' };
    expect(canSeeItem(stranger, anaCouple)).toBe(false);
    // Someone with no partner in the same space.
    expect(canSeeItem({ userId: 'zed', spaceId: 'S1', partnerId: null }, anaCouple)).toBe(false);
  });
});

describe('canSeeShell / decideShell', () => {
  // A conversation Ana started with Ben, in which both wrote turns.
  const contributors = ['ana', 'ben'];
  it('lets a contributor keep the shell after leaving, and no one else gain it', () => {
    expect(canSeeShell(benAfterLeaving, anaCouple, contributors)).toBe(true);
    expect(canSeeShell(benAfterLeaving, anaCouple, ['ana'])).toBe(false);
    expect(canSeeShell(anaLater, anaCouple, contributors)).toBe(true);
    expect(canSeeShell(danNewPartner, anaCouple, contributors)).toBe(false);
    expect(canSeeShell(cara, anaCouple, contributors)).toBe(false);
    expect(canSeeShell(ben, anaCouple, [])).toBe(true);
    expect(decideShell(null, anaCouple, contributors)).toBe('signed-out');
    expect(decideShell(benAfterLeaving, anaCouple, contributors)).toBe('allow');
    expect(decideShell(danNewPartner, anaCouple, contributors)).toBe('not-found');
    expect(decideShell(ana, undefined, contributors)).toBe('not-found');
  });
  it("never brings the former partner's own words back into view", () => {
    const anaTurn: AuthoredItem = { authorId: 'ana', spaceId: 'S1', visibility: 'couple' };
    expect(canSeeShell(benAfterLeaving, anaCouple, contributors)).toBe(true);
    expect(canSeeItem(benAfterLeaving, anaTurn)).toBe(false);
  });
});

describe('decideOwned', () => {
  it('allows only the owner', () => {
    expect(decideOwned(ana, { ownerId: 'ana' })).toBe('allow');
    expect(decideOwned(anaLater, { ownerId: 'ana' })).toBe('allow');
  });
  it('partner and strangers get not-found, never forbidden', () => {
    expect(decideOwned(ben, { ownerId: 'ana' })).toBe('not-found');
    expect(decideOwned(cara, { ownerId: 'ana' })).toBe('not-found');
    expect(decideOwned(ana, undefined)).toBe('not-found');
  });
  it('signed out beats everything', () => {
    expect(decideOwned(null, { ownerId: 'ana' })).toBe('signed-out');
    expect(decideOwned(null, undefined)).toBe('signed-out');
  });
});

describe('decideInvite', () => {
  const invite = { createdBy: 'ana', spaceId: 'S1' };
  it('allows the creator while still in that space', () => {
    expect(decideInvite(ana, invite)).toBe('allow');
    expect(decideInvite(anaAlone, invite)).toBe('allow');
  });
  it('creator who moved to another space no longer manages it', () => {
    expect(decideInvite(anaLater, invite)).toBe('not-found');
  });
  it('partner in the same space cannot manage it', () => {
    expect(decideInvite(ben, invite)).toBe('not-found');
  });
  it('others and missing invites are not-found; signed-out is signed-out', () => {
    expect(decideInvite(cara, invite)).toBe('not-found');
    expect(decideInvite(ana, undefined)).toBe('not-found');
    expect(decideInvite(null, invite)).toBe('signed-out');
    expect(decideInvite(null, undefined)).toBe('signed-out');
  });
});

describe('canSeePerson', () => {
  it('sees self and current partner only', () => {
    expect(canSeePerson(ana, 'ana')).toBe(true);
    expect(canSeePerson(ana, 'ben')).toBe(true);
    expect(canSeePerson(ana, 'cara')).toBe(false);
    expect(canSeePerson(anaLater, 'ben')).toBe(false);
    expect(canSeePerson(anaLater, 'dan')).toBe(true);
    expect(canSeePerson(benAfterLeaving, 'ana')).toBe(false);
    expect(canSeePerson(benAfterLeaving, 'ben')).toBe(true);
  });
  it('a null partner does not match anything', () => {
    expect(canSeePerson(anaAlone, 'null')).toBe(false);
    expect(canSeePerson(anaAlone, '')).toBe(false);
  });
});

describe('joinRefusal', () => {
  const loner: Actor = { userId: 'fay', spaceId: 'S5', partnerId: null };
  it('accepts a person alone joining a space with one member', () => {
    expect(joinRefusal(loner, { createdBy: 'ana', spaceId: 'S1' }, ['ana'])).toBeNull();
  });
  it('refuses one’s own invite (by creator or by space)', () => {
    expect(joinRefusal(anaAlone, { createdBy: 'ana', spaceId: 'S1' }, ['ana'])).toBe('own-invite');
    expect(joinRefusal(loner, { createdBy: 'someone', spaceId: 'S5' }, ['ana'])).toBe('own-invite');
    expect(joinRefusal(anaLater, { createdBy: 'ana', spaceId: 'S1' }, ['ana'])).toBe('own-invite');
  });
  it('refuses someone who already shares a space', () => {
    expect(joinRefusal(cara, { createdBy: 'ana', spaceId: 'S1' }, ['ana'])).toBe('already-shared');
  });
  it('refuses a full space', () => {
    expect(joinRefusal(loner, { createdBy: 'ana', spaceId: 'S1' }, ['ana', 'ben'])).toBe('space-full');
    expect(joinRefusal(loner, { createdBy: 'ana', spaceId: 'S1' }, ['ana', 'ben', 'x'])).toBe('space-full');
  });
  it('refuses a space its maker has left, even when it has room', () => {
    expect(joinRefusal(loner, { createdBy: 'ana', spaceId: 'S1' }, [])).toBe('space-full');
    expect(joinRefusal(loner, { createdBy: 'ana', spaceId: 'S1' }, ['ben'])).toBe('space-full');
  });
  it('own-invite takes precedence over already-shared and space-full', () => {
    expect(joinRefusal(ana, { createdBy: 'ana', spaceId: 'S1' }, ['ana', 'ben'])).toBe('own-invite');
  });
  it('already-shared takes precedence over space-full', () => {
    expect(joinRefusal(cara, { createdBy: 'ana', spaceId: 'S1' }, ['ana', 'ben'])).toBe('already-shared');
  });
});

describe('access policy properties', () => {
  // Small pools so that collisions (same user, same space, partner = author) actually happen.
  const userId = fc.constantFrom('u1', 'u2', 'u3', 'u4');
  const spaceId = fc.constantFrom('s1', 's2', 's3');
  const actorArb: fc.Arbitrary<Actor> = fc.record({
    userId,
    spaceId,
    partnerId: fc.option(userId, { nil: null }),
  });
  const itemArb: fc.Arbitrary<AuthoredItem> = fc.record({
    authorId: userId,
    spaceId,
    visibility: fc.constantFrom('private' as const, 'couple' as const),
  });
  const action = fc.constantFrom('read' as const, 'change' as const);

  it('never allows a non-author to read or change a private item', () => {
    fc.assert(
      fc.property(actorArb, itemArb, action, (actor, item, act) => {
        fc.pre(item.visibility === 'private' && item.authorId !== actor.userId);
        expect(decideItem(actor, item, act)).not.toBe('allow');
        expect(decideItem(actor, item, act)).toBe('not-found');
      }),
    );
  });

  it('answers forbidden only when the actor can see the item', () => {
    fc.assert(
      fc.property(actorArb, itemArb, action, (actor, item, act) => {
        if (decideItem(actor, item, act) === 'forbidden') {
          expect(canSeeItem(actor, item)).toBe(true);
          expect(act).toBe('change');
        }
      }),
    );
  });

  it('canChangeItem implies canSeeItem', () => {
    fc.assert(
      fc.property(actorArb, itemArb, (actor, item) => {
        if (canChangeItem(actor, item)) expect(canSeeItem(actor, item)).toBe(true);
      }),
    );
  });

  it('decideItem agrees with canSeeItem/canChangeItem and signed-out always wins', () => {
    fc.assert(
      fc.property(fc.option(actorArb, { nil: null }), fc.option(itemArb, { nil: undefined }), action, (actor, item, act) => {
        const d = decideItem(actor, item, act);
        if (actor === null) return d === 'signed-out';
        if (item === undefined) return d === 'not-found';
        const expected = !canSeeItem(actor, item)
          ? 'not-found'
          : act === 'change' && !canChangeItem(actor, item)
            ? 'forbidden'
            : 'allow';
        return d === expected;
      }),
    );
  });

  it('a non-author sees an item only if it is a couple item by their partner in their space', () => {
    fc.assert(
      fc.property(actorArb, itemArb, (actor, item) => {
        fc.pre(item.authorId !== actor.userId);
        const seen = canSeeItem(actor, item);
        return seen === (item.visibility === 'couple' && actor.partnerId === item.authorId && actor.spaceId === item.spaceId);
      }),
    );
  });
});

describe('commitments: two sides, one each', () => {
  // Ana acts for Ben in S1.
  const anaForBen: CommitmentFacts = { authorId: 'ana', receiverId: 'ben', spaceId: 'S1', visibility: 'couple' };
  type CommitmentRow = [name: string, actor: Actor | null, read: Decision, actorSide: Decision, receiverSide: Decision];
  const rows: CommitmentRow[] = [
    ['the actor reads, marks and changes; the receiver side is not hers', ana, 'allow', 'allow', 'forbidden'],
    ['the receiver reads and acknowledges; the actor side is not his', ben, 'allow', 'forbidden', 'allow'],
    ['another couple sees nothing', cara, 'not-found', 'not-found', 'not-found'],
    ['the receiver after leaving sees nothing', benAfterLeaving, 'not-found', 'not-found', 'not-found'],
    ['a later partner never sees it', danNewPartner, 'not-found', 'not-found', 'not-found'],
    ['the actor keeps it after the space closed (the service refuses changes there)', anaLater, 'allow', 'allow', 'forbidden'],
    ['signed out', null, 'signed-out', 'signed-out', 'signed-out'],
  ];
  it.each(rows)('%s', (_name, actor, read, actorSide, receiverSide) => {
    expect(decideCommitmentRead(actor, anaForBen)).toBe(read);
    expect(decideCommitmentWrite(actor, anaForBen, 'actor')).toBe(actorSide);
    expect(decideCommitmentWrite(actor, anaForBen, 'receiver')).toBe(receiverSide);
  });

  it('a missing commitment answers like a hidden one', () => {
    expect(decideCommitmentRead(ana, undefined)).toBe('not-found');
    expect(decideCommitmentWrite(ben, undefined, 'receiver')).toBe('not-found');
  });

  it('a partner who is not the receiver does not see it, even in the same space', () => {
    const odd: CommitmentFacts = { ...anaForBen, receiverId: 'someone-else' };
    expect(decideCommitmentRead(ben, odd)).toBe('not-found');
  });
});

describe('closeness: question days and revealed pairs', () => {
  const day = (facts: Partial<QuestionDayFacts>): QuestionDayFacts => ({
    spaceId: 'S1',
    day: '2026-03-02',
    offeredToActor: false,
    answerSeenByActor: false,
    ...facts,
  });

  it('a question day is a member’s once offered to them, up to their today', () => {
    expect(decideQuestionDay(ana, day({ offeredToActor: true }), '2026-03-02')).toBe('allow');
    expect(decideQuestionDay(ana, day({ offeredToActor: true }), '2026-03-09')).toBe('allow');
    // Offered on a later date than today where she is now (she moved zones): not hers yet.
    expect(decideQuestionDay(ana, day({ offeredToActor: true }), '2026-03-01')).toBe('not-found');
    // Chosen because her partner asked for it, never shown to her: like a missing question.
    expect(decideQuestionDay(ana, day({}), '2026-03-02')).toBe('not-found');
    expect(decideQuestionDay(ana, undefined, '2026-03-02')).toBe('not-found');
  });

  it('an answer she can see makes the day hers; another space’s day never is', () => {
    expect(decideQuestionDay(ana, day({ answerSeenByActor: true }), '2026-03-01')).toBe('allow');
    expect(decideQuestionDay(cara, day({ offeredToActor: true, answerSeenByActor: true }), '2026-03-02')).toBe('not-found');
    expect(decideQuestionDay(anaLater, day({ offeredToActor: true, answerSeenByActor: true }), '2026-03-02')).toBe('not-found');
    expect(decideQuestionDay(null, day({ offeredToActor: true }), '2026-03-02')).toBe('signed-out');
  });

  const answer = (authorId: string, revealed: boolean, visibility: 'private' | 'couple' = revealed ? 'couple' : 'private') =>
    ({ authorId, spaceId: 'S1', visibility, revealed }) satisfies PairAnswerFacts;

  it('responses need both answers, both revealed, in the space shared now', () => {
    expect(decideRevealedPair(ana, answer('ana', true), answer('ben', true))).toBe('allow');
    expect(decideRevealedPair(ben, answer('ben', true), answer('ana', true))).toBe('allow');
    // Before the reveal, alone, or the partner's answer missing: all answer like a missing question.
    expect(decideRevealedPair(ana, answer('ana', false), undefined)).toBe('not-found');
    expect(decideRevealedPair(ana, answer('ana', false), answer('ben', false))).toBe('not-found');
    expect(decideRevealedPair(ana, undefined, answer('ben', true))).toBe('not-found');
    // Shown by sharing, but not yet a pair: still no responses.
    expect(decideRevealedPair(ana, answer('ana', false, 'couple'), answer('ben', false, 'couple'))).toBe('not-found');
    // Someone else's pair, a former partner's, or the wrong way round.
    expect(decideRevealedPair(cara, answer('ana', true), answer('ben', true))).toBe('not-found');
    expect(decideRevealedPair(anaLater, answer('ana', true), answer('ben', true))).toBe('not-found');
    expect(decideRevealedPair(ana, answer('ben', true), answer('ana', true))).toBe('not-found');
    expect(decideRevealedPair(null, answer('ana', true), answer('ben', true))).toBe('signed-out');
  });
});
