import { expect, type Page, test } from '@playwright/test';
import { PULSE_ITEMS } from '../../src/domain/pulse';
import { coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The weekly trust pulse screen, as one person sees it. */
class PulsePage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/pulse');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Weekly trust pulse' })).toBeVisible();
  }
  statement(text: string) {
    return this.page.getByRole('group', { name: text });
  }
  /** Rates every statement; `last` overrides the final one. */
  async rateAll(rating: number, last = rating) {
    for (const [n, item] of PULSE_ITEMS.entries()) {
      const value = n === PULSE_ITEMS.length - 1 ? last : rating;
      await this.statement(item.text)
        .getByRole('radio', { name: new RegExp(`^${value}(,|$)`) })
        .check();
    }
  }
  status() {
    return this.page.getByRole('status').filter({ hasText: 'Saved' });
  }
  partnerSection(name: string) {
    return this.page.getByRole('region', { name: `Scores ${name} shared` });
  }
  history() {
    return this.page.getByRole('region', { name: 'Your recent weeks' });
  }
}

test('the weekly pulse: from home, answered privately, then the score (never the answers) shared live', async ({ browser }) => {
  test.setTimeout(90_000);
  const { a, b } = await coupleInBrowser(browser, 'Rowan', 'Kit');
  const rowan = new PulsePage(a);
  const kit = new PulsePage(b);

  // Home offers this week's pulse while it is not answered.
  await a.goto('/');
  await a.getByRole('link', { name: /This week’s trust pulse/ }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Weekly trust pulse' })).toBeVisible();
  await expect(a.getByRole('main')).toContainText('Your answers are never shown to your partner.');
  await expect(rowan.history()).toContainText('Your scores will gather here');
  expect(await seriousViolations(a)).toEqual([]);

  // Every statement needs an answer; the ends of the scale are labelled.
  const first = rowan.statement(PULSE_ITEMS[0].text);
  await expect(first).toContainText('1: Not true at all');
  await expect(first).toContainText('7: Completely true');
  await first.getByRole('radio', { name: '5', exact: true }).check();
  await a.getByRole('button', { name: 'Save this week’s pulse' }).click();
  await expect(a.getByRole('alert').filter({ hasText: '7 statements still need an answer' })).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  // Kept private (the default): 4s everywhere, one 7 → (4·7 + 7 − 8)/48 × 100 = 56.25 → 56.3.
  await kit.open();
  await expect(kit.partnerSection('Rowan')).toContainText('If Rowan chooses to share their weekly score');
  await rowan.rateAll(4, 7);
  await expect(a.getByRole('radio', { name: 'Just me' })).toBeChecked();
  await a.getByRole('button', { name: 'Save this week’s pulse' }).click();
  await expect(rowan.status()).toContainText('Saved, just for you. Your score this week is 56.3 out of 100.');
  await expect(a.getByText('Your score this week: 56.3 out of 100')).toBeVisible();
  await expect(rowan.history()).toContainText('56.3 out of 100');
  await expect(rowan.history()).toContainText('Just you');
  await b.waitForTimeout(500);
  await expect(b.getByRole('main')).not.toContainText('56.3');
  await kit.open();
  await expect(b.getByRole('main')).not.toContainText('56.3');

  // Shared: Kit's open screen shows the score without reloading, and only the score.
  await a.getByRole('radio', { name: 'Me and Kit: the score only' }).check();
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(rowan.status()).toContainText('shared with Kit');
  await expect(kit.partnerSection('Rowan')).toContainText('56.3 out of 100');
  const seenByKit = (await (await b.request.get('/api/v1/pulse')).text()) as string;
  expect(seenByKit).not.toContain('"answers"');
  expect(await seriousViolations(b)).toEqual([]);

  // Home no longer asks once this week is answered.
  await a.goto('/');
  await expect(a.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(a.getByRole('link', { name: /This week’s trust pulse/ })).toHaveCount(0);

  // Made private again, it leaves Kit's open screen.
  await rowan.open();
  await expect(a.getByRole('radio', { name: 'Me and Kit: the score only' })).toBeChecked();
  await a.getByRole('radio', { name: 'Just me' }).check();
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(rowan.status()).toContainText('Saved, just for you.');
  await expect(kit.partnerSection('Rowan')).toContainText('If Rowan chooses to share their weekly score');

  await a.context().close();
  await b.context().close();
});

test('the pulse screen reads well at 360 px, and a pulse can be deleted', async ({ browser }) => {
  test.setTimeout(60_000);
  const { a, b } = await coupleInBrowser(browser, 'Alexandria-Marguerite', 'Bartholomew');
  const page = new PulsePage(a);
  await a.setViewportSize({ width: 360, height: 800 });
  await page.open();
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(a)).toEqual([]);
  await page.rateAll(7);
  await a.getByRole('button', { name: 'Save this week’s pulse' }).click();
  await expect(page.status()).toContainText('100 out of 100');
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(a)).toEqual([]);

  // Deleting asks once, then the week leaves the history and home offers the pulse again.
  await page
    .history()
    .getByRole('button', { name: /^Delete/ })
    .click();
  await page.history().getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.history()).toContainText('Your scores will gather here');
  await a.goto('/');
  await expect(a.getByRole('link', { name: /This week’s trust pulse/ })).toBeVisible();

  await a.context().close();
  await b.context().close();
});
