/**
 * What a reader from outside a couple (the therapist they invited, or the summary they print) may be
 * shown of it: its couple items, and nothing else. Pure: no I/O.
 *
 * The rule is the access policy's own, applied from each partner's side: a thing one partner wrote is
 * a couple item exactly when the OTHER partner, sharing the space it was written in, may see it
 * (`canSeeItem`). So a draft, a private check-in, an unrevealed mark or answer (all 'private') never
 * qualify, and neither does anything written in another space or by anyone else.
 */
import { type Actor, type AuthoredItem, canSeeItem } from './access-policy.js';

/** A couple as its shared things are read from outside: one space and its active members (two, or fewer when alone). */
export interface Couple {
  spaceId: string;
  memberIds: readonly string[];
}

/** A member as the access policy sees them while both share the space. */
export function memberActor(couple: Couple, userId: string): Actor {
  const partnerId = couple.memberIds.find((id) => id !== userId) ?? null;
  return { userId, spaceId: couple.spaceId, partnerId };
}

/** True only for a thing one member wrote that the other member may see in the couple's space. */
export function isCoupleItem(couple: Couple, item: AuthoredItem): boolean {
  if (couple.memberIds.length !== 2 || !couple.memberIds.includes(item.authorId)) return false;
  const other = couple.memberIds.find((id) => id !== item.authorId);
  if (other === undefined) return false;
  return canSeeItem(memberActor(couple, other), item);
}
