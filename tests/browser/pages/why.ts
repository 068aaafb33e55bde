import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Step 2, Why: marking privately, sharing, the comparison and the shared understanding. */
export class WhyPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await this.page.getByRole('link', { name: 'Open Why' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Why: what led here' })).toBeVisible();
  }

  privateNote() {
    return this.page.getByText('Only you can see this until you choose to share.');
  }

  async mark(labels: string[], note?: { on: string; text: string }) {
    for (const label of labels) await this.page.getByRole('checkbox', { name: label }).check();
    if (note) await this.page.getByLabel(`A note about “${note.on}” (optional)`).fill(note.text);
  }

  async addOwnWords(text: string) {
    await this.page.getByRole('button', { name: 'Add something in your own words' }).click();
    const fields = this.page.getByLabel(/^In your own words \(\d+\)$/);
    await fields.last().fill(text);
  }

  async savePrivately() {
    await this.page.getByRole('button', { name: 'Save privately' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Saved. Only you can see this.' })).toBeVisible();
  }

  async share(partner: string) {
    await this.page.getByRole('button', { name: `Share with ${partner}`, exact: true }).click();
    await this.page.getByRole('button', { name: `Yes, share with ${partner}` }).click();
  }

  async writeMyPart(text: string, partner: string) {
    await this.page.getByLabel('What you understand now').fill(text);
    await this.page.getByRole('button', { name: 'Save my part' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Saved. ${partner} can read your part.` })).toBeVisible();
  }

  agreement() {
    return this.page.getByRole('region', { name: 'Where you agree and differ' });
  }

  async expectAccessible() {
    await expect(this.page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  }
}
