import { expect, test } from '@playwright/test';
import { readMails } from '../support/browser-env';
import { AppShell, signUpViaApi } from './pages/app';
import { ForgotPage, ResetPage, SignInForm } from './pages/auth';
import { SettingsPage } from './pages/space';

const NEW_PASSWORD = 'a different calm sentence';

test('a forgotten password is reset through the emailed link', async ({ page }) => {
  const user = await signUpViaApi(page.request, 'Robin');
  await page.goto('/settings');
  const shell = new AppShell(page);
  await expect(shell.heading()).toHaveText('Settings');
  await new SettingsPage(page).signOut();

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await new ForgotPage(page).request(user.email);

  let link = '';
  await expect
    .poll(
      async () => {
        const mail = (await readMails()).find((m) => m.to.includes(user.email));
        link = /https?:\/\/\S+\/reset\?token=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe('');

  const url = new URL(link);
  await page.goto(url.pathname + url.search);
  await new ResetPage(page).setPassword(NEW_PASSWORD);
  await expect(shell.heading()).toHaveText('Hello, Robin');
  await expect(page.getByText('Your new password is set.')).toBeVisible();

  // The old password no longer works; the new one does.
  await shell.goTo('Settings');
  await new SettingsPage(page).signOut();
  const signIn = new SignInForm(page);
  await signIn.signIn(user.email, user.password);
  await expect(signIn.alert()).toBeVisible();
  await expect(shell.heading()).toHaveText('Sign in to Attune');
  await signIn.signIn(user.email, NEW_PASSWORD);
  await expect(shell.heading()).toHaveText('Hello, Robin');
});
