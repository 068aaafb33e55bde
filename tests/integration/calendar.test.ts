import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEUTRAL_CALENDAR_TITLE } from '../../src/domain/notification-words.js';
import { localDateOf, localTimeOf } from '../../src/domain/zoned-time.js';
import { createTestApp, leaveSpace, ORIGIN, type Person, type TestApp, type TestResponse } from '../support/test-app.js';

// The private calendar feed: an iCalendar address per person, shown once, replaceable and revocable,
// listing the occurrences of the commitments they act on, each in UTC (or as a zone-free date), read
// here by a real iCalendar parser (ical.js). Titles are neutral unless the person chooses their words.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const NY = 'America/New_York';
const WORDS = 'Ask about your day at dinner, phone away, a calendar canary';

interface ParsedEvent {
  uid: string;
  summary: string;
  allDay: boolean;
  start: Date;
  end: Date;
  /** For all-day events: the DATE values as written. */
  startDate: string;
  endDate: string;
}

/** Parses a feed with ical.js, as a calendar app would. */
function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      allDay: event.startDate.isDate,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startDate: event.startDate.toString(),
      endDate: event.endDate.toString(),
    };
  });
}

async function coupleAt(at: string, zoneA = 'Europe/London'): Promise<{ a: Person; b: Person }> {
  t.clock.set(at);
  const pair = await t.couple(['Alex', 'Sam']);
  expect((await pair.a.client.patch('/api/v1/me', { timeZone: zoneA })).status).toBe(200);
  return pair;
}

async function commit(p: Person, body: Record<string, unknown>): Promise<string> {
  const res = await p.client.post('/api/v1/commitments', { agreementId: null, what: WORDS, ...body });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

async function makeFeed(p: Person): Promise<string> {
  const res = await p.client.post('/api/v1/calendar');
  expect(res.status, res.text).toBe(201);
  return res.body.url as string;
}

/** Fetches a feed the way a calendar app does: no session, just the address. */
async function fetchFeed(url: string): Promise<TestResponse> {
  expect(url.startsWith(`${ORIGIN}/api/v1/calendar/feeds/`)).toBe(true);
  return t.client('calendar app').get(new URL(url).pathname);
}

async function feedEvents(url: string): Promise<{ events: ParsedEvent[]; text: string }> {
  const res = await fetchFeed(url);
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  return { events: parseFeed(res.text), text: res.text };
}

describe('Calendar feed: the address', () => {
  it('is made once and shown once; settings tell only whether it is on and when it was last read', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Solo');
    const before = await p.client.get('/api/v1/calendar');
    expect(before.body).toEqual({ active: false, showTitles: false, createdAt: null, lastFetchedAt: null });

    const made = await p.client.post('/api/v1/calendar');
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ url: expect.any(String), showTitles: false, createdAt: '2026-03-02T09:00:00.000Z' });
    const token = new URL(made.body.url).pathname.split('/').pop() as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const settings = await p.client.get('/api/v1/calendar');
    expect(settings.body).toEqual({
      active: true,
      showTitles: false,
      createdAt: '2026-03-02T09:00:00.000Z',
      lastFetchedAt: null,
    });
    expect(settings.text).not.toContain(token);

    // A solo person's feed is a calendar with nothing in it yet.
    t.clock.set('2026-03-02T10:00:00.000Z');
    const { events, text } = await feedEvents(made.body.url);
    expect(events).toEqual([]);
    expect(text).toContain('X-WR-CALNAME:Attune');
    expect((await p.client.get('/api/v1/calendar')).body.lastFetchedAt).toBe('2026-03-02T10:00:00.000Z');

    // The stored row holds only a keyed hash of the token.
    const row = await t.deps.db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', p.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('is replaced (the old address answers 404 like a missing one) and revoked', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Replacer');
    const first = await makeFeed(p);
    expect((await p.client.patch('/api/v1/calendar', { showTitles: true })).body.showTitles).toBe(true);
    expect((await fetchFeed(first)).status).toBe(200);

    const second = await p.client.post('/api/v1/calendar');
    expect(second.body.showTitles).toBe(true); // the choice of titles is kept
    expect(second.body.url).not.toBe(first);
    const old = await fetchFeed(first);
    expect(old.status).toBe(404);
    expect(old.headers.get('content-type')).toContain('application/json');
    const missing = await t.client().get(`/api/v1/calendar/feeds/${'x'.repeat(43)}`);
    expect(missing.status).toBe(404);
    expect(old.text).toBe(missing.text);
    expect((await fetchFeed(second.body.url)).status).toBe(200);

    expect((await p.client.delete('/api/v1/calendar')).status).toBe(204);
    expect((await fetchFeed(second.body.url)).text).toBe(missing.text);
    expect((await p.client.get('/api/v1/calendar')).body).toMatchObject({ active: false });
    expect((await p.client.delete('/api/v1/calendar')).status).toBe(204);
    const patch = await p.client.patch('/api/v1/calendar', { showTitles: false });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('no_feed');
    expect((await p.client.patch('/api/v1/calendar', { showTitles: 'yes' })).status).toBe(400);
    // A new address after revoking starts neutral again.
    expect((await p.client.post('/api/v1/calendar')).body.showTitles).toBe(false);
  });

  it('is each person’s own: my partner making, changing or revoking theirs leaves mine as it was', async () => {
    const { a, b } = await coupleAt('2026-03-02T09:00:00.000Z');
    const url = await makeFeed(a);
    expect((await b.client.get('/api/v1/calendar')).body.active).toBe(false);
    expect((await b.client.patch('/api/v1/calendar', { showTitles: true })).status).toBe(409);
    expect((await b.client.delete('/api/v1/calendar')).status).toBe(204);
    await makeFeed(b);
    expect((await b.client.delete('/api/v1/calendar')).status).toBe(204);
    expect((await fetchFeed(url)).status).toBe(200);
    expect((await a.client.get('/api/v1/calendar')).body).toMatchObject({ active: true, showTitles: false });
  });

  it('opens this feed and nothing else: it is not a session', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await t.signUp('Holder');
    const url = await makeFeed(p);
    const token = new URL(url).pathname.split('/').pop() as string;
    const stranger = t.client('stranger');
    expect((await stranger.get('/api/v1/me', { cookie: `attune_session=${token}` })).status).toBe(401);
    expect((await stranger.get('/api/v1/me', { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await stranger.get('/api/v1/calendar', { cookie: `attune_session=${token}` })).status).toBe(401);
    expect((await stranger.get(`/api/v1/invites/${token}`)).status).toBe(404);
    expect((await stranger.get('/api/v1/calendar/feeds/not-a-token')).status).toBe(400);
  });

  it('is in the OpenAPI document as text/calendar under the calendar tag', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const feed = doc.paths['/api/v1/calendar/feeds/{token}'].get;
    expect(feed.tags).toEqual(['calendar']);
    expect(Object.keys(feed.responses['200'].content)).toEqual(['text/calendar']);
    expect(feed.security).toEqual([]);
    expect(Object.keys(feed.responses)).toEqual(expect.arrayContaining(['404', '429']));
    for (const method of ['get', 'post', 'patch', 'delete'])
      expect(doc.paths['/api/v1/calendar'][method].tags).toEqual(['calendar']);
  });
});

describe('Calendar feed: what it holds', () => {
  it('ends "every day by 21:00" at 21:00 New York time on both sides of the 1 November 2026 clock change', async () => {
    // Monday 26 October 2026, 08:00 in New York (EDT, UTC−4); clocks go back on Sunday 1 November.
    const { a, b } = await coupleAt('2026-10-26T12:00:00.000Z', NY);
    const id = await commit(a, { schedule: { kind: 'daily', by: '21:00' }, startsOn: '2026-10-26' });
    const url = await makeFeed(a);

    t.clock.set('2026-10-30T12:00:00.000Z'); // the feed reaches back to 23 October and ahead to 29 December
    const { events, text } = await feedEvents(url);
    expect(text).not.toMatch(/RRULE|VTIMEZONE|TZID/);
    expect(text).toMatch(/DTSTART:20261101T003000Z/);
    expect(events).toHaveLength(64); // 26 October to 28 December, each day once
    for (const e of events) {
      expect(e.allDay).toBe(false);
      expect(localTimeOf(e.end, NY)).toBe('21:00');
      expect(localTimeOf(e.start, NY)).toBe('20:30');
      expect(e.uid).toBe(`${id}-${localDateOf(e.end, NY)}@attune`);
      expect(e.summary).toBe(NEUTRAL_CALENDAR_TITLE);
    }
    const around = events.filter((e) => e.uid.includes('-2026-10-31@') || e.uid.includes('-2026-11-01@'));
    expect(around.map((e) => e.end.toISOString())).toEqual(['2026-11-01T01:00:00.000Z', '2026-11-02T02:00:00.000Z']);

    // Neutral by default: nothing of the commitment's words, no names, no addresses.
    for (const word of [WORDS.slice(0, 20), 'Sam', 'Alex', a.email, b.email]) expect(text).not.toContain(word);
    expect(text).not.toMatch(/DESCRIPTION|ORGANIZER|ATTENDEE|LOCATION/);

    // Real titles when chosen, at the same address; then neutral again.
    expect((await a.client.patch('/api/v1/calendar', { showTitles: true })).status).toBe(200);
    const titled = await feedEvents(url);
    expect(new Set(titled.events.map((e) => e.summary))).toEqual(new Set([WORDS]));
    for (const word of ['Sam', b.email, a.email]) expect(titled.text).not.toContain(word);
    await a.client.patch('/api/v1/calendar', { showTitles: false });
    expect(new Set((await feedEvents(url)).events.map((e) => e.summary))).toEqual(new Set([NEUTRAL_CALENDAR_TITLE]));
  });

  it('writes "by the end of the day" as an all-day date and "n times a week" over its week', async () => {
    const { a } = await coupleAt('2026-10-26T12:00:00.000Z', NY);
    const endOfDay = await commit(a, { schedule: { kind: 'weekdays', days: [7], by: null }, startsOn: '2026-10-26' });
    const weekly = await commit(a, { schedule: { kind: 'weekly', times: 2 }, startsOn: '2026-10-26' });
    const once = await commit(a, { schedule: { kind: 'once', date: '2026-11-04', by: '18:00' }, startsOn: '2026-10-26' });
    const url = await makeFeed(a);
    t.clock.set('2026-10-27T12:00:00.000Z');
    const { events } = await feedEvents(url);
    const of = (id: string) => events.filter((e) => e.uid.startsWith(id));

    const sundays = of(endOfDay);
    expect(sundays.every((e) => e.allDay)).toBe(true);
    expect(sundays.slice(0, 2).map((e) => [e.uid, e.startDate, e.endDate])).toEqual([
      [`${endOfDay}-2026-11-01@attune`, '2026-11-01', '2026-11-02'],
      [`${endOfDay}-2026-11-08@attune`, '2026-11-08', '2026-11-09'],
    ]);
    const slots = of(weekly);
    expect(slots.slice(0, 3).map((e) => [e.uid, e.startDate, e.endDate])).toEqual([
      [`${weekly}-2026-10-26#1@attune`, '2026-10-26', '2026-11-02'],
      [`${weekly}-2026-10-26#2@attune`, '2026-10-26', '2026-11-02'],
      [`${weekly}-2026-11-02#1@attune`, '2026-11-02', '2026-11-09'],
    ]);
    expect(slots.every((e) => e.allDay)).toBe(true);
    expect(of(once).map((e) => [e.uid, e.allDay, e.start.toISOString(), e.end.toISOString()])).toEqual([
      [`${once}-once@attune`, false, '2026-11-04T22:30:00.000Z', '2026-11-04T23:00:00.000Z'],
    ]);
  });

  it('lists only my own commitments: never my partner’s, and each person’s address shows only theirs', async () => {
    const { a, b } = await coupleAt('2026-03-02T09:00:00.000Z');
    const mine = await commit(a, { schedule: { kind: 'daily', by: '21:00' }, startsOn: '2026-03-02' });
    const theirs = await commit(b, {
      schedule: { kind: 'daily', by: '08:00' },
      startsOn: '2026-03-03',
      what: 'Bring you coffee, a partner canary',
    });
    const urlA = await makeFeed(a);
    const urlB = await makeFeed(b);
    await a.client.patch('/api/v1/calendar', { showTitles: true });
    await b.client.patch('/api/v1/calendar', { showTitles: true });

    const feedA = await feedEvents(urlA);
    expect(feedA.events.length).toBeGreaterThan(0);
    expect(feedA.events.every((e) => e.uid.startsWith(mine))).toBe(true);
    expect(feedA.text).not.toContain(theirs);
    expect(feedA.text).not.toContain('partner canary');
    const feedB = await feedEvents(urlB);
    expect(feedB.events.every((e) => e.uid.startsWith(theirs))).toBe(true);
    expect(feedB.text).not.toContain(WORDS.slice(0, 20));
    for (const word of ['Alex', 'Sam', a.email, b.email]) {
      expect(feedA.text).not.toContain(word);
      expect(feedB.text).not.toContain(word);
    }

    // After the space closes, the commitments made in it leave the feed; the address still works.
    expect((await leaveSpace(b)).status).toBe(200);
    expect((await feedEvents(urlA)).events).toEqual([]);
    expect((await feedEvents(urlB)).events).toEqual([]);
  });

  it('leaves out paused occurrences and ended commitments', async () => {
    const { a } = await coupleAt('2026-03-02T09:00:00.000Z');
    const paused = await commit(a, { schedule: { kind: 'daily', by: '21:00' }, startsOn: '2026-03-02' });
    const ended = await commit(a, { schedule: { kind: 'daily', by: '07:00' }, startsOn: '2026-03-03' });
    const url = await makeFeed(a);

    t.clock.set('2026-03-05T12:00:00.000Z');
    expect((await a.client.post(`/api/v1/commitments/${paused}/pause`)).status).toBe(200);
    expect((await a.client.post(`/api/v1/commitments/${ended}/end`)).status).toBe(200);
    t.clock.set('2026-03-08T12:00:00.000Z');
    expect((await a.client.post(`/api/v1/commitments/${paused}/resume`)).status).toBe(200);

    const { events, text } = await feedEvents(url);
    expect(text).not.toContain(ended);
    const days = events.map((e) => e.uid.slice(paused.length + 1, paused.length + 11));
    // Due 2-4 March before the pause; 5-7 March fell inside it; from 8 March on again.
    expect(days.slice(0, 5)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-08', '2026-03-09']);
  });

  it('holds at most 500 events, the ones nearest to now', async () => {
    const { a } = await coupleAt('2026-03-02T09:00:00.000Z');
    for (let i = 0; i < 9; i++) await commit(a, { schedule: { kind: 'daily', by: `1${i}:00` }, startsOn: '2026-03-02' });
    const url = await makeFeed(a);
    t.clock.set('2026-03-12T12:00:00.000Z');
    // 9 a day from 5 March (7 days back) to 10 May (60 ahead) would be 603.
    const { events } = await feedEvents(url);
    expect(events).toHaveLength(500);
    const ends = events.map((e) => e.end.getTime());
    expect(ends).toEqual([...ends].sort((x, y) => x - y));
    expect(events[0]?.end.toISOString()).toBe('2026-03-05T12:00:00.000Z');
    // All 63 from the week before, then the 437 nearest ahead: through 16:00 (London, BST) on 29 April.
    expect(events.at(-1)?.end.toISOString()).toBe('2026-04-29T15:00:00.000Z');
  });
});

describe('Calendar feed: limited per address', () => {
  it('answers 429 after too many fetches from one address', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_PER_ADDRESS: '4' } });
    try {
      const p = await limited.signUp('Limited'); // one of the four
      const made = await p.client.post('/api/v1/calendar');
      const path = new URL(made.body.url).pathname;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.client().get(path)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
