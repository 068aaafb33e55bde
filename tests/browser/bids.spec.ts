import { expect, type Page, test } from '@playwright/test';
import { coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';

// Bids and affection: one partner logs a gesture and a bid, marks how the bid was met and sees their
// own turning-toward figures; the other partner's app shows nothing of it, anywhere.

const GESTURE = 'Brought them tea in the garden';
const BID = 'Asked about the first week at the new job';

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function logMoment(page: Page, words: string, button: 'I showed affection' | 'I reached out') {
  await page.getByLabel('A few words, if you like').fill(words);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('listitem').filter({ hasText: words })).toBeVisible();
}

test('a person logs affection and bids for themselves alone, and sees how their bids were met', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Noa', 'Ira');

  await a.goto('/bids');
  await expect(a.getByRole('heading', { level: 1, name: 'Bids and affection' })).toBeVisible();
  await expect(a.getByText('Only you can see this page. Nothing you log here reaches Ira in any form.')).toBeVisible();
  await expect(a.getByText('Nothing logged in the last two weeks.')).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  await logMoment(a, GESTURE, 'I showed affection');
  await expect(a.getByRole('status').filter({ hasText: 'Saved: you showed affection.' })).toBeVisible();
  await expect(a.getByLabel('A few words, if you like')).toHaveValue('');
  const gesture = a.getByRole('listitem').filter({ hasText: GESTURE });
  await expect(gesture).toContainText('You showed affection');
  // A gesture is given: there is nothing to mark.
  await expect(gesture.getByRole('radio')).toHaveCount(0);

  await logMoment(a, BID, 'I reached out');
  const bid = a.getByRole('listitem').filter({ hasText: BID });
  await expect(bid).toContainText('You reached out');
  await expect(bid.getByRole('group', { name: 'How did Ira respond?' })).toBeVisible();
  await expect(a.getByText(/none marked yet/)).toBeVisible();

  // Marked turned away, then changed to turned toward: the figures follow.
  await bid.getByRole('radio', { name: 'Turned away' }).check();
  await expect(a.getByText('Over the last 12 weeks, Ira turned toward 0 of 1 bid you marked (0%).')).toBeVisible();
  await bid.getByRole('radio', { name: 'Turned toward' }).check();
  await expect(a.getByText('Over the last 12 weeks, Ira turned toward 1 of 1 bid you marked (100%).')).toBeVisible();
  await expect(bid.getByRole('radio', { name: 'Turned toward' })).toBeChecked();
  const table = a.getByRole('table', { name: /Week by week/ });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('1 of 1 (100%)');
  await expect(a.getByRole('img', { name: /share of your marked bids Ira turned toward/ })).toBeVisible();
  await expect(a.getByRole('heading', { name: 'What research on couples found' })).toBeVisible();
  await expect(a.getByText(/roughly 86 in every 100/)).toBeVisible();
  await expect(a.getByText(/It is not a score, and Attune never shows it to Ira/)).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  // After a reload the marks are still there.
  await a.reload();
  await expect(a.getByRole('listitem').filter({ hasText: BID }).getByRole('radio', { name: 'Turned toward' })).toBeChecked();

  // The partner's app shows nothing of it: not at home, not in other steps, not on their own /bids.
  for (const path of ['/', '/needs', '/talk', '/settings']) {
    await b.goto(path);
    await expect(b.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(b.getByRole('main')).not.toContainText(GESTURE);
    await expect(b.getByRole('main')).not.toContainText(BID);
    await expect(b.getByRole('main')).not.toContainText(/turned toward/i);
  }
  await b.goto('/bids');
  await expect(b.getByRole('heading', { level: 1, name: 'Bids and affection' })).toBeVisible();
  await expect(b.getByText('Nothing logged in the last two weeks.')).toBeVisible();
  await expect(b.getByText('When you mark how Noa met your bids, your own picture over the weeks appears here.')).toBeVisible();
  await expect(b.getByRole('main')).not.toContainText(GESTURE);
  await expect(b.getByRole('main')).not.toContainText(BID);
  const theirs = (await (await b.request.get('/api/v1/bids')).json()) as { bids: unknown[] };
  expect(theirs.bids).toEqual([]);
  expect(await seriousViolations(b)).toEqual([]);

  // Readable on a small phone: nothing scrolls sideways.
  await a.setViewportSize({ width: 360, height: 800 });
  await a.reload();
  await expect(a.getByRole('table', { name: /Week by week/ })).toBeVisible();
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(a)).toEqual([]);

  // Deleting takes it out of the log.
  await a
    .getByRole('listitem')
    .filter({ hasText: GESTURE })
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(a.getByRole('listitem').filter({ hasText: GESTURE })).toHaveCount(0);

  await a.context().close();
  await b.context().close();
});
