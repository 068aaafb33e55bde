import { expect, type Page } from '@playwright/test';

/** Step 0: the Understand overview, the self-check form and the history. */
export class UnderstandPage {
  constructor(readonly page: Page) {}

  /** Rates the statement whose short title is given (the group's name starts with it). */
  async rate(title: string, label: string) {
    const group = this.page.getByRole('group', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await group.getByRole('radio', { name: label, exact: true }).check();
  }

  async checkIn(ratings: Record<string, string>, note?: string) {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Check in with yourself' })).toBeVisible();
    for (const [statement, label] of Object.entries(ratings)) await this.rate(statement, label);
    if (note !== undefined) await this.page.getByLabel('A note for yourself (optional)').fill(note);
    await this.page.getByRole('button', { name: 'Save my check-in' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Your check-in is saved.' })).toBeVisible();
  }
}
