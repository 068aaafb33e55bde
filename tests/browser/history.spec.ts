import { expect, test } from '@playwright/test';
import { AppShell, signUpViaApi } from './pages/app';

// Back and Forward move between Attune's screens, a reload keeps the screen, and a redirect (signed
// out → sign in) replaces its entry so Back does not loop (decision 026).

test('Back and Forward move between Attune screens, and a reload keeps the screen', async ({ page }) => {
  await signUpViaApi(page.request, 'Jo');
  await page.goto('/');
  const shell = new AppShell(page);
  await expect(shell.heading()).toHaveText('Hello, Jo');
  await shell.goTo('Invite');
  await expect(shell.heading()).toHaveText('Invite your partner');
  await shell.goTo('Settings');
  await expect(shell.heading()).toHaveText('Settings');

  await page.goBack();
  await expect(shell.heading()).toHaveText('Invite your partner');
  expect(new URL(page.url()).pathname).toBe('/invite');
  await page.goBack();
  await expect(shell.heading()).toHaveText('Hello, Jo');
  expect(new URL(page.url()).pathname).toBe('/');
  await page.goForward();
  await expect(shell.heading()).toHaveText('Invite your partner');
  // The screen's heading takes focus after the move, as after a click.
  await expect(shell.heading()).toBeFocused();

  await page.reload();
  await expect(shell.heading()).toHaveText('Invite your partner');
  await page.goForward();
  await expect(shell.heading()).toHaveText('Settings');
});

test('a signed-out visit to a screen redirects to sign in without a loop on Back', async ({ page }) => {
  await page.goto('/help');
  const shell = new AppShell(page);
  await expect(shell.heading()).toHaveText('Get help now');
  await page.goto('/settings');
  await expect(shell.heading()).toHaveText('Sign in to Attune');
  expect(new URL(page.url()).search).toBe('?next=%2Fsettings');
  // Back goes to where the person was before, not to /settings (which would redirect again).
  await page.goBack();
  await expect(shell.heading()).toHaveText('Get help now');
  await page.goForward();
  await expect(shell.heading()).toHaveText('Sign in to Attune');
});
