import { expect, type Page, test } from '@playwright/test';
import { AppShell, coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';

/** What the partner's home shows, with nothing that changes from one load to the next. */
async function homeText(page: Page): Promise<string> {
  await page.goto('/');
  await expect(new AppShell(page).heading()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  // The Today card arrives with its own request: wait for it, so both snapshots are of a settled page.
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  return (await page.locator('main').textContent()) ?? '';
}

test('concerning safety answers put help first and stop joint nudges, and the partner sees no difference', async ({
  browser,
}) => {
  const { a, b } = await coupleInBrowser(browser, 'Rowan', 'Kit');

  const partnerBefore = await homeText(b);

  // Rowan is offered the private check at home, and answers it.
  await a.goto('/');
  await expect(a.getByRole('heading', { name: 'A private check, just for you' })).toBeVisible();
  await a.getByRole('link', { name: 'Take the safety check' }).click();
  await expect(new AppShell(a).heading()).toHaveText('A private safety check');
  await expect(a.getByText('Only you can see this.')).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);
  await a.getByRole('group', { name: 'Do you ever feel afraid of your partner?' }).getByLabel('Sometimes').check();
  await a.getByRole('button', { name: 'Save my answers' }).click();
  await expect(a.getByRole('heading', { name: 'What your answers suggest' })).toBeVisible();
  await expect(a.getByText('Attune is built for couples where someone has felt neglected.')).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  // Home now puts help and private places first, and suggests nothing to do together.
  await new AppShell(a).goTo('Home');
  await expect(a.getByRole('heading', { name: 'Your safety comes first' })).toBeVisible();
  await expect(a.getByRole('heading', { name: 'A private check, just for you' })).toHaveCount(0);
  const headings = await a.getByRole('heading', { level: 2 }).allInnerTexts();
  expect(headings.indexOf('Just for you')).toBeLessThan(headings.indexOf('The journey'));
  await expect(a.locator('.card.next')).toHaveCount(0);

  // Kit's view is exactly what it was.
  expect(await homeText(b)).toBe(partnerBefore);

  // Answers can be changed back at any time.
  await a.goto('/safety');
  await a.getByRole('group', { name: 'Do you ever feel afraid of your partner?' }).getByLabel('No', { exact: true }).check();
  await a.getByRole('button', { name: 'Save my answers' }).click();
  await expect(a.getByText('Your answers are saved. Only you can see them.')).toBeVisible();
  await new AppShell(a).goTo('Home');
  await expect(a.getByRole('heading', { name: 'Your safety comes first' })).toHaveCount(0);
  await expect(a.locator('.card.next')).toHaveCount(1);
});
