import { expect, type Locator, type Page } from '@playwright/test';

/** Step 3, Needs, at /needs. */
export class NeedsPage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/needs');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Needs' })).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  }
  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }
  card(section: string, text: string): Locator {
    return this.section(section).getByRole('listitem').filter({ hasText: text }).first();
  }
  async write(text: string) {
    await this.page.getByLabel('What would help you feel supported?').fill(text);
  }
  coach(): Locator {
    return this.page.locator('.coach').first();
  }
  async saveDraft() {
    await this.page.getByRole('button', { name: 'Save as a draft' }).click();
  }
}
