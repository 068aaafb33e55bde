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
