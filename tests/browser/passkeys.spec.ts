import { mkdirSync } from 'node:fs';
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { PASSWORD, signUpViaApi } from './pages/app';
import { seriousViolations } from './pages/axe';
import { sidewaysScroll } from './pages/closeness';

// Passkeys (decision 024) in real Chromium, with the DevTools virtual authenticator standing in for
// the phone's or computer's own (a platform authenticator that holds discoverable credentials and
// verifies the person). Add one in Settings after the password asked in place, sign out, sign in
// with it, confirm it is you with it for a sensitive action (removing it), rename and remove it.

const SHOTS = process.env.ATTUNE_SHOTS_DIR;

async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** No serious accessibility problem, no sideways scrolling at 360 px; screenshots at both widths when asked. */
async function readable(page: Page, name: string) {
  expect(await seriousViolations(page)).toEqual([]);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 360) expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }
}

test('a passkey: added in Settings, used to sign in and to confirm it is you, renamed and removed', async ({ page }) => {
  test.setTimeout(120_000);
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  const me = await signUpViaApi(page.request, 'Rowan');
  const credentials = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;

  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Passkeys' });
  await expect(section).toContainText('You have no passkeys yet.');
  await readable(page, 'settings-empty');

  // Signing up does not count as entering the password again: it is asked in place first.
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(section.getByRole('heading', { name: 'Your password, once more' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Use a passkey instead' })).toHaveCount(0);
  await section.getByLabel('Password').fill(PASSWORD);
  await section.getByRole('button', { name: 'Continue' }).click();
  await section.getByLabel('Name').fill('My laptop');
  await readable(page, 'settings-naming');
  await section.getByRole('button', { name: 'Create the passkey' }).click();
  await expect(section.getByRole('status')).toContainText('Your passkey "My laptop" is ready.');
  await expect(section.getByRole('listitem')).toHaveCount(1);
  await expect(section.getByRole('listitem')).toContainText('My laptop');
  await expect(section.getByRole('listitem')).toContainText('Not used yet.');
  const held = await credentials();
  expect(held).toHaveLength(1);
  expect(held[0]?.isResidentCredential).toBe(true);
  expect(held[0]?.rpId).toBe('localhost');
  await readable(page, 'settings-one-passkey');

  // The owner's notification centre says so, in neutral words.
  await page.goto('/notifications');
  await expect(page.getByRole('main')).toContainText('A passkey was added to your account.');

  // Sign out, then back in with the passkey: no email, no password.
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible();
  await readable(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  expect(((await (await page.request.get('/api/v1/me')).json()) as { email: string }).email).toBe(me.email);
  await page.goto('/settings');
  expect((await credentials())[0]?.signCount).toBeGreaterThan(0);
  const row = section.getByRole('listitem').filter({ hasText: 'My laptop' });
  await expect(row).toContainText('Last used');

  // Rename it.
  await row.getByRole('button', { name: 'Rename' }).click();
  await row.getByLabel('New name').fill('Work laptop, the grey one by the window, with a sticker');
  await row.getByRole('button', { name: 'Save the name' }).click();
  const renamed = section.getByRole('listitem').filter({ hasText: 'Work laptop, the grey one' });
  await expect(renamed).toHaveCount(1);
  await readable(page, 'settings-long-name');

  // Removing is sensitive, and signing in (with a passkey too) is not a fresh confirmation: it is
  // asked in place, and the passkey can answer instead of the password.
  await renamed.getByRole('button', { name: 'Remove' }).click();
  await renamed.getByRole('button', { name: /Yes, remove it/ }).click();
  await expect(renamed.getByRole('heading', { name: 'Your password, once more' })).toBeVisible();
  await readable(page, 'settings-remove-asks');
  await renamed.getByRole('button', { name: 'Use a passkey instead' }).click();
  await expect(section).toContainText('You have no passkeys yet.');
  await expect(section.getByRole('listitem')).toHaveCount(0);

  // The server no longer knows it: the device's passkey signs no one in.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('That passkey did not sign you in.');
  await expect(page).toHaveURL(/\/sign-in/);
});
