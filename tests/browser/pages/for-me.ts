import { expect, type Page } from '@playwright/test';

/** "For me", the private journal, as its owner sees it. */
export class ForMePage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/for-me');
    await this.expectOpen();
  }
  async expectOpen() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'For me' })).toBeVisible();
    await expect(
      this.page.getByText('Only you can see this. Nothing here is ever shown or signalled to your partner.'),
    ).toBeVisible();
  }
  writing() {
    return this.page.getByRole('region', { name: 'Write' });
  }
  entries() {
    return this.page.getByRole('region', { name: 'Your entries' });
  }
  entry(text: string) {
    return this.entries().locator('li.entry').filter({ hasText: text });
  }
  /** Fills the new-entry form; the label is the prompt's words when one was chosen. */
  async fill(text: string, opts: { mood?: string; tags?: string; label?: string } = {}) {
    await this.writing()
      .getByLabel(opts.label ?? 'What is on your mind', { exact: true })
      .fill(text);
    if (opts.mood) await this.writing().getByRole('radio', { name: opts.mood, exact: true }).check();
    if (opts.tags) await this.writing().getByLabel('Tags (optional)').fill(opts.tags);
  }
  async save() {
    await this.writing().getByRole('button', { name: 'Save entry' }).click();
  }
  async write(text: string, opts: { mood?: string; tags?: string; label?: string } = {}) {
    await this.fill(text, opts);
    await this.save();
    await expect(this.writing().getByRole('status')).toHaveText('Saved. Only you can see it.');
    await expect(this.entry(text)).toBeVisible();
  }
  async search(words: string) {
    await this.entries().getByLabel('Search your entries').fill(words);
    await this.entries().getByRole('button', { name: 'Search', exact: true }).click();
  }
  passwordCard() {
    return this.page.getByRole('heading', { name: 'Your password, once more' });
  }
}
