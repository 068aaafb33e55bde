import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSeeItem } from './access-policy.js';
import { type Couple, isCoupleItem, memberActor } from './couple-items.js';

const couple: Couple = { spaceId: 's1', memberIds: ['a', 'b'] };

describe('couple items', () => {
  it('are the shared things either member wrote in the space they share', () => {
    expect(isCoupleItem(couple, { authorId: 'a', spaceId: 's1', visibility: 'couple' })).toBe(true);
    expect(isCoupleItem(couple, { authorId: 'b', spaceId: 's1', visibility: 'couple' })).toBe(true);
  });

  it('never include a private thing, another space, or someone outside the couple', () => {
    expect(isCoupleItem(couple, { authorId: 'a', spaceId: 's1', visibility: 'private' })).toBe(false);
    expect(isCoupleItem(couple, { authorId: 'b', spaceId: 's1', visibility: 'private' })).toBe(false);
    expect(isCoupleItem(couple, { authorId: 'a', spaceId: 's2', visibility: 'couple' })).toBe(false);
    expect(isCoupleItem(couple, { authorId: 'c', spaceId: 's1', visibility: 'couple' })).toBe(false);
  });

  it('need two members: a person alone has no couple items', () => {
    const alone: Couple = { spaceId: 's1', memberIds: ['a'] };
    expect(isCoupleItem(alone, { authorId: 'a', spaceId: 's1', visibility: 'couple' })).toBe(false);
  });

  it('are exactly what the other member may see (property)', () => {
    const id = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(
        id,
        fc.constantFrom('s1', 's2'),
        fc.constantFrom('private' as const, 'couple' as const),
        (authorId, spaceId, visibility) => {
          const item = { authorId, spaceId, visibility };
          const seenByOther = ['a', 'b'].some((m) => m !== authorId && canSeeItem(memberActor(couple, m), item));
          const member = authorId === 'a' || authorId === 'b';
          expect(isCoupleItem(couple, item)).toBe(member && seenByOther);
          // And never a private thing, whoever looks.
          if (visibility === 'private') expect(isCoupleItem(couple, item)).toBe(false);
        },
      ),
    );
  });
});
