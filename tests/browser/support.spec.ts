import { expect, type Page, test } from '@playwright/test';
import { AppShell, signUpViaApi } from './pages/app';
import { seriousViolations } from './pages/axe';

// Step 6, Help: the professional-support page, reached from the journey on the home screen.

const SECTIONS = [
  'What couples therapy is',
  'The main approaches',
  'Finding a therapist',
  'Costs and lower-cost routes',
  'What a first session is like',
  'Bringing Attune to a therapist',
  'Support for yourself',
  'If you feel afraid, controlled or unsafe',
];

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const sectionHeadings = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();

test('the help step opens the support page: readable at 360 px, axe clean, with working links', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signUpViaApi(page.request, 'Sol');
  await page.goto('/');
  await page.getByRole('link', { name: 'Open Help' }).click();

  const shell = new AppShell(page);
  await expect(shell.heading()).toHaveText('Professional support');
  await expect(shell.heading()).toBeFocused();
  await expect(page).toHaveURL(/\/support$/);
  await expect.poll(() => sectionHeadings(page)).toEqual(SECTIONS);
  for (const approach of ['Emotionally focused therapy', 'The Gottman method', 'Integrative behavioural couple therapy'])
    await expect(page.getByRole('heading', { level: 3, name: approach })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'What you could ask at first contact' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

  // The contents lead to a section without adding a history entry (Back after a quick exit must not return here).
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Support for yourself' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Support for yourself' })).toBeFocused();
  await expect(page).toHaveURL(/\/support#individual$/);
  expect(await page.evaluate(() => history.length)).toBe(entries);

  // The safety section links to the private safety check and to the help lines.
  const safety = page.locator('#safety');
  await expect(safety.getByRole('link', { name: 'Your private safety check' })).toHaveAttribute('href', '/safety');
  await safety.getByRole('link', { name: 'Help lines you can call or text, free and confidential' }).click();
  await expect(shell.heading()).toHaveText('Get help now');
  await expect(page).toHaveURL(/\/help$/);
});

test('a link from elsewhere can lead straight to support for oneself', async ({ page }) => {
  await signUpViaApi(page.request, 'Ari');
  await page.goto('/support#individual');
  await expect(page.getByRole('heading', { level: 2, name: 'Support for yourself' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Support for yourself' })).toBeInViewport();
});

test('when a person’s own safety check raised concern, support for them alone comes first', async ({ page }) => {
  await signUpViaApi(page.request, 'Eden');
  const saved = await page.request.put('/api/v1/safety', { data: { answers: { afraid: 'yes' } } });
  expect(saved.status(), await saved.text()).toBe(200);
  await page.goto('/support');
  await expect(page.getByText('From what you shared in your private safety check')).toBeVisible();
  const headings = await sectionHeadings(page);
  expect(headings.slice(0, 2)).toEqual(['If you feel afraid, controlled or unsafe', 'Support for yourself']);
  expect([...headings].sort()).toEqual([...SECTIONS].sort());
  expect(await seriousViolations(page)).toEqual([]);
});

test('someone signed out can still read it', async ({ page }) => {
  await page.goto('/support');
  await expect(new AppShell(page).heading()).toHaveText('Professional support');
  await expect.poll(() => sectionHeadings(page)).toEqual(SECTIONS);
  await expect(page.getByText('From what you shared')).toHaveCount(0);
});
