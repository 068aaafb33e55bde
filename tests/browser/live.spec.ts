import { expect, test } from '@playwright/test';
import { AppShell, PASSWORD, signUpViaApi } from './pages/app';

// Live updates between two browsers. The delay is measured and printed, never asserted: these
// machines swing too much for timing assertions to be honest.
test('a partner joining and the space closing reach the other browser without a reload', async ({ browser }, testInfo) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signUpViaApi(a.request, 'Ash');
  await signUpViaApi(b.request, 'Birch');
  await a.goto('/');
  await expect(new AppShell(a).heading()).toHaveText('Hello, Ash');
  await expect(a.getByText('This space is yours for now.')).toBeVisible();
  const navigations: string[] = [];
  a.on('framenavigated', (frame) => {
    if (frame === a.mainFrame()) navigations.push(frame.url());
  });

  const invite = (await (await a.request.post('/api/v1/space/invites')).json()) as { token: string };
  const joinedAt = Date.now();
  expect((await b.request.post(`/api/v1/invites/${invite.token}/accept`)).status()).toBe(200);
  await expect(a.getByText('You and Birch share this space.')).toBeVisible({ timeout: 10_000 });
  const joinDelay = Date.now() - joinedAt;

  await b.goto('/');
  await expect(b.getByText('You and Ash share this space.')).toBeVisible();
  // Leaving asks for the password again first (decision 024).
  expect((await a.request.post('/api/v1/auth/reauth', { data: { password: PASSWORD } })).status()).toBe(204);
  const leftAt = Date.now();
  expect((await a.request.post('/api/v1/space/leave')).status()).toBe(200);
  await expect(b.getByText('The shared space was closed.')).toBeVisible({ timeout: 10_000 });
  const leaveDelay = Date.now() - leftAt;

  expect(navigations).toEqual([]);
  const line = `live update delay between two browsers: join ${joinDelay} ms, leave ${leaveDelay} ms`;
  console.log(line);
  testInfo.annotations.push({ type: 'measurement', description: line });
});
