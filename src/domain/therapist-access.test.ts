import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accessState,
  canAcceptInvite,
  canManageAccess,
  consentGrants,
  consentRefusal,
  decideTherapistView,
  firstNameOf,
  THERAPIST_VIEWS,
  type TherapistAccessFacts,
  type TherapistView,
  viewsBothIncluded,
} from './therapist-access.js';

const NOW = '2026-12-06T12:00:00.000Z';
const base: TherapistAccessFacts = {
  spaceId: 's1',
  therapistId: 't1',
  memberIds: ['a', 'b'],
  consents: [
    { userId: 'a', include: ['agreements', 'commitments', 'figures', 'checkins'] },
    { userId: 'b', include: ['agreements', 'figures', 'checkins', 'closeness'] },
  ],
  accessUntil: '2027-03-06T12:00:00.000Z',
  revokedAt: null,
  endedAt: null,
};

describe('therapist access', () => {
  it('is active only with the therapist in and both current members consenting', () => {
    expect(accessState(base, NOW)).toBe('active');
    expect(accessState({ ...base, therapistId: null }, NOW)).toBe('waiting');
    expect(accessState({ ...base, consents: base.consents.slice(0, 1) }, NOW)).toBe('waiting');
    // A consent from someone no longer a member does not count.
    expect(accessState({ ...base, memberIds: ['a', 'c'] }, NOW)).toBe('waiting');
  });

  it('ends on revocation, on the chosen date (exactly then), and when the space is left', () => {
    expect(accessState({ ...base, revokedAt: NOW }, NOW)).toBe('revoked');
    expect(accessState(base, '2027-03-06T11:59:59.999Z')).toBe('active');
    expect(accessState(base, '2027-03-06T12:00:00.000Z')).toBe('expired');
    expect(accessState({ ...base, endedAt: NOW }, NOW)).toBe('ended');
    expect(accessState({ ...base, memberIds: ['a'] }, NOW)).toBe('ended');
  });

  it('shows a view only when both partners included it', () => {
    expect(viewsBothIncluded(base)).toEqual(['agreements', 'figures', 'checkins']);
    expect(decideTherapistView('t1', base, 'figures', NOW)).toBe('allow');
    expect(decideTherapistView('t1', base, 'commitments', NOW)).toBe('not-found');
    expect(decideTherapistView('t1', base, 'closeness', NOW)).toBe('not-found');
  });

  it('answers not-found for another therapist, a missing access, and any state but active', () => {
    expect(decideTherapistView('t2', base, 'figures', NOW)).toBe('not-found');
    expect(decideTherapistView('t1', undefined, 'figures', NOW)).toBe('not-found');
    expect(decideTherapistView('t1', { ...base, revokedAt: NOW }, 'figures', NOW)).toBe('not-found');
    expect(decideTherapistView('t1', base, 'figures', base.accessUntil)).toBe('not-found');
  });

  it('lets only the members of the space manage it', () => {
    expect(canManageAccess('a', 's1', base)).toBe(true);
    expect(canManageAccess('a', 's2', base)).toBe(false);
    expect(canManageAccess('c', 's1', base)).toBe(false);
    expect(canManageAccess('a', 's1', undefined)).toBe(false);
  });

  it('never shows a view one partner left out, whatever the other included (property)', () => {
    const views = fc.subarray([...THERAPIST_VIEWS]);
    fc.assert(
      fc.property(views, views, fc.constantFrom(...THERAPIST_VIEWS), (a: TherapistView[], b: TherapistView[], view) => {
        const access = {
          ...base,
          consents: [
            { userId: 'a', include: a },
            { userId: 'b', include: b },
          ],
        };
        const allowed = decideTherapistView('t1', access, view, NOW) === 'allow';
        return allowed === (a.includes(view) && b.includes(view));
      }),
    );
  });

  it('expires an invitation nobody accepted once its link lapsed, but not an accepted one', () => {
    const link = { ...base, therapistId: null, inviteExpiresAt: '2026-12-20T12:00:00.000Z' };
    expect(accessState(link, NOW)).toBe('waiting');
    expect(accessState(link, '2026-12-20T12:00:00.000Z')).toBe('expired');
    expect(accessState({ ...link, therapistId: 't1' }, '2026-12-20T12:00:00.000Z')).toBe('active');
  });

  it('lets an invitation be accepted while it waits, by one therapist only', () => {
    const link = { ...base, therapistId: null, consents: [], inviteExpiresAt: '2026-12-20T12:00:00.000Z' };
    expect(canAcceptInvite(link, null, NOW)).toBe(true);
    expect(canAcceptInvite(link, 't2', NOW)).toBe(true);
    expect(canAcceptInvite(link, 't2', '2026-12-20T12:00:00.000Z')).toBe(false);
    expect(canAcceptInvite({ ...link, therapistId: 't1' }, 't1', NOW)).toBe(true);
    expect(canAcceptInvite({ ...link, therapistId: 't1' }, 't2', NOW)).toBe(false);
    expect(canAcceptInvite({ ...link, therapistId: 't1' }, null, NOW)).toBe(false);
    expect(canAcceptInvite({ ...link, revokedAt: NOW }, 't2', NOW)).toBe(false);
    expect(canAcceptInvite({ ...link, endedAt: NOW }, 't2', NOW)).toBe(false);
    expect(canAcceptInvite(undefined, 't2', NOW)).toBe(false);
    // Accepting again is harmless for the one who holds it, whatever the consents; never for another.
    expect(canAcceptInvite(base, 't1', NOW)).toBe(true);
    expect(canAcceptInvite(base, 't2', NOW)).toBe(false);
    expect(canAcceptInvite(base, 't1', base.accessUntil)).toBe(false);
  });

  it('takes consent while an access waits or is active, never once it is over', () => {
    expect(consentRefusal(base, NOW)).toBeNull();
    expect(consentRefusal({ ...base, therapistId: null }, NOW)).toBeNull();
    expect(consentRefusal({ ...base, revokedAt: NOW }, NOW)).toBe('closed');
    expect(consentRefusal(base, base.accessUntil)).toBe('closed');
    expect(consentRefusal({ ...base, endedAt: NOW }, NOW)).toBe('closed');
  });

  it('names a partner to the therapist by the first word of their name', () => {
    expect(firstNameOf('  Ana María López ')).toBe('Ana');
    expect(firstNameOf('Sam')).toBe('Sam');
  });
});

describe('consentGrants (decision 024: granting needs a fresh re-authentication)', () => {
  it('a first consent grants, even an empty one', () => {
    expect(consentGrants(null, ['agreements'])).toBe(true);
    expect(consentGrants(null, [])).toBe(true);
  });

  it('adding a kind grants; keeping or taking away does not', () => {
    expect(consentGrants(['agreements'], ['agreements', 'figures'])).toBe(true);
    expect(consentGrants(['agreements', 'figures'], ['closeness'])).toBe(true);
    expect(consentGrants(['agreements', 'figures'], ['figures', 'agreements'])).toBe(false);
    expect(consentGrants(['agreements', 'figures'], ['figures'])).toBe(false);
    expect(consentGrants(['agreements'], [])).toBe(false);
  });

  it('grants exactly when the new choice holds a kind the old one did not', () => {
    const views = fc.subarray([...THERAPIST_VIEWS]);
    fc.assert(
      fc.property(views, views, (before, after) => {
        const added = after.filter((v) => !before.includes(v));
        expect(consentGrants(before, after)).toBe(added.length > 0);
      }),
    );
  });
});
