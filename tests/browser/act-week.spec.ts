import { type Browser, expect, type Page, test } from '@playwright/test';
import { coupleInBrowser } from './pages/app';
import { type ClockServer, startClockServer } from './pages/clock-server';

// A week of one commitment, lived in two Chromium windows in under a minute: this spec starts its
// own server with the test clock seam (ATTUNE_TEST_CLOCK=1, POST /api/test/clock), so moving time
// never disturbs the specs that share the main server. The web app is already built by then.

const WHAT = 'Tell you at the door how my day was';
let clock: ClockServer;
test.beforeAll(async () => {
  clock = await startClockServer('act-week');
});
test.afterAll(async () => {
  await clock?.stop();
});

async function couple(browser: Browser): Promise<{ a: Page; b: Page; commitmentId: string }> {
  const { a, b } = await coupleInBrowser(browser, 'Ilse', 'Tomas', clock.base);
  const today = ((await (await a.request.get('/api/v1/log/today')).json()) as { date: string }).date;
  const created = await a.request.post('/api/v1/commitments', {
    data: { agreementId: null, what: WHAT, schedule: { kind: 'daily', by: null }, startsOn: today },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { a, b, commitmentId: ((await created.json()) as { id: string }).id };
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('a week of one commitment: the actor logs, the receiver acknowledges, both windows update live, and the figures are right', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await clock.toNextMorning();
  const { a, b } = await couple(browser);
  const delays: number[] = [];
  // Tomas does not notice on the third and fourth days; Ilse misses the sixth.
  const plan = [
    { done: true, noticed: true },
    { done: true, noticed: true },
    { done: true, noticed: false },
    { done: true, noticed: false },
    { done: true, noticed: true },
    { done: false, noticed: null },
    { done: true, noticed: true },
  ];

  for (const [day, step] of plan.entries()) {
    if (day > 0) await clock.advance(24 * 3_600_000);
    await a.goto('/act');
    await b.goto('/act');
    const toMark = region(a, 'Yours to mark');
    await expect(toMark).toContainText(WHAT);
    const fromIlse = region(b, 'What Ilse did for you');
    await expect(fromIlse).toContainText('Nothing new from Ilse');

    if (step.done) {
      const started = Date.now();
      await toMark.getByRole('button', { name: /^Done/ }).click();
      // Tomas's window, open all along, shows it without a reload.
      await b.waitForFunction(
        (what) =>
          [...document.querySelectorAll('section')].some(
            (s) => s.textContent?.includes('did for you') && s.textContent.includes(what),
          ),
        WHAT,
        { polling: 'raf' },
      );
      delays.push(Date.now() - started);
      await expect(toMark).toContainText('Nothing is waiting for you to mark right now.');
      const ackButton = step.noticed ? /^I noticed/ : /^I didn't notice/;
      await fromIlse.getByRole('button', { name: ackButton }).click();
      await expect(fromIlse).toContainText('Nothing new from Ilse to look at.');
      // Ilse's window hears Tomas's answer live.
      await expect(region(a, 'What has been done since')).toContainText(step.noticed ? 'Tomas noticed' : "Tomas didn't notice");
    } else {
      await toMark.getByRole('button', { name: /^Missed|^Not done|^It didn/ }).click();
      await toMark.getByLabel('What got in the way? (optional)').fill('A late train, and I forgot at the door.');
      await toMark.getByRole('button', { name: 'Save as missed' }).click();
      await expect(toMark).toContainText('Nothing is waiting for you to mark right now.');
      await expect(region(b, 'What has been done since')).toContainText('A late train, and I forgot at the door.');
    }
  }

  // 7 due, 6 done, 4 noticed: follow-through 86%, felt 57%, and the gap is named kindly on both sides.
  await a.goto('/act');
  const mine = region(a, 'What has been done since').locator('.figures').first();
  await expect(mine).toContainText('6 of 7');
  await expect(mine).toContainText('(86%)');
  await expect(mine).toContainText('4 of 7');
  await expect(mine).toContainText('(57%)');
  await expect(region(a, 'What has been done since')).toContainText("Some of what you do isn't landing yet.");
  await b.goto('/act');
  const theirs = region(b, 'What has been done since').locator('.figures').nth(1);
  await expect(theirs).toContainText('6 of 7');
  await expect(theirs).toContainText('4 of 7');

  // The same figures from the API, for the record.
  const today = ((await (await a.request.get('/api/v1/log/today')).json()) as { date: string; figures: { mine: unknown } })
    .figures;
  expect(today.mine).toMatchObject({ due: 7, done: 6, noticed: 4 });

  delays.sort((x, y) => x - y);
  console.log(
    `live update, mark clicked → partner's window shows it: median ${delays[Math.floor(delays.length / 2)]} ms, max ${delays.at(-1)} ms over ${delays.length} marks`,
  );
  await a.context().close();
  await b.context().close();
});

test('a mark made offline is sent exactly once after reconnecting, and a lost answer is replayed, not repeated', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { a, b, commitmentId } = await couple(browser);
  await a.goto('/act');
  await b.goto('/act');
  const toMark = region(a, 'Yours to mark');
  await expect(toMark).toContainText(WHAT);

  // Requests that reached the server and were answered (an attempt while offline fails on the way).
  const markRequests: { key: string | null }[] = [];
  a.on('response', (r) => {
    const req = r.request();
    if (req.method() === 'PUT' && req.url().includes('/mark'))
      markRequests.push({ key: req.headers()['idempotency-key'] ?? null });
  });

  await a.context().setOffline(true);
  await toMark.getByRole('button', { name: /^Done/ }).click();
  await expect(toMark).toContainText('Saved on this device; it will be sent when you are back online.');
  expect(markRequests).toHaveLength(0);
  await expect(region(b, 'What Ilse did for you')).toContainText('Nothing new from Ilse');

  await a.context().setOffline(false);
  // Sent on the browser's "online" event, or at the latest by the outbox's next retry.
  await expect(region(b, 'What Ilse did for you')).toContainText(WHAT, { timeout: 20_000 });
  await expect.poll(() => a.evaluate(() => localStorage.getItem('attune.outbox.v1'))).toBeNull();
  await a.waitForTimeout(2_500);
  expect(markRequests).toHaveLength(1);
  expect(markRequests[0]?.key).toMatch(/^[0-9a-f]{32}$/);

  // The log holds one mark for today.
  const today = ((await (await a.request.get('/api/v1/log/today')).json()) as { date: string }).date;
  const list = (await (
    await a.request.get(`/api/v1/commitments/${commitmentId}/occurrences?from=${today}&to=${today}`)
  ).json()) as { occurrences: { mark: { status: string } | null }[] };
  expect(list.occurrences.filter((o) => o.mark?.status === 'done')).toHaveLength(1);

  // Now the answer to Tomas's acknowledgement is lost on the way back: the browser sends it again
  // with the same key, and the server answers the first result without running it twice.
  const acks: { key: string | undefined; replayed: string | undefined }[] = [];
  b.on('response', (r) => {
    if (r.request().method() === 'PUT' && r.url().includes('/ack')) {
      acks.push({ key: r.request().headers()['idempotency-key'], replayed: r.headers()['idempotent-replayed'] });
    }
  });
  let dropped = false;
  await b.route('**/occurrences/*/ack', async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.fetch(); // reaches the server and is saved...
    await route.abort('connectionreset'); // ...but the answer never reaches the page
  });
  await region(b, 'What Ilse did for you')
    .getByRole('button', { name: /^I noticed/ })
    .click();
  // (The screen may briefly say it was saved on this device; the first request did reach the server,
  // whose live event can refresh the list first, so the words are not waited for here.)
  await expect.poll(() => acks.length, { timeout: 15_000 }).toBe(1);
  expect(acks[0]?.replayed).toBe('true');
  await expect(region(a, 'What has been done since')).toContainText('Tomas noticed');
  await a.context().close();
  await b.context().close();
});
