import { describe, expect, it } from 'vitest';
import { findStep, JOURNEY_STEPS, nextUsefulThing, PRIVATE_PLACES, type SpaceState } from './journey';

const allStates: SpaceState[] = [];
for (const hasPartner of [false, true])
  for (const hasOpenInvite of [false, true])
    for (const noticePending of [false, true]) allStates.push({ hasPartner, hasOpenInvite, noticePending });

describe('journey steps', () => {
  it('lists steps 0 to 7 in order, with the names from the design', () => {
    expect(JOURNEY_STEPS.map((s) => s.number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(JOURNEY_STEPS.map((s) => s.title)).toEqual([
      'Understand',
      'Talk',
      'Why',
      'Needs',
      'Act',
      'Patience',
      'Help',
      'Closeness',
    ]);
  });

  it('has the two private places, both private', () => {
    expect(PRIVATE_PLACES.map((p) => p.title)).toEqual(['Is it working?', 'For me']);
    expect(PRIVATE_PLACES.every((p) => p.mode === 'private')).toBe(true);
  });

  it('uses unique slugs that findStep resolves', () => {
    const all = [...JOURNEY_STEPS, ...PRIVATE_PLACES];
    expect(new Set(all.map((s) => s.slug)).size).toBe(all.length);
    for (const s of all) expect(findStep(s.slug)).toBe(s);
    expect(findStep('nope')).toBeUndefined();
  });

  it('marks as built only the steps that have a real screen, so the app cannot show pretend content', () => {
    const built = [...JOURNEY_STEPS, ...PRIVATE_PLACES].filter((s) => s.built).map((s) => s.slug);
    expect(built).toEqual(expect.arrayContaining(['understand']));
    for (const slug of built)
      expect([
        'understand',
        'talk',
        'why',
        'needs',
        'act',
        'support',
        'is-it-working',
        'patience',
        'closeness',
        'for-me',
      ]).toContain(slug);
  });
});

describe('nextUsefulThing', () => {
  it('suggests inviting the partner to a solo person, and says what works alone', () => {
    const next = nextUsefulThing({ hasPartner: false, hasOpenInvite: false, noticePending: false });
    expect(next.kind).toBe('invite-partner');
    expect(next.action?.href).toBe('/invite');
    expect(next.body).toMatch(/on your own/);
  });

  it('says the invite is waiting when one is open', () => {
    const next = nextUsefulThing({ hasPartner: false, hasOpenInvite: true, noticePending: false });
    expect(next.kind).toBe('waiting-for-partner');
    expect(next.body).toMatch(/new one/);
  });

  it('once partnered, invites going at their own pace and names only the steps not built yet', () => {
    const next = nextUsefulThing({ hasPartner: true, hasOpenInvite: false, noticePending: false });
    expect(next.kind).toBe('together-at-your-pace');
    expect(next.action?.href).toBe('/act');
    for (const step of JOURNEY_STEPS) {
      if (step.built) expect(next.body).not.toContain(`${step.title},`);
      else expect(next.body).toContain(step.title);
    }
  });

  it('does not push a new invite right after a shared space was closed', () => {
    for (const hasOpenInvite of [false, true]) {
      const next = nextUsefulThing({ hasPartner: false, hasOpenInvite, noticePending: true });
      expect(next.kind).toBe('space-closed');
      expect(next.action?.href).not.toBe('/invite');
    }
  });

  it('never uses exclamation marks, streak pressure or "should" in any state', () => {
    for (const state of allStates) {
      const { title, body, action } = nextUsefulThing(state);
      const text = `${title} ${body} ${action?.label ?? ''}`;
      expect(text).not.toMatch(/!|streak|should|must/i);
    }
  });
});
