import { expect, type Locator, type Page } from '@playwright/test';

export class SignUpForm {
  constructor(
    readonly page: Page,
    readonly scope: Locator = page.getByRole('main'),
  ) {}
  async fill(name: string, email: string, password: string) {
    await this.scope.getByLabel('What should we call you?').fill(name);
    await this.scope.getByLabel('Email').fill(email);
    await this.scope.getByLabel('Password').fill(password);
  }
  async submit() {
    await this.scope.getByRole('button', { name: 'Create account' }).click();
  }
}

export class SignInForm {
  constructor(
    readonly page: Page,
    readonly scope: Locator = page.getByRole('main'),
  ) {}
  async signIn(email: string, password: string) {
    await this.scope.getByLabel('Email').fill(email);
    await this.scope.getByLabel('Password').fill(password);
    await this.scope.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  alert() {
    return this.scope.getByRole('alert').filter({ hasText: /\S/ });
  }
}

export class ForgotPage {
  constructor(readonly page: Page) {}
  async request(email: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: 'a link to choose a new password is on its way' }),
    ).toBeVisible();
  }
}

export class ResetPage {
  constructor(readonly page: Page) {}
  async setPassword(password: string) {
    await this.page.getByLabel('New password').fill(password);
    await this.page.getByRole('button', { name: 'Save new password' }).click();
  }
}
