import { expect, type Page, test } from '@playwright/test';
import { coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';

/** The check-in screen, as one person sees it. */
class CheckinPage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/checkin');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Daily check-in' })).toBeVisible();
  }
  partnerSection(name: string) {
    return this.page.getByRole('region', { name: `${name}’s check-in today` });
  }
  async fill(p: { connected: number; heard: number; mood: string; line: string; shareWith?: string }) {
    await this.page.getByLabel('How connected did you feel today?').fill(String(p.connected));
    await this.page.getByLabel('Did you feel heard today?').fill(String(p.heard));
    await this.page.getByRole('radio', { name: p.mood, exact: true }).check();
    await this.page.getByLabel('A line about today (optional)').fill(p.line);
    await this.page.getByRole('radio', { name: p.shareWith ? `Me and ${p.shareWith}` : 'Just me' }).check();
  }
}

test('a shared check-in reaches the partner live, the reply comes back live, and a private one never shows', async ({
  browser,
}) => {
  const { a, b } = await coupleInBrowser(browser, 'Rowan', 'Kit');
  const rowan = new CheckinPage(a);
  const kit = new CheckinPage(b);
  await rowan.open();
  await kit.open();
  await expect(kit.partnerSection('Rowan')).toContainText('When Rowan shares a check-in for today, it will show here.');
  expect(await seriousViolations(a)).toEqual([]);

  // A private check-in first: Kit's open screen, and a fresh load, show nothing of it.
  await rowan.fill({ connected: 3, heard: 2, mood: 'Tired', line: 'A quiet private line' });
  await a.getByRole('button', { name: 'Save check-in' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved, just for you.' })).toBeVisible();
  await expect(a.getByRole('region', { name: 'Your last two weeks' })).toContainText('A quiet private line');
  await expect(a.getByRole('radio', { name: 'Just me' })).toBeChecked();
  await b.waitForTimeout(500);
  await expect(b.getByRole('main')).not.toContainText('A quiet private line');
  await kit.open();
  await expect(b.getByRole('main')).not.toContainText('A quiet private line');
  await expect(kit.partnerSection('Rowan')).toContainText('When Rowan shares a check-in for today, it will show here.');

  // Rowan changes today's check-in and shares it: Kit sees it without reloading.
  await rowan.fill({ connected: 8, heard: 7, mood: 'Hopeful', line: 'We walked by the river', shareWith: 'Kit' });
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved and shared with Kit.' })).toBeVisible();
  const shared = kit.partnerSection('Rowan');
  await expect(shared).toContainText('We walked by the river');
  await expect(shared).toContainText('8 out of 10');
  await expect(shared).toContainText('Hopeful');
  await expect(shared).not.toContainText('A quiet private line');
  expect(await seriousViolations(b)).toEqual([]);

  // Kit answers with a reaction and a note; Rowan's screen shows both without reloading.
  await shared.getByRole('button', { name: 'A hug' }).click();
  await expect(shared.getByRole('list', { name: 'Replies' })).toContainText('You: A hug');
  await shared.getByLabel('A short note').fill('I loved that walk too');
  await shared.getByRole('button', { name: 'Send note' }).click();
  await expect(shared.getByRole('list', { name: 'Replies' })).toContainText('You: I loved that walk too');
  await expect(shared.getByLabel('A short note')).toHaveValue('');
  const answered = a.locator('.my-replies');
  await expect(answered).toContainText('Kit answered');
  await expect(answered).toContainText('Kit: A hug');
  await expect(answered).toContainText('Kit: I loved that walk too');
  expect(await seriousViolations(a)).toEqual([]);

  // Made private again, it leaves Kit's open screen.
  await a.getByRole('radio', { name: 'Just me' }).check();
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved, just for you.' })).toBeVisible();
  await expect(kit.partnerSection('Rowan')).toContainText('When Rowan shares a check-in for today, it will show here.');
  await expect(b.getByRole('main')).not.toContainText('We walked by the river');

  // The choice is remembered: a fresh load starts from "just me".
  await rowan.open();
  await expect(a.getByRole('radio', { name: 'Just me' })).toBeChecked();

  await a.context().close();
  await b.context().close();
});
