import { describe, expect, it } from 'vitest';
import {
  conversationSeat,
  initialTurnState,
  nextTurnState,
  parseTurnState,
  roleOf,
  type Seat,
  TALK_ACTIONS,
  TALK_PHASES,
  type TalkAction,
  type TurnState,
  turnSeat,
  whoseTurn,
} from './conversation.js';

function run(steps: [TalkAction, Seat][], from: TurnState = initialTurnState()): TurnState {
  let state = from;
  for (const [action, seat] of steps) {
    const out = nextTurnState(state, action, seat);
    if (!out.ok) throw new Error(`${action} by ${seat} refused: ${out.reason} in ${state.phase}`);
    state = out.state;
  }
  return state;
}

describe('nextTurnState', () => {
  it('starts with the starter sharing', () => {
    const s = initialTurnState();
    expect(s.phase).toBe('share');
    expect(whoseTurn(s)).toBe('starter');
    expect(roleOf(s, 'starter')).toBe('speaker');
    expect(roleOf(s, 'partner')).toBe('listener');
  });

  it('goes share → reflect → confirm, then switches roles', () => {
    const s = run([
      ['share', 'starter'],
      ['reflect', 'partner'],
      ['confirm', 'starter'],
    ]);
    expect(s).toMatchObject({ phase: 'share', speaker: 'partner', rounds: 1 });
    expect(whoseTurn(s)).toBe('partner');
  });

  it('a clarification goes back to the listener to reflect again', () => {
    const s = run([
      ['share', 'starter'],
      ['reflect', 'partner'],
      ['clarify', 'starter'],
    ]);
    expect(s).toMatchObject({ phase: 'reflect', speaker: 'starter', rounds: 0 });
    expect(whoseTurn(s)).toBe('partner');
  });

  it("refuses the other person's step as not-your-turn", () => {
    const s = initialTurnState();
    expect(nextTurnState(s, 'share', 'partner')).toEqual({ ok: false, reason: 'not-your-turn' });
    const reflecting = run([['share', 'starter']]);
    expect(nextTurnState(reflecting, 'reflect', 'starter')).toEqual({ ok: false, reason: 'not-your-turn' });
    const confirming = run([['reflect', 'partner']], reflecting);
    expect(nextTurnState(confirming, 'confirm', 'partner')).toEqual({ ok: false, reason: 'not-your-turn' });
    expect(nextTurnState(confirming, 'clarify', 'partner')).toEqual({ ok: false, reason: 'not-your-turn' });
  });

  it('refuses a step that does not fit the phase as not-now', () => {
    const s = initialTurnState();
    expect(nextTurnState(s, 'reflect', 'partner')).toEqual({ ok: false, reason: 'not-now' });
    expect(nextTurnState(s, 'confirm', 'starter')).toEqual({ ok: false, reason: 'not-now' });
    expect(nextTurnState(s, 'resume', 'starter')).toEqual({ ok: false, reason: 'not-now' });
    expect(nextTurnState(s, 'takeaway', 'starter')).toEqual({ ok: false, reason: 'not-now' });
  });

  it('pauses from any open phase and resumes where it stopped, by either person', () => {
    const reflecting = run([['share', 'starter']]);
    const paused = run([['pause', 'partner']], reflecting);
    expect(paused).toMatchObject({ phase: 'paused', resumeTo: 'reflect' });
    expect(whoseTurn(paused)).toBeNull();
    expect(nextTurnState(paused, 'share', 'starter')).toEqual({ ok: false, reason: 'not-now' });
    expect(nextTurnState(paused, 'pause', 'starter')).toEqual({ ok: false, reason: 'not-now' });
    const resumed = run([['resume', 'starter']], paused);
    expect(resumed).toMatchObject({ phase: 'reflect', resumeTo: null });
    expect(whoseTurn(resumed)).toBe('partner');
  });

  it('closes, then ends once each has written one takeaway', () => {
    const closing = run([
      ['share', 'starter'],
      ['pause', 'starter'],
      ['close', 'partner'],
    ]);
    expect(closing.phase).toBe('closing');
    expect(nextTurnState(closing, 'share', 'starter')).toEqual({ ok: false, reason: 'not-now' });
    const half = run([['takeaway', 'partner']], closing);
    expect(half.phase).toBe('closing');
    expect(nextTurnState(half, 'takeaway', 'partner')).toEqual({ ok: false, reason: 'not-now' });
    const ended = run([['takeaway', 'starter']], half);
    expect(ended.phase).toBe('ended');
    for (const action of TALK_ACTIONS) {
      for (const seat of ['starter', 'partner'] as const) expect(nextTurnState(ended, action, seat).ok).toBe(false);
    }
  });

  it('never lets the same person both speak and listen, across many random walks', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let walk = 0; walk < 200; walk++) {
      let s = initialTurnState();
      for (let i = 0; i < 40; i++) {
        const action = TALK_ACTIONS[rand(TALK_ACTIONS.length)] as TalkAction;
        const seat: Seat = rand(2) === 0 ? 'starter' : 'partner';
        const out = nextTurnState(s, action, seat);
        if (!out.ok) continue;
        const before = s;
        s = out.state;
        expect(TALK_PHASES).toContain(s.phase);
        // Words come only from the person whose step it was.
        if (action === 'share' || action === 'clarify' || action === 'confirm') expect(before.speaker).toBe(seat);
        if (action === 'reflect') expect(before.speaker).not.toBe(seat);
        expect(s.rounds).toBeGreaterThanOrEqual(before.rounds);
      }
    }
  });
});

describe('parseTurnState', () => {
  it('reads back what it stored and refuses anything else', () => {
    const s = run([
      ['share', 'starter'],
      ['pause', 'starter'],
    ]);
    expect(parseTurnState(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(() => parseTurnState({ phase: 'dancing' })).toThrow();
    expect(() => parseTurnState(null)).toThrow();
  });
});

describe('conversationSeat and turnSeat', () => {
  const a = { userId: 'a', spaceId: 's', partnerId: 'b' };
  const b = { userId: 'b', spaceId: 's', partnerId: 'a' };
  const c = { userId: 'c', spaceId: 't', partnerId: null };
  const talk = { authorId: 'a', spaceId: 's', visibility: 'couple' as const };
  it('gives the starter and the partner their seats, and no one else any', () => {
    expect(conversationSeat(a, talk)).toBe('starter');
    expect(conversationSeat(b, talk)).toBe('partner');
    expect(conversationSeat(c, talk)).toBeNull();
    expect(conversationSeat(b, { ...talk, visibility: 'private' })).toBeNull();
  });
  it('keeps the seat of a partner who wrote in it, after leaving', () => {
    const bAfterLeaving = { userId: 'b', spaceId: 'u', partnerId: null };
    expect(conversationSeat(bAfterLeaving, talk)).toBeNull();
    expect(conversationSeat(bAfterLeaving, talk, ['a', 'b'])).toBe('partner');
    expect(conversationSeat(c, talk, ['a', 'b'])).toBeNull();
  });
  it('lets only the owner of one device record for the partner', () => {
    expect(turnSeat('one-device', 'starter', true)).toBe('partner');
    expect(turnSeat('one-device', 'partner', true)).toBeNull();
    expect(turnSeat('two-devices', 'starter', true)).toBeNull();
    expect(turnSeat('two-devices', 'partner', false)).toBe('partner');
  });
});
