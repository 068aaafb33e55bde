import { describe, expect, it } from 'vitest';
import {
  canUndoMark,
  commitmentState,
  countsInFigures,
  keyWindow,
  markRefusal,
  occurrencesIn,
  opensOn,
  spansOf,
  startRefusal,
  type VersionFacts,
  windowRefusal,
} from './commitments';

const daily9pm: VersionFacts = {
  id: 'v1',
  from: '2026-11-23T00:00:00.000Z',
  createdAt: '2026-11-22T10:00:00.000Z',
  schedule: { kind: 'daily', by: '21:00' },
  zone: 'Europe/London',
};
const daily6pm: VersionFacts = {
  id: 'v2',
  from: '2026-11-25T12:00:00.000Z',
  createdAt: '2026-11-25T12:00:00.000Z',
  schedule: { kind: 'daily', by: '18:00' },
  zone: 'Europe/London',
};

describe('spans from versions', () => {
  it('each version runs until the next; ending cuts the last', () => {
    expect(spansOf([daily6pm, daily9pm], null)).toEqual([
      { versionId: 'v1', schedule: daily9pm.schedule, zone: 'Europe/London', from: daily9pm.from, until: daily6pm.from },
      { versionId: 'v2', schedule: daily6pm.schedule, zone: 'Europe/London', from: daily6pm.from, until: null },
    ]);
    const ended = spansOf([daily9pm, daily6pm], '2026-11-27T08:00:00.000Z');
    expect(ended.at(-1)?.until).toBe('2026-11-27T08:00:00.000Z');
  });

  it('a version written later for the same instant replaces the earlier one', () => {
    const again = { ...daily6pm, id: 'v3', from: daily9pm.from, createdAt: '2026-11-22T11:00:00.000Z' };
    expect(spansOf([daily9pm, again], null).map((s) => s.versionId)).toEqual(['v3']);
  });

  it('ending before the start leaves nothing', () => {
    expect(spansOf([daily9pm], '2026-11-20T00:00:00.000Z')).toEqual([]);
  });
});

describe('occurrences in a window', () => {
  it('old occurrences keep the old schedule; new ones follow the change', () => {
    const found = occurrencesIn(spansOf([daily9pm, daily6pm], null), '2026-11-23T00:00:00.000Z', '2026-11-28T00:00:00.000Z');
    expect(found.map((o) => [o.key, o.due, o.versionId])).toEqual([
      ['2026-11-23', '2026-11-23T21:00:00.000Z', 'v1'],
      ['2026-11-24', '2026-11-24T21:00:00.000Z', 'v1'],
      ['2026-11-25', '2026-11-25T18:00:00.000Z', 'v2'],
      ['2026-11-26', '2026-11-26T18:00:00.000Z', 'v2'],
      ['2026-11-27', '2026-11-27T18:00:00.000Z', 'v2'],
    ]);
    expect(found[0]?.opensOn).toBe('2026-11-23');
  });

  it('a weekly slot opens on its Monday; a one-off opens when its version started', () => {
    expect(opensOn('weekly', '2026-11-29', '2026-11-01T00:00:00.000Z', 'UTC')).toBe('2026-11-23');
    expect(opensOn('once', '2026-12-04', '2026-11-20T10:00:00.000Z', 'UTC')).toBe('2026-11-20');
    expect(opensOn('daily', '2026-12-04', '2026-11-20T10:00:00.000Z', 'UTC')).toBe('2026-12-04');
  });

  it('keeps a key once when the actor moved zone between versions', () => {
    const moved: VersionFacts = { ...daily6pm, zone: 'America/New_York' };
    const found = occurrencesIn(spansOf([daily9pm, moved], null), '2026-11-23T00:00:00.000Z', '2026-11-27T00:00:00.000Z');
    expect(new Set(found.map((o) => o.key)).size).toBe(found.length);
  });

  it('finds a key again from a window around its date', () => {
    expect(keyWindow('2026-11-23#2')).toEqual({ first: '2026-11-21', last: '2026-12-02' });
    expect(keyWindow('once')).toBeNull();
  });
});

describe('marking', () => {
  const base = { today: '2026-11-25', opensOn: '2026-11-24' };
  it('refuses what has not opened, a future done date, and one before it opened', () => {
    expect(markRefusal({ ...base, opensOn: '2026-11-26', status: 'done', doneOn: null })).toBe('not_yet');
    expect(markRefusal({ ...base, status: 'missed', doneOn: null })).toBeNull();
    expect(markRefusal({ ...base, status: 'done', doneOn: '2026-11-24' })).toBeNull();
    expect(markRefusal({ ...base, status: 'done', doneOn: '2026-11-26' })).toBe('done_on_ahead');
    expect(markRefusal({ ...base, status: 'done', doneOn: '2026-11-23' })).toBe('done_on_before');
  });

  it('undo within ten minutes', () => {
    expect(canUndoMark('2026-11-25T10:00:00.000Z', '2026-11-25T10:10:00.000Z')).toBe(true);
    expect(canUndoMark('2026-11-25T10:00:00.000Z', '2026-11-25T10:10:00.001Z')).toBe(false);
  });
});

describe('state, counting and windows', () => {
  const now = '2026-11-25T12:00:00.000Z';
  it('upcoming, active, paused, ended', () => {
    expect(commitmentState({ startsAt: '2026-11-26T00:00:00.000Z', endedAt: null, pauses: [], now })).toBe('upcoming');
    expect(commitmentState({ startsAt: '2026-11-20T00:00:00.000Z', endedAt: null, pauses: [], now })).toBe('active');
    expect(
      commitmentState({ startsAt: '2026-11-20T00:00:00.000Z', endedAt: null, pauses: [{ from: now, until: null }], now }),
    ).toBe('paused');
    expect(
      commitmentState({
        startsAt: '2026-11-20T00:00:00.000Z',
        endedAt: null,
        pauses: [{ from: '2026-11-21T00:00:00.000Z', until: '2026-11-22T00:00:00.000Z' }],
        now,
      }),
    ).toBe('active');
    expect(commitmentState({ startsAt: null, endedAt: now, pauses: [], now })).toBe('ended');
  });

  it('counts what is due by now or already marked, never what is paused', () => {
    expect(countsInFigures({ due: '2026-11-25T21:00:00.000Z', paused: false, marked: false }, now)).toBe(false);
    expect(countsInFigures({ due: '2026-11-25T21:00:00.000Z', paused: false, marked: true }, now)).toBe(true);
    expect(countsInFigures({ due: '2026-11-24T21:00:00.000Z', paused: false, marked: false }, now)).toBe(true);
    expect(countsInFigures({ due: '2026-11-24T21:00:00.000Z', paused: true, marked: true }, now)).toBe(false);
  });

  it('windows and start dates', () => {
    expect(windowRefusal('2026-01-01', '2026-12-31', 366)).toBeNull();
    expect(windowRefusal('2026-01-01', '2027-01-01', 366)).toBeNull();
    expect(windowRefusal('2026-01-01', '2027-01-02', 366)).toBe('too_long');
    expect(windowRefusal('2026-01-02', '2026-01-01', 366)).toBe('order');
    expect(startRefusal('2026-11-25', '2026-11-24')).toBe('in_past');
    expect(startRefusal('2026-11-25', '2026-11-25')).toBeNull();
    expect(startRefusal('2026-11-25', '2028-11-25')).toBe('too_far');
  });
});
