import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { signUpViaApi } from './pages/app';
import { seriousViolations } from './pages/axe';

// The service worker's side of web push, driven through the DevTools protocol (a real push service
// is out of reach here): a delivered message shows the fixed neutral words and nothing it carries,
// and opens only a path inside Attune.

interface Shown {
  title: string;
  body: string;
  tag: string;
  data: { url: string };
}

async function shownNotifications(page: Page): Promise<Shown[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const list = await registration.getNotifications();
    return list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data }));
  });
}

test('a push message shows only the neutral words and opens a path inside Attune', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['notifications']);
  const cdp = await context.newCDPSession(page);
  const registrationIds = new Set<string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
    for (const r of e.registrations) if (!r.isDeleted) registrationIds.add(r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');

  await page.goto('/sign-in');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => registrationIds.size).toBeGreaterThan(0);
  const [registrationId] = [...registrationIds];
  const origin = new URL(baseURL ?? '').origin;
  /** Clears what is shown, delivers one message, and reads the notification it made. */
  const deliver = async (data: string): Promise<Shown> => {
    await page.evaluate(async () => {
      for (const n of await (await navigator.serviceWorker.ready).getNotifications()) n.close();
    });
    await expect.poll(async () => (await shownNotifications(page)).length).toBe(0);
    await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registrationId ?? '', data });
    await expect.poll(async () => (await shownNotifications(page)).length).toBe(1);
    const [shown] = await shownNotifications(page);
    if (!shown) throw new Error('no notification');
    return shown;
  };
  const neutral = (url = '/notifications') => ({
    title: 'Attune',
    body: 'You have a new update in Attune',
    tag: 'attune-update',
    data: { url },
  });

  expect(
    await deliver(JSON.stringify({ title: 'Attune', body: 'You have a new update in Attune', url: '/notifications' })),
  ).toEqual(neutral());
  // Whatever a message carries, the words stay neutral, and a link elsewhere is not followed.
  expect(
    await deliver(JSON.stringify({ title: 'Jules wrote', body: 'a private line', url: 'https://elsewhere.example/' })),
  ).toEqual(neutral());
  expect(await deliver('not json at all')).toEqual(neutral());
  expect(await deliver('{"url":"//elsewhere.example/x"}')).toEqual(neutral());
  expect(await deliver('{"url":"/checkin"}')).toEqual(neutral('/checkin'));

  // One tag: a second update replaces the first instead of piling up on the lock screen.
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registrationId ?? '', data: '{}' });
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registrationId ?? '', data: '{}' });
  await expect.poll(() => shownNotifications(page)).toEqual([neutral()]);
});

/** What a browser's PushSubscription.toJSON() gives: a push service address and a real P-256 key. */
function browserSubscription(device: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
    device,
  };
}

test('the devices list: notifications on elsewhere, turned off here, in plain words', async ({ page }) => {
  await signUpViaApi(page.request, 'Rowan');
  for (const device of ['Kitchen laptop', 'Work phone']) {
    const res = await page.request.post('/api/v1/push/subscriptions', { data: browserSubscription(device) });
    expect(res.status(), await res.text()).toBe(201);
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/notifications/settings');
  const section = page.getByRole('region', { name: 'Notifications on your devices' });
  await expect(section.getByText('A notification says only "You have a new update in Attune"')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Turn on notifications for this device' })).toBeVisible();
  await expect(section.getByRole('listitem')).toHaveCount(2);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);

  await section.getByRole('button', { name: /^Turn off for Kitchen laptop/ }).click();
  await expect(section.getByRole('status')).toHaveText('Notifications are off for Kitchen laptop.');
  await expect(section.getByRole('listitem')).toHaveCount(1);
  await expect(section.getByRole('listitem')).toContainText('Work phone');
  const state = (await (await page.request.get('/api/v1/push')).json()) as { subscriptions: { device: string }[] };
  expect(state.subscriptions.map((s) => s.device)).toEqual(['Work phone']);
});
