import { expect, type Page } from '@playwright/test';

/** Step 7, Closeness: today's question, as one partner sees it. */
export class ClosenessPage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/closeness');
    await this.expectOpen();
  }
  async expectOpen() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Closeness' })).toBeVisible();
    await expect(this.questionText()).toBeVisible();
  }
  today() {
    return this.page.getByRole('region', { name: 'Today’s question' });
  }
  questionText() {
    return this.today().locator('.question-text');
  }
  /** A message read out after a change, such as "Tomas will see your reply." */
  said(text: string) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
  async answer(text: string) {
    await this.today().getByLabel('Your answer', { exact: true }).fill(text);
    await this.today().getByRole('button', { name: 'Save my answer' }).click();
    await expect(this.today().getByRole('heading', { name: 'Your answer', exact: true }).or(this.pair())).toBeVisible();
  }
  /** Both answers, side by side, once both are in. */
  pair() {
    return this.today().locator('.pair');
  }
  async react(label: string) {
    await this.today().getByRole('button', { name: label }).click();
    await expect(this.today().getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
  }
  async reply(text: string, name: string) {
    await this.today().getByLabel(`Your reply to ${name} (optional)`).fill(text);
    await this.today().getByRole('button', { name: 'Send my reply' }).click();
    await expect(this.said(`${name} will see your reply.`)).toBeVisible();
  }
}

/** The width of the page beyond the window: 0 when nothing scrolls sideways. */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Marks the page, so a test can tell later that it was never reloaded. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { attuneMark?: number }).attuneMark = 1;
  });
}

export async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { attuneMark?: number }).attuneMark)).toBe(1);
}
