import { expect, type Page } from '@playwright/test';

/** Settings › Your data: download everything, or delete the account (decision 025). */
export class YourDataSection {
  constructor(readonly page: Page) {}
  section() {
    return this.page.getByRole('region', { name: 'Your data' });
  }
  passwordPrompt() {
    return this.page.getByRole('heading', { name: 'Your password, once more' });
  }
  async enterPassword(password: string, submit: string) {
    await expect(this.passwordPrompt()).toBeVisible();
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: submit, exact: true }).click();
  }
  async openDelete() {
    await this.section().getByRole('button', { name: 'Delete my account…' }).click();
    await expect(this.page.getByRole('heading', { name: 'Delete my account?' })).toBeVisible();
  }
  confirmField() {
    return this.page.getByLabel('To confirm, type “delete my account”');
  }
  deleteButton() {
    return this.section().getByRole('button', { name: 'Delete my account', exact: true });
  }
}
