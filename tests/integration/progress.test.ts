import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekKey, PULSE_ITEMS } from '../../src/domain/pulse.js';
import { SAFETY_QUESTIONS, safetyConcern } from '../../src/domain/safety.js';
import { trendVerdict } from '../../src/domain/trend.js';
import { addDays } from '../../src/domain/zoned-time.js';
import { createTestApp, type Person, type TestApp } from '../support/test-app.js';

// Step 5, Patience, through the API with the test clock: weeks of pulses, check-ins, marks and
// acknowledgements, then the charts, the verdicts and the therapy suggestion compared with figures
// worked out by hand. Everyone lives in London, which is on UTC from November, so 12:00Z is noon.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Monday 2 November 2026: week 0 of every story here. */
const W0 = '2026-11-02';
const day = (week: number, d = 0) => addDays(W0, 7 * week + d);
const noon = (date: string) => t.clock.set(`${date}T12:00:00.000Z`);

const answers = (k: number) => Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, k]));
const allNo = () => Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.id, 'no']));
const concerning = () => {
  for (const q of SAFETY_QUESTIONS) {
    const a = { ...allNo(), [q.id]: 'yes' };
    if (safetyConcern(a as never)) return a;
  }
  throw new Error('no single yes raises concern');
};

async function pulse(p: Person, date: string, k: number, shared = false) {
  const res = await p.client.put(`/api/v1/pulse/${isoWeekKey(date)}`, { answers: answers(k), shared });
  expect([200, 201], res.text).toContain(res.status);
}

async function checkIn(p: Person, date: string, connected: number, heard: number, visibility: 'private' | 'couple' = 'private') {
  const res = await p.client.put(`/api/v1/checkins/${date}`, { connected, heard, mood: 'okay', visibility });
  expect([200, 201], res.text).toContain(res.status);
}

async function agreement(a: Person, b: Person, text = 'Ask about my day at dinner, most evenings'): Promise<string> {
  const need = await a.client.post('/api/v1/needs', { text });
  await a.client.post(`/api/v1/needs/${need.body.id}/share`);
  const agreed = await b.client.post(`/api/v1/needs/${need.body.id}/respond`, { kind: 'accept' });
  expect(agreed.body.agreementId, agreed.text).toEqual(expect.any(String));
  return agreed.body.agreementId;
}

async function commit(p: Person, body: Record<string, unknown>): Promise<string> {
  const res = await p.client.post('/api/v1/commitments', {
    agreementId: null,
    schedule: { kind: 'daily', by: '21:00' },
    startsOn: W0,
    ...body,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const occ = (id: string, key: string, side: 'mark' | 'ack') =>
  `/api/v1/commitments/${id}/occurrences/${encodeURIComponent(key)}/${side}`;
async function mark(p: Person, id: string, key: string, status: 'done' | 'missed' = 'done') {
  const res = await p.client.put(occ(id, key, 'mark'), { status });
  expect(res.status, res.text).toBe(200);
}
async function ack(p: Person, id: string, key: string, noticed: boolean, helped: number | null = null) {
  const res = await p.client.put(occ(id, key, 'ack'), { noticed, helped: noticed ? helped : null });
  expect(res.status, res.text).toBe(200);
}

async function progress(p: Person, weeks?: number) {
  const res = await p.client.get(weeks === undefined ? '/api/v1/progress' : `/api/v1/progress?weeks=${weeks}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}
const seriesOf = (body: any, id: string) => body.series.find((s: any) => s.id === id);
const valuesOf = (body: any, id: string) => seriesOf(body, id).points.map((p: any) => [p.at, p.value]);

describe('Progress: six weeks of history, by hand', () => {
  // Alex's need, agreed by Sam; Sam asks about Alex's day every evening. Week w: Sam does it on the
  // first done[w] days, Alex notices the first noticed[w]. Alex checks in every day but in week 2:
  // connected w+3 (+1 on odd days), heard 8−w. Alex's pulse is 4 on every item each Monday (50).
  const done = [2, 3, 4, 5, 6, 7];
  const noticed = [1, 1, 2, 2, 3, 3];
  let a: Person;
  let b: Person;
  let agreementId: string;

  beforeAll(async () => {
    t.clock.set(`${W0}T10:00:00.000Z`);
    ({ a, b } = await t.couple(['Alex', 'Sam']));
    agreementId = await agreement(a, b);
    const id = await commit(b, { agreementId, what: 'Ask about your day at dinner' });
    for (let w = 0; w < 6; w++) {
      for (let d = 0; d < 7; d++) {
        const date = day(w, d);
        noon(date);
        if (d === 0) await pulse(a, date, 4, w % 2 === 0);
        if (w !== 2) await checkIn(a, date, w + 3 + (d % 2), 8 - w, d % 2 ? 'private' : 'couple');
        if (d < (done[w] as number)) await mark(b, id, date);
        if (d < (noticed[w] as number)) await ack(a, id, date, true, 2);
      }
    }
    // Monday of week 6, an hour before six weeks have passed since the agreement (made at 10:00).
    t.clock.set(`${day(6)}T09:00:00.000Z`);
  });

  it('plots each series at its weeks’ Mondays, leaving out weeks without a value', async () => {
    const body = await progress(a, 7);
    expect(body).toMatchObject({ from: W0, to: day(6), weeks: 7, timeZone: 'Europe/London', hasPartner: true });
    const mondays = [0, 1, 2, 3, 4, 5].map((w) => day(w));
    expect(valuesOf(body, 'pulse')).toEqual(mondays.map((m) => [m, 50]));
    // 7 days with three odd ones: (7(w+3) + 3) / 7 × 10 = 10w + 34.29; week 2 had no check-in.
    expect(valuesOf(body, 'connected')).toEqual([
      [day(0), 34.3],
      [day(1), 44.3],
      [day(3), 64.3],
      [day(4), 74.3],
      [day(5), 84.3],
    ]);
    expect(valuesOf(body, 'heard')).toEqual([
      [day(0), 80],
      [day(1), 70],
      [day(3), 50],
      [day(4), 40],
      [day(5), 30],
    ]);
    // Seven evenings a week; this Monday's is not due yet and not marked, so week 6 has no figure.
    expect(valuesOf(body, `agreement:${agreementId}:follow-through`)).toEqual([
      [day(0), 28.6],
      [day(1), 42.9],
      [day(2), 57.1],
      [day(3), 71.4],
      [day(4), 85.7],
      [day(5), 100],
    ]);
    expect(valuesOf(body, `agreement:${agreementId}:felt-rate`)).toEqual([
      [day(0), 14.3],
      [day(1), 14.3],
      [day(2), 28.6],
      [day(3), 28.6],
      [day(4), 42.9],
      [day(5), 42.9],
    ]);
    const agreementSeries = seriesOf(body, `agreement:${agreementId}:felt-rate`);
    expect(agreementSeries).toMatchObject({
      kind: 'felt-rate',
      agreementId,
      about: 'Ask about my day at dinner, most evenings',
      sentence: expect.any(String),
      unit: expect.any(String),
    });
  });

  it('gives each series the verdict of its own points', async () => {
    const body = await progress(a, 7);
    for (const s of body.series) {
      expect(s.verdict, s.id).toEqual(trendVerdict(s.points));
      expect(s.sentence.length, s.id).toBeGreaterThan(20);
    }
    const verdict = (id: string) => seriesOf(body, id).verdict.verdict;
    expect(verdict('pulse')).toBe('steady');
    expect(verdict('connected')).toBe('improving');
    expect(verdict('heard')).toBe('declining');
    expect(verdict(`agreement:${agreementId}:follow-through`)).toBe('improving');
    expect(verdict(`agreement:${agreementId}:felt-rate`)).toBe('improving');
    // By hand for the felt-rate: S = 12 of 15 pairs (3 tied), Var(S) = (6·5·17 − 3·2·1·9) / 18 = 25.33,
    // Z = 11 / 5.033 = 2.186, p = 0.0288.
    expect(seriesOf(body, `agreement:${agreementId}:felt-rate`).verdict.p).toBeCloseTo(0.0288, 3);
    // Four weeks (3..6): three pulses and three check-in weeks so far, too few for a reading.
    const short = await progress(a, 4);
    expect(short.from).toBe(day(3));
    expect(seriesOf(short, 'pulse').points).toHaveLength(3);
    expect(seriesOf(short, 'pulse').verdict.verdict).toBe('too-early');
    expect(seriesOf(short, 'connected').verdict.verdict).toBe('too-early');
  });

  it('suggests therapy to Alex alone, by the rules, at their boundaries', async () => {
    // Felt-rate under 50% in each of the last 4 complete weeks (28.6, 28.6, 42.9, 42.9); follow-through
    // is not (57..100); felt-heard was 4 then 3 (both must be 3 or below); 5.99 weeks since the agreement.
    expect((await progress(a)).therapy).toEqual({ suggest: 'couples-therapy', reasons: ['felt-rate-low-4-weeks'], asked: false });
    // At 10:00, six weeks to the minute: the pulse has not improved since the agreement (steady).
    t.clock.set(`${day(6)}T10:00:00.000Z`);
    expect((await progress(a)).therapy).toEqual({
      suggest: 'couples-therapy',
      reasons: ['trend-not-improving-after-6-weeks', 'felt-rate-low-4-weeks'],
      asked: false,
    });
    // Sam: nothing is done for Sam, Sam has no pulse or check-ins: nothing to suggest.
    expect((await progress(b)).therapy).toEqual({ suggest: 'none', reasons: [], asked: false });
  });

  it('never suggests couples therapy when Alex’s own safety answers raise concern', async () => {
    expect((await a.client.put('/api/v1/safety', { answers: concerning() })).status).toBe(200);
    expect((await progress(a)).therapy).toEqual({
      suggest: 'individual-support',
      reasons: ['trend-not-improving-after-6-weeks', 'felt-rate-low-4-weeks', 'safety-concern'],
      asked: false,
    });
    expect((await a.client.put('/api/v1/safety', { answers: allNo() })).body.concern).toBe(false);
    expect((await progress(a)).therapy.suggest).toBe('couples-therapy');
  });

  it('shows Sam the shared agreement, and nothing of Alex’s pulse, check-ins or suggestion', async () => {
    const body = await progress(b, 7);
    expect(seriesOf(body, 'pulse').points).toEqual([]);
    expect(seriesOf(body, 'connected').points).toEqual([]);
    expect(seriesOf(body, 'heard').points).toEqual([]);
    expect(seriesOf(body, `agreement:${agreementId}:follow-through`).points).toHaveLength(6);

    // Whatever Alex does privately, every answer Sam gets stays the same, byte for byte.
    const views = async () => [
      (await b.client.get('/api/v1/progress')).text,
      (await b.client.get('/api/v1/progress?weeks=52')).text,
      (await b.client.get('/api/v1/reflection/weekly')).text,
    ];
    const before = await views();
    await a.client.put('/api/v1/safety', { answers: concerning() });
    expect((await a.client.post('/api/v1/progress/therapy-interest', { asked: true })).status).toBe(200);
    await checkIn(a, day(6), 1, 1, 'private');
    await pulse(a, day(6), 1, false);
    expect((await progress(a)).therapy.suggest).toBe('individual-support');
    expect(await views()).toEqual(before);
    await a.client.put('/api/v1/safety', { answers: allNo() });
    await a.client.post('/api/v1/progress/therapy-interest', { asked: false });
  });

  it('refuses a number of weeks outside 4..52, naming the field', async () => {
    for (const weeks of ['3', '53', 'twelve', '4.5', '']) {
      const res = await a.client.get(`/api/v1/progress?weeks=${weeks}`);
      expect(res.status, weeks).toBe(400);
      expect(res.body.error.fields[0].path).toBe('weeks');
    }
    const year = await progress(a, 52);
    expect(year.from).toBe(addDays(day(6), -7 * 51));
    expect((await progress(a)).from).toBe(addDays(day(6), -7 * 11));
  });
});

describe('Progress: the therapy rules on rates and felt-heard, at their edges', () => {
  it('needs each of the last four complete weeks under 50%: exactly half is not under', async () => {
    t.clock.set(`${W0}T10:00:00.000Z`);
    const { a, b } = await t.couple(['Ari', 'Bea']);
    const id = await commit(b, { what: 'Plan a walk together', schedule: { kind: 'weekly', times: 2 } });
    // Each week: one of two done, and noticed.
    for (let w = 0; w < 4; w++) {
      noon(day(w, 2));
      await mark(b, id, `${day(w)}#1`);
      await ack(a, id, `${day(w)}#1`, true);
    }
    noon(day(4));
    expect((await progress(a)).therapy).toEqual({ suggest: 'none', reasons: [], asked: false });
    // Alex says the first three were not noticed after all: the fourth week still holds the run off.
    for (let w = 0; w < 3; w++) await ack(a, id, `${day(w)}#1`, false);
    expect((await progress(a)).therapy.suggest).toBe('none');
    await ack(a, id, `${day(3)}#1`, false);
    expect((await progress(a)).therapy).toEqual({ suggest: 'couples-therapy', reasons: ['felt-rate-low-4-weeks'], asked: false });
    // And when none was done: follow-through too. Bea's own view suggests nothing from Ari's rates.
    for (let w = 0; w < 4; w++) await mark(b, id, `${day(w)}#1`, 'missed');
    expect((await progress(a)).therapy.reasons).toEqual(['follow-through-low-4-weeks', 'felt-rate-low-4-weeks']);
    expect((await progress(b)).therapy.suggest).toBe('none');
  });

  it('counts felt-heard of 3 as low, needs two complete weeks, and a week without check-ins breaks the run', async () => {
    t.clock.set(`${W0}T10:00:00.000Z`);
    const low = await t.signUp('Low');
    const justAbove = await t.signUp('Above');
    const gap = await t.signUp('Gap');
    for (let d = 0; d < 14; d++) {
      noon(day(0, d));
      await checkIn(low, day(0, d), 5, 3);
      await checkIn(justAbove, day(0, d), 5, d === 13 ? 4 : 3);
      if (d < 7) await checkIn(gap, day(0, d), 5, 3);
    }
    // Sunday of week 1: week 1 is still running, so only week 0 is complete.
    t.clock.set(`${day(1, 6)}T23:00:00.000Z`);
    expect((await progress(low)).therapy.suggest).toBe('none');
    noon(day(2));
    expect((await progress(low)).therapy).toEqual({
      suggest: 'couples-therapy',
      reasons: ['felt-heard-low-2-weeks'],
      asked: false,
    });
    expect((await progress(justAbove)).therapy.suggest).toBe('none'); // week 1: 22 / 7 = 3.14
    expect((await progress(gap)).therapy.suggest).toBe('none');
  });

  it('suggests it when the person asks, and individual support instead when their safety answers raise concern', async () => {
    const p = await t.signUp('Asking');
    const asked = await p.client.post('/api/v1/progress/therapy-interest', { asked: true });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ asked: true });
    expect((await progress(p)).therapy).toEqual({ suggest: 'couples-therapy', reasons: ['asked'], asked: true });
    await p.client.put('/api/v1/safety', { answers: concerning() });
    expect((await progress(p)).therapy).toEqual({
      suggest: 'individual-support',
      reasons: ['asked', 'safety-concern'],
      asked: true,
    });
    await p.client.post('/api/v1/progress/therapy-interest', { asked: false });
    expect((await progress(p)).therapy).toEqual({ suggest: 'none', reasons: [], asked: false });
    const bad = await p.client.post('/api/v1/progress/therapy-interest', { asked: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('asked');
    const row = await t.deps.db.selectFrom('person_preferences').selectAll().where('user_id', '=', p.id).executeTakeFirst();
    expect(Number(row?.therapy_asked)).toBe(0);
  });
});

describe('The weekly reflection', () => {
  // Today is Wednesday 9 December: the last 7 days are 3..9 December, four weeks earlier 5..11 November.
  const TODAY = '2026-12-09';

  it('compares the last 7 days with four weeks earlier, and names what went well and what did not land', async () => {
    t.clock.set(`${W0}T10:00:00.000Z`);
    const { a, b } = await t.couple(['Rae', 'Kit']);
    const forRae = await commit(b, { what: 'Make tea in the morning' });
    const forKit = await commit(a, { what: 'Text at lunch' });

    // 5..11 November: Kit makes tea on two days, Rae notices one; Rae feels 4 and 5; pulse 3 (33.3).
    for (let d = 3; d <= 9; d++) {
      const date = day(0, d);
      noon(date);
      if (d === 3) await pulse(a, date, 3);
      await checkIn(a, date, 4, 5);
      if (d <= 4) await mark(b, forRae, date);
      if (d === 3) await ack(a, forRae, date, true, 1);
    }
    // 3..9 December: tea on six days (not today yet), four noticed, two of them helped a lot.
    const helped: Record<string, number> = { '2026-12-03': 1, '2026-12-04': 3, '2026-12-05': 2, '2026-12-06': 3 };
    const connected = [6, 6, 7, 7, 8, 8, 8];
    for (let d = 0; d < 7; d++) {
      const date = addDays('2026-12-03', d);
      noon(date);
      if (date === '2026-12-03') await pulse(a, date, 5); // week of 30 Nov: 66.7
      if (date === '2026-12-08') await pulse(a, date, 6); // week of 7 Dec: 83.3
      await checkIn(a, date, connected[d] as number, 7);
      if (date < TODAY) await mark(b, forRae, date);
      if (helped[date]) await ack(a, forRae, date, true, helped[date]);
      if (['2026-12-04', '2026-12-05', '2026-12-06'].includes(date)) await mark(a, forKit, date);
      if (date === '2026-12-04') await ack(b, forKit, date, true);
      if (date === '2026-12-05') await ack(b, forKit, date, false);
    }

    const res = await a.client.get('/api/v1/reflection/weekly');
    expect(res.status, res.text).toBe(200);
    const tea = (date: string, h: number | null) => ({
      commitmentId: forRae,
      key: date,
      what: 'Make tea in the morning',
      day: date,
      helped: h,
    });
    expect(res.body).toEqual({
      from: '2026-12-03',
      to: TODAY,
      earlierFrom: '2026-11-05',
      earlierTo: '2026-11-11',
      hasPartner: true,
      compare: {
        pulse: { now: 83.3, fourWeeksAgo: 33.3 },
        connection: { now: 71.4, fourWeeksAgo: 40 }, // 50 / 7 = 7.14
        feltHeard: { now: 70, fourWeeksAgo: 50 },
        // Today's tea is not due yet: 6 counted, 6 done, 4 noticed. Four weeks ago: 7, 2 and 1.
        followThrough: { now: 100, fourWeeksAgo: 28.6 },
        feltRate: { now: 66.7, fourWeeksAgo: 14.3 },
      },
      wentWell: [tea('2026-12-06', 3), tea('2026-12-05', 2), tea('2026-12-04', 3), tea('2026-12-03', 1)],
      didNotLand: { theirs: [tea('2026-12-08', null), tea('2026-12-07', null)], mineCount: 2 },
      thank: { what: 'Make tea in the morning', day: '2026-12-06' },
      truncated: false,
    });

    // Kit's reflection from Kit's side: Rae's texts, one noticed; Kit's tea counted only for Rae.
    const kit = (await b.client.get('/api/v1/reflection/weekly')).body;
    expect(kit.wentWell.map((m: any) => m.day)).toEqual(['2026-12-04']);
    expect(kit.didNotLand).toEqual({
      theirs: [
        expect.objectContaining({ day: '2026-12-06', what: 'Text at lunch' }),
        expect.objectContaining({ day: '2026-12-05' }),
      ],
      mineCount: 2,
    });
    expect(kit.thank).toBeNull();
    expect(kit.compare.pulse).toEqual({ now: null, fourWeeksAgo: null });
    expect(kit.compare.connection).toEqual({ now: null, fourWeeksAgo: null });
    expect(kit.compare.followThrough).toEqual({ now: 50, fourWeeksAgo: 0 });
  });

  it('works for someone on their own: their own figures, nothing to thank for', async () => {
    const p = await t.signUp('Alone');
    const res = await p.client.get('/api/v1/reflection/weekly');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      hasPartner: false,
      wentWell: [],
      didNotLand: { theirs: [], mineCount: 0 },
      thank: null,
      compare: { followThrough: { now: null, fourWeeksAgo: null } },
    });
    const charts = await progress(p);
    expect(charts.hasPartner).toBe(false);
    expect(charts.series.map((s: any) => s.id)).toEqual(['pulse', 'connected', 'heard']);
  });
});
