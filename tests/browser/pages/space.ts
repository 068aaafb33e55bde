import { expect, type Page } from '@playwright/test';

export class HomePage {
  constructor(readonly page: Page) {}
  async expectSharedWith(name: string) {
    await expect(this.page.getByText(`You and ${name} share this space.`)).toBeVisible();
  }
  closedNotice() {
    return this.page.getByText('The shared space was closed. Everything you wrote is still here and still yours.');
  }
  async dismissNotice() {
    await this.page.getByRole('button', { name: 'Dismiss this note' }).click();
  }
}

export class InvitePage {
  constructor(readonly page: Page) {}
  /** Makes a link and returns its path (/join/<token>), so tests do not depend on PUBLIC_URL. */
  async makeLink(): Promise<string> {
    await this.page.getByRole('button', { name: 'Make an invite link' }).click();
    const field = this.page.getByLabel('Link for your partner');
    await expect(field).toHaveValue(/\/join\//);
    return new URL(await field.inputValue()).pathname;
  }
}

export class JoinPage {
  constructor(readonly page: Page) {}
  async expectInvitedBy(name: string) {
    await expect(
      this.page.getByRole('heading', { level: 1, name: `${name} invited you to share a space in Attune` }),
    ).toBeVisible();
  }
}

export class SettingsPage {
  constructor(readonly page: Page) {}
  /** Leaving asks for the password again first (decision 024): it is typed in place, then the space closes. */
  async leaveSharedSpace(password: string) {
    await this.page.getByRole('button', { name: 'Leave the shared space' }).click();
    await expect(this.page.getByText('You keep everything you wrote.')).toBeVisible();
    await this.page.getByRole('button', { name: 'Yes, leave the shared space' }).click();
    const confirm = this.page.locator('.confirm');
    await expect(confirm.getByRole('heading', { name: 'Your password, once more' })).toBeVisible();
    await confirm.getByLabel('Password', { exact: true }).fill(password);
    await confirm.getByRole('button', { name: 'Leave the shared space', exact: true }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'You have left the shared space.' })).toBeVisible();
  }
  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign in to Attune' })).toBeVisible();
  }
}
