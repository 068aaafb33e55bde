import { describe, expect, it } from 'vitest';
import { type HomeFacts, nextStepTogether, trendInAWord, weekWords } from './home-journey';

const base: HomeFacts = {
  hasPartner: true,
  partnerName: 'Kit',
  begun: ['understand', 'talk', 'why', 'needs', 'act', 'patience'],
  toMark: 0,
  toAcknowledge: 0,
  checkedInToday: true,
  pulseAnsweredThisWeek: true,
  thisWeek: { mine: { due: 0, done: 0, noticed: 0 }, partners: { due: 0, done: 0, noticed: 0 } },
  trend: 'too-early',
};

describe('home: the one next thing worth doing', () => {
  it('puts what the partner did first, then what is open today', () => {
    expect(nextStepTogether({ ...base, toAcknowledge: 1, toMark: 2 }).action.href).toBe('/act');
    expect(nextStepTogether({ ...base, toAcknowledge: 1 }).title).toBe('Kit did something for you');
    expect(nextStepTogether({ ...base, toMark: 1 }).title).toBe('Something of yours is open today');
  });

  it('offers the first step not begun yet, in journey order', () => {
    expect(nextStepTogether({ ...base, begun: [] }).action.href).toBe('/understand');
    expect(nextStepTogether({ ...base, begun: ['understand'] }).action.href).toBe('/talk/prepare');
    expect(nextStepTogether({ ...base, begun: ['understand', 'talk'] }).action.href).toBe('/needs');
    expect(nextStepTogether({ ...base, begun: ['understand', 'talk', 'needs'] }).action.href).toBe('/act/new');
  });

  it('then today’s check-in, this week’s pulse, and otherwise Patience', () => {
    expect(nextStepTogether({ ...base, checkedInToday: false }).action.href).toBe('/checkin');
    expect(nextStepTogether({ ...base, pulseAnsweredThisWeek: false }).action.href).toBe('/pulse');
    expect(nextStepTogether(base).action.href).toBe('/patience');
  });

  it('never uses guilt or exclamation marks', () => {
    const all = [
      nextStepTogether({ ...base, begun: [] }),
      nextStepTogether({ ...base, toMark: 1 }),
      nextStepTogether({ ...base, toAcknowledge: 1 }),
      nextStepTogether(base),
    ];
    for (const n of all) expect(`${n.title} ${n.body}`).not.toMatch(/!|should|failed|behind|missed/i);
  });
});

describe('home: this week and the trend', () => {
  it('says each side’s follow-through and what was noticed, and nothing when nothing was due', () => {
    expect(weekWords(base)).toEqual([]);
    expect(
      weekWords({ ...base, thisWeek: { mine: { due: 3, done: 2, noticed: 1 }, partners: { due: 1, done: 1, noticed: 0 } } }),
    ).toEqual([
      'You followed through 2 of 3 times so far this week, and Kit noticed once.',
      'Kit followed through 1 of 1 time, and you noticed none yet.',
    ]);
  });

  it('puts the trend in a word', () => {
    expect(trendInAWord('improving')).toBe('Improving');
    expect(trendInAWord('too-early')).toBe('Too early to tell');
    expect(trendInAWord('steady')).toBe('Steady');
  });
});
