import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app';

test('installable, starts offline, and never serves the API from the service worker', async ({ page, context }) => {
  await page.goto('/sign-in');
  await expect(new AppShell(page).heading()).toHaveText('Sign in to Attune');

  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(manifestHref ?? '')).json();
  expect(manifest).toMatchObject({ name: 'Attune', start_url: '/', display: 'standalone' });
  const sizes = (manifest.icons as { sizes: string }[]).map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));

  // The service worker takes control once installed.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // API calls go straight to the network, even with a controlling worker.
  const apiResponse = page.waitForResponse((r) => r.url().endsWith('/api/v1/config'));
  await page.reload();
  expect((await apiResponse).fromServiceWorker()).toBe(false);

  // Offline, the app shell still starts.
  await context.setOffline(true);
  await page.reload();
  await expect(new AppShell(page).quickExitButton()).toBeVisible();
  await expect(new AppShell(page).heading()).toHaveText('Sign in to Attune');
  await context.setOffline(false);
});
