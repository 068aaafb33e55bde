import { expect, type Page, test } from '@playwright/test';
import { coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The "Notifications" link in the main navigation; its name carries the unread count. */
const navLink = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notifications/ });

/** Shares today's check-in through the API, as the partner would from their own screen. */
async function shareCheckin(page: Page) {
  const today = (await (await page.request.get('/api/v1/checkins/today')).json()) as { date: string };
  const res = await page.request.put(`/api/v1/checkins/${today.date}`, {
    data: { connected: 7, heard: 6, mood: 'hopeful', line: 'A line that stays in the app', visibility: 'couple' },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test('a shared check-in raises my unread count live, the centre words it, and opening it marks it read', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Ash', 'Bay');
  await a.goto('/');
  await expect(a.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(navLink(a)).toHaveAccessibleName('Notifications');

  // Bay shares a check-in: Ash's count rises without a reload.
  await shareCheckin(b);
  await expect(navLink(a)).toHaveAccessibleName('Notifications, 1 unread');
  expect(await seriousViolations(a)).toEqual([]);

  await navLink(a).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const item = a.getByRole('listitem').filter({ hasText: 'Bay shared a check-in with you' });
  await expect(item).toContainText('New');
  // The centre never shows the check-in's words: only what happened, and a way to it.
  await expect(a.getByRole('main')).not.toContainText('A line that stays in the app');
  expect(await seriousViolations(a)).toEqual([]);

  // Readable on a small phone.
  await a.setViewportSize({ width: 360, height: 800 });
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);

  // Opening it leads to the check-in and marks it read.
  await item.getByRole('link', { name: 'Bay shared a check-in with you' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Daily check-in' })).toBeVisible();
  await expect(navLink(a)).toHaveAccessibleName('Notifications');
  await navLink(a).click();
  const read = a.getByRole('listitem').filter({ hasText: 'Bay shared a check-in with you' });
  await expect(read).toBeVisible();
  await expect(read).not.toContainText('New');
  const list = (await (await a.request.get('/api/v1/notifications')).json()) as { unreadCount: number };
  expect(list.unreadCount).toBe(0);

  // Bay can never learn that Ash read it: Bay's own centre is empty and holds nothing of Ash's.
  const bays = (await (await b.request.get('/api/v1/notifications')).json()) as { notifications: unknown[] };
  expect(bays.notifications).toEqual([]);

  await a.context().close();
  await b.context().close();
});

test('reminder preferences save and come back after a reload; the screen is accessible at 360 px', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Cedar', 'Dune');
  await a.goto('/settings');
  await a.getByRole('link', { name: 'Choose your reminders' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Reminders and notifications' })).toBeVisible();

  await a.getByRole('checkbox', { name: 'Remind me to check in each day' }).check();
  await a.getByRole('group', { name: 'Daily check-in' }).getByLabel('At', { exact: true }).fill('20:30');
  await a.getByLabel('Nudge me before something I committed to is due').selectOption({ label: '1 hour before' });
  await a.getByRole('checkbox', { name: 'Remind me once a week to look back together' }).check();
  await a.getByRole('group', { name: 'Weekly reflection' }).getByLabel('On', { exact: true }).selectOption({ label: 'Sunday' });
  await a.getByRole('group', { name: 'Weekly reflection' }).getByLabel('At', { exact: true }).fill('18:00');
  await a.getByRole('checkbox', { name: 'Hold reminders during quiet hours' }).check();
  await a.getByLabel('From', { exact: true }).fill('22:00');
  await a.getByLabel('Until', { exact: true }).fill('07:00');
  // This test server sends email (to the test's SMTP sink), so email can be chosen.
  await a.getByRole('checkbox', { name: 'Email me too' }).check();
  await a.getByRole('button', { name: 'Save reminders' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  await a.reload();
  await expect(a.getByRole('checkbox', { name: 'Remind me to check in each day' })).toBeChecked();
  await expect(a.getByRole('group', { name: 'Daily check-in' }).getByLabel('At', { exact: true })).toHaveValue('20:30');
  await expect(a.getByLabel('Nudge me before something I committed to is due')).toHaveValue('60');
  await expect(a.getByRole('group', { name: 'Weekly reflection' }).getByLabel('On', { exact: true })).toHaveValue('7');
  await expect(a.getByLabel('From', { exact: true })).toHaveValue('22:00');
  await expect(a.getByLabel('Until', { exact: true })).toHaveValue('07:00');
  await expect(a.getByRole('checkbox', { name: 'Email me too' })).toBeChecked();
  const saved = (await (await a.request.get('/api/v1/notifications/preferences')).json()) as Record<string, unknown>;
  expect(saved).toMatchObject({
    checkinTime: '20:30',
    commitmentNudgeMinutes: 60,
    reflection: { weekday: 7, time: '18:00' },
    quiet: { from: '22:00', until: '07:00' },
    email: true,
  });

  // Turning quiet hours off saves that too.
  await a.getByRole('checkbox', { name: 'Hold reminders during quiet hours' }).uncheck();
  await a.getByRole('button', { name: 'Save reminders' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await a.reload();
  await expect(a.getByRole('checkbox', { name: 'Hold reminders during quiet hours' })).not.toBeChecked();

  // A small phone: nothing scrolls sideways, and axe is still clean (the calendar part included).
  await a.setViewportSize({ width: 360, height: 800 });
  await expect(a.getByRole('heading', { level: 2, name: 'Calendar' })).toBeVisible();
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(a)).toEqual([]);

  await a.context().close();
  await b.context().close();
});

test('notifications of a kind are one entry with the count, and what was answered or opened is read', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Cam', 'Dee');
  await a.goto('/notifications');
  await expect(a.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();

  // Dee shares two needs: one entry for both, counted once in the badge.
  const needs: string[] = [];
  for (const text of ['Ask how my day went, most evenings', 'Plan one evening out together every other week']) {
    const need = (await (await b.request.post('/api/v1/needs', { data: { text } })).json()) as { id: string };
    expect((await b.request.post(`/api/v1/needs/${need.id}/share`)).status()).toBe(200);
    needs.push(need.id);
  }
  const waiting = a.getByRole('listitem').filter({ hasText: '2 needs are waiting for your answer' });
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText('New');
  await a.screenshot({ path: '.test-output/journeys/notifications-1280.png', fullPage: true });
  await expect(navLink(a)).toHaveAccessibleName('Notifications, 1 unread');
  await expect(a.getByRole('listitem').filter({ hasText: 'A need is waiting for your answer' })).toHaveCount(0);

  // Cam answers one need: that one is read, the other still waits, each said once.
  expect((await a.request.post(`/api/v1/needs/${needs[0]}/respond`, { data: { kind: 'accept' } })).status()).toBe(200);
  await a.reload();
  await expect(a.getByRole('listitem').filter({ hasText: 'A need is waiting for your answer' })).toContainText('New');
  const answered = a.getByRole('listitem').filter({ hasText: 'A need waited for your answer' });
  await expect(answered).toBeVisible();
  await expect(answered).not.toContainText('New');
  // Cam answers the other: nothing waits, and the badge clears without opening the centre's buttons.
  expect((await a.request.post(`/api/v1/needs/${needs[1]}/respond`, { data: { kind: 'accept' } })).status()).toBe(200);
  await a.reload();
  await expect(a.getByRole('listitem').filter({ hasText: '2 needs waited for your answer' })).toBeVisible();
  await expect(a.getByText('waiting for your answer')).toHaveCount(0);
  await expect(navLink(a)).toHaveAccessibleName('Notifications');

  // Dee shares a check-in; Cam opens the check-ins (not through the centre), and it is read there too.
  await shareCheckin(b);
  await expect(navLink(a)).toHaveAccessibleName('Notifications, 1 unread');
  await a.goto('/checkin');
  await expect(a.getByRole('heading', { level: 1, name: 'Daily check-in' })).toBeVisible();
  await expect(navLink(a)).toHaveAccessibleName('Notifications');
  await a.setViewportSize({ width: 360, height: 800 });
  await navLink(a).click();
  await expect(a.getByRole('listitem').filter({ hasText: 'Dee shared a check-in with you' })).not.toContainText('New');
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(a)).toEqual([]);
  await a.screenshot({ path: '.test-output/journeys/notifications-360.png', fullPage: true });

  // Dee learns nothing of what Cam read or answered through the centre: Dee's own centre holds only
  // what waits for Dee (Cam's answers), never a read receipt.
  const dees = (await (await b.request.get('/api/v1/notifications')).json()) as { notifications: { kind: string }[] };
  expect(dees.notifications.every((n) => n.kind !== 'checkin.shared')).toBe(true);

  await a.context().close();
  await b.context().close();
});
