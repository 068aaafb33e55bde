import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { AppShell, signUpViaApi } from './pages/app';
import { seriousViolations } from './pages/axe';

async function expectScreenAccessible(page: Page, path: string) {
  await page.goto(path);
  await expect(new AppShell(page).heading()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  expect(await seriousViolations(page), `axe on ${path}`).toEqual([]);
}

/** A real invite, made by someone else, for the join screen. */
async function inviteToken(request: APIRequestContext): Promise<string> {
  await signUpViaApi(request, 'Kim');
  const invite = await request.post('/api/v1/space/invites');
  expect(invite.status()).toBe(201);
  return ((await invite.json()) as { token: string }).token;
}

const signedOutScreens = [
  '/sign-in',
  '/sign-up',
  '/forgot',
  `/reset?token=${'x'.repeat(32)}`,
  '/reset',
  '/help',
  '/no-such-page',
  `/join/${'n'.repeat(30)}`,
];

test.describe('signed-out screens have no serious or critical axe violations', () => {
  for (const path of signedOutScreens) {
    test(path, async ({ page }) => {
      await expectScreenAccessible(page, path);
    });
  }

  test('/join/<token> of a real invite', async ({ page, browser }) => {
    const inviter = await browser.newContext();
    const token = await inviteToken((await inviter.newPage()).request);
    await inviter.close();
    await expectScreenAccessible(page, `/join/${token}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kim invited you to share a space in Attune');
  });

  test('sign-up showing errors', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

const signedInScreens = ['/', '/invite', '/settings', '/steps/understand', '/steps/for-me'];

test.describe('signed-in screens have no serious or critical axe violations', () => {
  for (const path of signedInScreens) {
    test(path, async ({ page }) => {
      await signUpViaApi(page.request, 'Lee');
      await expectScreenAccessible(page, path);
    });
  }

  test('invite showing a fresh link', async ({ page }) => {
    await signUpViaApi(page.request, 'Lee');
    await page.goto('/invite');
    await page.getByRole('button', { name: 'Make an invite link' }).click();
    await expect(page.getByLabel('Link for your partner')).toHaveValue(/\/join\//);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('home fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signUpViaApi(page.request, 'Alexandria-Marguerite');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'The journey' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('focus is visible and moves to the heading after navigating', async ({ page }) => {
  await signUpViaApi(page.request, 'Ash');
  await page.goto('/');
  await new AppShell(page).goTo('Settings');
  const title = page.getByRole('heading', { level: 1, name: 'Settings' });
  await expect(title).toBeFocused();
  // Focus moved there for screen readers, but no ring is drawn around a title nobody tabbed to.
  expect(await title.evaluate((h) => getComputedStyle(h).outlineStyle)).toBe('none');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
});
