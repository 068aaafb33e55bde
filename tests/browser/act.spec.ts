import { expect, type Page, test } from '@playwright/test';
import { coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';

const WHAT = 'Ask about your day at dinner, phone away';

const section = (page: Page, heading: string) => page.getByRole('region', { name: heading, exact: true });

test('a daily commitment is marked by one partner and noticed by the other, both windows updating live', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Ari', 'Noor');

  // B has Act open all along.
  await b.goto('/act');
  await expect(b.getByRole('heading', { level: 1, name: 'Act' })).toBeVisible();
  await expect(section(b, 'What Ari did for you')).toContainText('Nothing new from Ari');

  // A finds Act on the journey and makes a daily commitment.
  await a.goto('/');
  await a.getByRole('link', { name: 'Open Act' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Act' })).toBeVisible();
  await a.getByRole('link', { name: 'Make a commitment' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Make a commitment' })).toBeVisible();
  await expect(a.getByText('Times are in your time zone, Europe/London.')).toBeVisible();
  await a.getByLabel('What you will do').fill(WHAT);
  await a.getByLabel('Every day').check();
  expect(await seriousViolations(a)).toEqual([]);
  await a.getByRole('button', { name: 'Commit to this' }).click();
  await expect(a.getByRole('heading', { level: 1, name: WHAT })).toBeVisible();
  await expect(a.getByText('You, for Noor · Every day')).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  // B's window shows the new commitment without reloading.
  await expect(section(b, 'Your commitments')).toContainText(WHAT);
  await expect(section(b, 'Your commitments')).toContainText('Ari, for you');

  // A marks today done from the Act screen.
  await a.getByRole('link', { name: 'Back to Act' }).click();
  const toMark = section(a, 'Yours to mark');
  await expect(toMark).toContainText(WHAT);
  expect(await seriousViolations(a)).toEqual([]);
  await toMark.getByRole('button', { name: /^Done/ }).click();
  await expect(toMark).toContainText('Nothing is waiting for you to mark right now.');
  const doneA = section(a, 'What has been done since');
  await expect(doneA).toContainText(/Done on/);
  await expect(doneA.locator('.figures').first()).toContainText('1 of 1');

  // B's window shows it live, and B says they noticed.
  const fromA = section(b, 'What Ari did for you');
  await expect(fromA).toContainText(WHAT);
  await expect(fromA).toContainText(/Done on/);
  expect(await seriousViolations(b)).toEqual([]);
  await fromA.getByLabel('A lot').check();
  await fromA.getByRole('button', { name: /^I noticed/ }).click();
  await expect(fromA).toContainText('Nothing new from Ari to look at.');
  await expect(section(b, 'What has been done since')).toContainText('You noticed, it helped a lot.');

  // A's window shows it noticed, live.
  await expect(doneA).toContainText('Noor noticed, it helped a lot.');
  await expect(doneA.locator('.figures').first()).toContainText('Noticed1 of 1');

  // Readable on a small phone: no sideways scrolling, and still clean for axe.
  for (const page of [a, b]) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/act');
    await expect(page.getByRole('heading', { level: 1, name: 'Act' })).toBeVisible();
    await expect(section(page, 'Your commitments')).toContainText(WHAT);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  }

  await a.context().close();
  await b.context().close();
});

test('a "Done" taken back as "It didn\'t happen": both windows say the same honest thing, and the figures agree', async ({
  browser,
}) => {
  const { a, b } = await coupleInBrowser(browser, 'Ari', 'Noor');
  const today = ((await (await a.request.get('/api/v1/log/today')).json()) as { date: string }).date;
  const made = await a.request.post('/api/v1/commitments', {
    data: { agreementId: null, what: WHAT, schedule: { kind: 'daily', by: null }, startsOn: today },
  });
  expect(made.status(), await made.text()).toBe(201);
  const id = ((await made.json()) as { id: string }).id;
  const occ = (side: 'mark' | 'ack') => `/api/v1/commitments/${id}/occurrences/${today}/${side}`;
  expect((await a.request.put(occ('mark'), { data: { status: 'done' } })).status()).toBe(200);
  expect((await b.request.put(occ('ack'), { data: { noticed: true, helped: 2 } })).status()).toBe(200);

  // Noor has Act open: it was done and noticed.
  await b.goto('/act');
  const doneB = section(b, 'What has been done since');
  await expect(doneB).toContainText('You noticed, it helped quite a bit.');
  await expect(doneB.locator('.figures').nth(1)).toContainText('Noticed1 of 1');

  // Ari opens the commitment and says it didn't happen after all.
  await a.goto(`/act/${id}`);
  await expect(a.getByRole('heading', { level: 1, name: WHAT })).toBeVisible();
  await a
    .getByRole('button', { name: /^It didn't happen/ })
    .first()
    .click();
  await a.getByRole('button', { name: 'Save as missed' }).click();
  await expect(a.getByText(`Ari first marked this done`).or(a.getByText('You first marked this done')).first()).toBeVisible();
  await expect(a.getByText('Their answer is kept, but it no longer counts as noticed.').first()).toBeVisible();

  // Noor's window changes live, in the same words from Noor's side, with the same figures.
  await expect(doneB).toContainText('Ari first marked this done, then changed it to "It didn\'t happen".');
  await expect(doneB).toContainText(
    'While it was marked done, you said you noticed it, it helped quite a bit. Your answer is kept, but it no longer counts as noticed.',
  );
  await expect(doneB).not.toContainText('You noticed, it helped quite a bit.');
  await expect(doneB.locator('.figures').nth(1)).toContainText('Done0 of 1');
  await expect(doneB.locator('.figures').nth(1)).toContainText('Noticed0 of 1');
  expect(await seriousViolations(b)).toEqual([]);
  await b.screenshot({ path: '.test-output/journeys/act-withdrawn-partner-1280.png', fullPage: true });

  // Ari's Act screen: the same state and figures.
  await a.goto('/act');
  const doneA = section(a, 'What has been done since');
  await expect(doneA).toContainText('You first marked this done, then changed it to "It didn\'t happen".');
  await expect(doneA).toContainText(
    'While it was marked done, Noor said they noticed it, it helped quite a bit. Their answer is kept, but it no longer counts as noticed.',
  );
  await expect(doneA.locator('.figures').first()).toContainText('Done0 of 1');
  await expect(doneA.locator('.figures').first()).toContainText('Noticed0 of 1');
  expect(await seriousViolations(a)).toEqual([]);
  await a.setViewportSize({ width: 360, height: 740 });
  expect(await a.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(
    0,
  );
  await a.screenshot({ path: '.test-output/journeys/act-withdrawn-actor-360.png', fullPage: true });

  // Noor may still say they felt cared for: that answer counts, and both windows show it.
  await b.goto(`/act/${id}`);
  await expect(b.getByText('If you still felt cared for, you can say so again.')).toBeVisible();
  await b.getByRole('button', { name: /^I noticed/ }).click();
  await expect(b.getByText('You noticed, it helped quite a bit.')).toBeVisible();
  await expect(doneA).toContainText('Noor noticed, it helped quite a bit.');
  await expect(doneA.locator('.figures').first()).toContainText('Noticed1 of 1');

  // On a phone, too.
  await b.setViewportSize({ width: 360, height: 740 });
  await b.goto('/act');
  await expect(section(b, 'What has been done since')).toContainText('Noticed1 of 1');
  expect(await b.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(
    0,
  );
  await b.screenshot({ path: '.test-output/journeys/act-withdrawn-360.png', fullPage: true });

  await a.context().close();
  await b.context().close();
});
