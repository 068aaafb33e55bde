import { expect, type Page, test } from '@playwright/test';
import { AppShell, signUpViaApi } from './pages/app';
import { seriousViolations } from './pages/axe';
import { HomePage, InvitePage, JoinPage } from './pages/space';
import { UnderstandPage } from './pages/understand';

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('a person learns, checks in twice, sees the comparison and deletes a check-in; the partner sees none of it', async ({
  browser,
}) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await signUpViaApi(a.request, 'Robin');
  await signUpViaApi(b.request, 'Jules');

  // The two share a space.
  await a.goto('/invite');
  const joinPath = await new InvitePage(a).makeLink();
  await b.goto(joinPath);
  await new JoinPage(b).expectInvitedBy('Robin');
  await b.getByRole('button', { name: 'Accept and join' }).click();
  await new HomePage(b).expectSharedWith('Robin');

  // Home leads to the real Understand step.
  await a.goto('/');
  await a.getByRole('link', { name: 'Open Understand' }).click();
  const shell = new AppShell(a);
  await expect(shell.heading()).toHaveText('Understand');
  await expect(a.getByText('Only you can see this.')).toBeVisible();

  // The four learning pages, one after another.
  await a.getByRole('link', { name: 'What emotional neglect can look like' }).click();
  await expect(shell.heading()).toHaveText('What emotional neglect can look like');
  await expect(a.getByRole('heading', { name: 'Being ignored when sharing feelings' })).toBeVisible();
  await a.getByRole('link', { name: 'Next: What it can do' }).click();
  await expect(a.getByRole('heading', { name: 'Doubting your worth' })).toBeVisible();
  await a.getByRole('link', { name: 'Next: Why saying sorry is not enough on its own' }).click();
  await expect(a.getByRole('heading', { name: 'Trust returns slowly' })).toBeVisible();
  await a.getByRole('link', { name: 'Next: The journey ahead' }).click();
  await expect(a.getByRole('listitem').filter({ hasText: 'Step 0: Understand' })).toContainText('Available now');
  await a.getByRole('link', { name: 'Check in with yourself' }).click();

  // The first check-in, with a private note.
  const understand = new UnderstandPage(a);
  await understand.checkIn(
    {
      'Being ignored when sharing feelings': 'Very much',
      Insecurity: 'Quite a lot',
    },
    'saffron kettle evening',
  );
  await expect(shell.heading()).toHaveText('Your check-ins');
  await expect(a.getByText('saffron kettle evening')).toBeVisible();
  await expect(a.getByText('When you check in again, you will see here how your answers compare.')).toBeVisible();

  // A second check-in: the plain comparison with the time before.
  await a.getByRole('link', { name: 'Check in again' }).click();
  await understand.checkIn({
    'Being ignored when sharing feelings': 'A little',
    Insecurity: 'Quite a lot',
  });
  const since = a.getByRole('region', { name: 'Since the time before' });
  await expect(since).toContainText('1 statement felt true less than before and 1 statement stayed about the same.');
  await expect(since).toContainText('Less than before: Very much → A little.');
  await expect(a.getByRole('listitem').filter({ has: a.getByRole('heading', { level: 3 }) })).toHaveCount(2);
  expect(await seriousViolations(a)).toEqual([]);

  // The partner's Understand step is their own, and empty.
  await b.goto('/understand/history');
  await expect(b.getByText('You have not checked in yet.')).toBeVisible();
  await expect(b.getByRole('main')).not.toContainText('saffron');

  // Deleting the first check-in asks first, then removes it.
  await a
    .getByRole('button', { name: /Delete this check-in/ })
    .last()
    .click();
  await a.getByRole('button', { name: /Yes, delete it/ }).click();
  await expect(a.getByRole('status').filter({ hasText: 'That check-in is deleted.' })).toBeVisible();
  await expect(a.getByText('saffron kettle evening')).toBeHidden();
  await a.reload();
  await expect(a.getByRole('region', { name: 'Since the time before' })).toHaveCount(0);

  await contextA.close();
  await contextB.close();
});

test('the Understand screens have no serious axe violations and fit 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signUpViaApi(page.request, 'Alexandria-Marguerite');
  for (const path of [
    '/understand',
    '/understand/looks-like',
    '/understand/what-it-does',
    '/understand/apology',
    '/understand/journey',
    '/understand/check-in',
    '/understand/history',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    expect(await seriousViolations(page), `axe on ${path}`).toEqual([]);
    expect(await noSidewaysScroll(page), `sideways scroll on ${path}`).toBeLessThanOrEqual(0);
  }
});

test('the self-check can be done by keyboard alone', async ({ page }) => {
  await signUpViaApi(page.request, 'Kai');
  await page.goto('/understand/check-in');
  const group = page.getByRole('group', { name: /Affection fading/ });
  await group.getByRole('radio', { name: 'Not at all' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(group.getByRole('radio', { name: 'A little' })).toBeChecked();
  await page.getByRole('button', { name: 'Save my check-in' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Your check-in is saved.' })).toBeVisible();
  await expect(page.getByText('A little (2 of 5)')).toBeVisible();
});
