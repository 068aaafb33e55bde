import { expect, type Page, test } from '@playwright/test';
import { AppShell, signUpViaApi } from './pages/app';

const neutralUrl = () => {
  const url = process.env.NEUTRAL_URL;
  if (!url) throw new Error('NEUTRAL_URL is not set: the browser test set-up provides it.');
  return url;
};

async function wanderThroughTheApp(page: Page) {
  await signUpViaApi(page.request, 'Jo');
  await page.goto('/');
  const shell = new AppShell(page);
  await expect(shell.heading()).toHaveText('Hello, Jo');
  await shell.goTo('Invite');
  await expect(shell.heading()).toHaveText('Invite your partner');
  await shell.goTo('Settings');
  await expect(shell.heading()).toHaveText('Settings');
  await shell.helpLink().click();
  await expect(shell.heading()).toHaveText('Get help now');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'Open Understand' }).click();
  await expect(shell.heading()).toContainText('Understand');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'Open Closeness' }).click();
  await expect(shell.heading()).toHaveText('Closeness');
}

async function expectLeftForGood(page: Page, appOrigin: string) {
  await page.waitForURL((url) => url.href.startsWith(neutralUrl()));
  await page.goBack().catch(() => null);
  expect(new URL(page.url()).origin).not.toBe(appOrigin);
}

test('the quick exit button leaves, and Back does not return to Attune', async ({ page, baseURL }) => {
  await wanderThroughTheApp(page);
  await new AppShell(page).quickExitButton().click();
  await expectLeftForGood(page, new URL(baseURL ?? page.url()).origin);
});

test('pressing Escape twice leaves, and Back does not return to Attune', async ({ page, baseURL }) => {
  await wanderThroughTheApp(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expectLeftForGood(page, new URL(baseURL ?? page.url()).origin);
});

test('one Escape alone does not leave', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(new AppShell(page).heading()).toHaveText('Sign in to Attune');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1200);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await expect(new AppShell(page).heading()).toHaveText('Sign in to Attune');
});
