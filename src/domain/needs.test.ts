import { describe, expect, it } from 'vitest';
import type { Actor } from './access-policy';
import {
  isNeedState,
  isShared,
  NEED_ACTIONS,
  NEED_STATES,
  type NeedRole,
  type NeedState,
  needRole,
  nextNeedState,
  waitingOn,
} from './needs';

const ok = (state: NeedState | 'deleted') => ({ ok: true, state });
const refused = (reason: 'not-your-part' | 'not-now') => ({ ok: false, reason });

describe('nextNeedState: the happy paths', () => {
  it('a draft is shared by its author, then accepted as written by the partner', () => {
    expect(nextNeedState('draft', 'share', 'author')).toEqual(ok('shared'));
    expect(nextNeedState('shared', 'accept', 'partner')).toEqual(ok('agreed'));
  });

  it('a proposed change goes back and forth until one side accepts the other’s latest proposal', () => {
    expect(nextNeedState('shared', 'propose', 'partner')).toEqual(ok('partner-proposed'));
    expect(nextNeedState('partner-proposed', 'propose', 'author')).toEqual(ok('author-proposed'));
    expect(nextNeedState('author-proposed', 'propose', 'partner')).toEqual(ok('partner-proposed'));
    expect(nextNeedState('partner-proposed', 'accept-proposal', 'author')).toEqual(ok('agreed'));
    expect(nextNeedState('author-proposed', 'accept-proposal', 'partner')).toEqual(ok('agreed'));
  });

  it('the partner can decline a shared need or the author’s counter-proposal; the author can share it again', () => {
    expect(nextNeedState('shared', 'decline', 'partner')).toEqual(ok('declined'));
    expect(nextNeedState('author-proposed', 'decline', 'partner')).toEqual(ok('declined'));
    expect(nextNeedState('declined', 'edit', 'author')).toEqual(ok('declined'));
    expect(nextNeedState('declined', 'share', 'author')).toEqual(ok('shared'));
  });

  it('the author edits a draft or a shared need that is not in the middle of a proposal', () => {
    expect(nextNeedState('draft', 'edit', 'author')).toEqual(ok('draft'));
    expect(nextNeedState('shared', 'edit', 'author')).toEqual(ok('shared'));
    expect(nextNeedState('partner-proposed', 'edit', 'author')).toEqual(refused('not-now'));
    expect(nextNeedState('agreed', 'edit', 'author')).toEqual(refused('not-now'));
  });
});

describe('nextNeedState: who may not', () => {
  it('the author never answers their own need, except by answering a proposal', () => {
    expect(nextNeedState('shared', 'accept', 'author')).toEqual(refused('not-your-part'));
    expect(nextNeedState('shared', 'propose', 'author')).toEqual(refused('not-your-part'));
    expect(nextNeedState('shared', 'decline', 'author')).toEqual(refused('not-your-part'));
    expect(nextNeedState('author-proposed', 'accept-proposal', 'author')).toEqual(refused('not-your-part'));
    expect(nextNeedState('author-proposed', 'propose', 'author')).toEqual(refused('not-your-part'));
  });

  it('the partner never edits, shares or deletes the author’s words, and never accepts their own proposal', () => {
    for (const state of NEED_STATES) {
      for (const action of ['edit', 'share', 'delete'] as const) {
        const outcome = nextNeedState(state, action, 'partner');
        expect(outcome.ok, `${state} ${action}`).toBe(false);
      }
    }
    expect(nextNeedState('partner-proposed', 'accept-proposal', 'partner')).toEqual(refused('not-your-part'));
    expect(nextNeedState('partner-proposed', 'propose', 'partner')).toEqual(refused('not-your-part'));
  });

  it('nothing but deleting happens to an agreement, and nothing is answered before it is shared', () => {
    for (const action of NEED_ACTIONS) {
      if (action === 'delete') continue;
      for (const role of ['author', 'partner'] as NeedRole[]) {
        expect(nextNeedState('agreed', action, role), `${action} ${role}`).toEqual(refused('not-now'));
      }
    }
    for (const action of ['accept', 'propose', 'decline', 'accept-proposal'] as const) {
      expect(nextNeedState('draft', action, 'partner')).toEqual(refused('not-now'));
    }
  });

  it('the author can delete their need in every state', () => {
    for (const state of NEED_STATES) expect(nextNeedState(state, 'delete', 'author')).toEqual(ok('deleted'));
  });
});

describe('invariants over every state, action and role', () => {
  it('a refusal is "not-your-part" exactly when the other role may do it now', () => {
    for (const state of NEED_STATES) {
      for (const action of NEED_ACTIONS) {
        const byAuthor = nextNeedState(state, action, 'author');
        const byPartner = nextNeedState(state, action, 'partner');
        // At most one role may do any one thing in any one state.
        expect(byAuthor.ok && byPartner.ok).toBe(false);
        if (!byAuthor.ok) expect(byAuthor.reason).toBe(byPartner.ok ? 'not-your-part' : 'not-now');
        if (!byPartner.ok) expect(byPartner.reason).toBe(byAuthor.ok ? 'not-your-part' : 'not-now');
      }
    }
  });

  it('only the author moves a need out of draft, and a shared need never returns to draft', () => {
    for (const state of NEED_STATES) {
      for (const action of NEED_ACTIONS) {
        for (const role of ['author', 'partner'] as NeedRole[]) {
          const outcome = nextNeedState(state, action, role);
          if (!outcome.ok) continue;
          if (state === 'draft' && outcome.state !== 'draft') expect(role).toBe('author');
          if (state !== 'draft') expect(outcome.state).not.toBe('draft');
        }
      }
    }
  });

  it('whenever a need waits on someone, that someone has a move that ends the wait', () => {
    for (const state of NEED_STATES) {
      const role = waitingOn(state);
      if (!role) continue;
      const moves = NEED_ACTIONS.map((a) => nextNeedState(state, a, role)).filter((o) => o.ok && o.state !== state);
      expect(moves.length, state).toBeGreaterThan(0);
    }
  });
});

describe('helpers', () => {
  it('says whose answer a need waits for', () => {
    expect(waitingOn('draft')).toBeNull();
    expect(waitingOn('shared')).toBe('partner');
    expect(waitingOn('partner-proposed')).toBe('author');
    expect(waitingOn('author-proposed')).toBe('partner');
    expect(waitingOn('agreed')).toBeNull();
    expect(waitingOn('declined')).toBeNull();
  });

  it('knows shared states and its own state names', () => {
    expect(isShared('draft')).toBe(false);
    expect(NEED_STATES.filter(isShared)).toHaveLength(5);
    expect(isNeedState('agreed')).toBe(true);
    expect(isNeedState('pending')).toBe(false);
  });

  it('gives the role through the access policy: author, the partner on a shared need, or no one', () => {
    const alex: Actor = { userId: 'a', spaceId: 's', partnerId: 'b' };
    const sam: Actor = { userId: 'b', spaceId: 's', partnerId: 'a' };
    const stranger: Actor = { userId: 'c', spaceId: 't', partnerId: null };
    const shared = { authorId: 'a', spaceId: 's', visibility: 'couple' as const };
    const draft = { ...shared, visibility: 'private' as const };
    expect(needRole(alex, shared)).toBe('author');
    expect(needRole(sam, shared)).toBe('partner');
    expect(needRole(sam, draft)).toBeNull();
    expect(needRole(stranger, shared)).toBeNull();
    // After leaving, the former partner is in a new space: the need leaves their view.
    expect(needRole({ userId: 'b', spaceId: 'u', partnerId: null }, shared)).toBeNull();
    expect(needRole({ userId: 'a', spaceId: 'v', partnerId: null }, shared)).toBe('author');
  });
});
