import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { call } from './pages/api';
import { AppShell, coupleInBrowser, PASSWORD, signUpViaApi, uniqueEmail } from './pages/app';
import { SignInForm } from './pages/auth';
import { seriousViolations } from './pages/axe';

// Your account, safe from a partner with access (decision 024), in real Chromium: changing the
// password in Settings on a phone-sized screen signs every other browser out, and only the new
// password signs in; changing the email asks for the password in place; Settings says the calendar
// address is not a sign-in and offers to replace it.

const SHOTS = '/tmp/shots-A';
const NEW_PASSWORD = 'lantern harbour evening tide';
const PHONE = { width: 360, height: 780 };

/** A picture of one part of the page (or the whole page), to look at by eye: never compared. */
async function shot(page: Page, name: string, part?: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  if (part) await part.screenshot({ path: `${SHOTS}/${name}.png` });
  else await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('changing the password in Settings signs the other browser out, and only the new password signs in', async ({ browser }) => {
  const here = await (await browser.newContext({ viewport: PHONE })).newPage();
  const other = await (await browser.newContext({ viewport: PHONE })).newPage();
  const me = await signUpViaApi(here.request, 'Noor');
  // The same person, signed in on a second browser.
  await other.goto('/sign-in');
  await new SignInForm(other).signIn(me.email, PASSWORD);
  await expect(new AppShell(other).heading()).toHaveText('Hello, Noor');

  await here.goto('/settings');
  const section = here.getByRole('region', { name: 'Change your password' });
  await expect(section).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await shot(here, 'settings-password-360', section);

  // A wrong current password is said at its field, and nothing changes.
  await section.getByLabel('Current password').fill('not my password at all');
  await section.getByLabel('New password').fill(NEW_PASSWORD);
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.locator('.field-error')).toHaveText(['That is not your current password. Please try again.']);
  await expect(section.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await shot(here, 'settings-password-wrong-360', section);
  // A new password that is too short is said at its own field.
  await section.getByLabel('Current password').fill(PASSWORD);
  await section.getByLabel('New password').fill('short');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByLabel('Current password')).not.toHaveAttribute('aria-invalid', 'true');
  await other.reload();
  await expect(new AppShell(other).heading()).toHaveText('Hello, Noor');

  await section.getByLabel('New password').fill(NEW_PASSWORD);
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.getByRole('status')).toContainText('Every other device you were signed in on has been signed out');
  await expect(section.getByLabel('Current password')).toHaveValue('');
  await shot(here, 'settings-password-done-360', section);
  expect(await seriousViolations(here)).toEqual([]);
  expect(await here.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // This browser stays signed in; the other one is signed out.
  await here.reload();
  await expect(here.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await other.reload();
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in to Attune' })).toBeVisible();

  // The old password no longer signs in; the new one does.
  const signIn = new SignInForm(other);
  await signIn.signIn(me.email, PASSWORD);
  await expect(signIn.alert()).toBeVisible();
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in to Attune' })).toBeVisible();
  await signIn.signIn(me.email, NEW_PASSWORD);
  await expect(new AppShell(other).heading()).toHaveText('Hello, Noor');

  // The sign-in is told to its owner, in their own notification centre.
  await here.goto('/notifications');
  await expect(here.getByRole('main')).toContainText('New sign-in to your account on');
  await shot(here, 'notifications-signin-360', here.getByRole('main'));

  await here.context().close();
  await other.context().close();
});

test('a new email asks for the password in place, then is saved', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signUpViaApi(page.request, 'Ravi');
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Your email address' });
  const address = uniqueEmail('ravi.moved');
  await section.getByLabel('Email address').fill(address);
  await section.getByRole('button', { name: 'Change email address' }).click();
  await expect(section.getByRole('heading', { name: 'Your password, once more' })).toBeVisible();
  await expect(section.getByLabel('Password', { exact: true })).toBeFocused();
  await shot(page, 'settings-email-password-360', section);
  await section.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await section.getByRole('button', { name: 'Change email address' }).click();
  await expect(section.getByRole('status')).toHaveText(`Your email address is now ${address}. Use it to sign in from now on.`);
  expect((await call(page.request, 'auth.me')).email).toBe(address);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('Settings says the calendar address is not a sign-in, and offers to replace it', async ({ browser }) => {
  const { a } = await coupleInBrowser(browser, 'Oona', 'Piet');
  for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
    await a.setViewportSize(viewport);
    await a.goto('/settings');
    // No calendar address yet: nothing to say.
    await expect(a.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible();
    await expect(a.getByText('Your private calendar address is separate from signing in.')).toHaveCount(0);
  }
  await call(a.request, 'calendar.create');
  for (const [viewport, name] of [
    [PHONE, '360'],
    [{ width: 1280, height: 900 }, '1280'],
  ] as const) {
    await a.setViewportSize(viewport);
    await a.goto('/settings');
    await expect(a.getByText('Your private calendar address is separate from signing in.')).toBeVisible();
    const note = a.locator('.card').filter({ hasText: 'Your private calendar address is separate from signing in.' });
    await shot(a, `settings-calendar-${name}`, note);
  }
  expect(await seriousViolations(a)).toEqual([]);
  await a.getByRole('link', { name: 'Replace your calendar address' }).click();
  await expect(a.getByRole('button', { name: 'Make a new address' })).toBeVisible();
  await a.context().close();
});
