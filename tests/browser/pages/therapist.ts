import { expect, type Locator, type Page } from '@playwright/test';

/** The words of a tab and of a checkbox for each kind of shared thing (web/src/screens/therapists/words.ts). */
export const VIEW_LABELS = {
  agreements: 'Agreements',
  commitments: 'Commitments',
  figures: 'Figures',
  checkins: 'Shared check-ins',
  conversations: 'Conversations',
  causes: 'What led here',
  pulse: 'Trust pulse scores',
  closeness: 'Closeness answers',
  summary: 'Summary',
} as const;
export type ViewName = keyof typeof VIEW_LABELS;

/** Step 6 for a partner: "Work with a therapist". */
export class WorkWithTherapistPage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/support/therapist');
    await this.expectOpen();
  }
  async expectOpen() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Work with a therapist' })).toBeVisible();
  }
  /** Proposes a therapist with a link to hand over; returns its path (/therapist/join/<token>). */
  async propose(): Promise<string> {
    await this.page.getByRole('button', { name: 'Make an invitation' }).click();
    const field = this.page.getByLabel('Link for your therapist');
    await expect(field).toHaveValue(/\/therapist\/join\//);
    return new URL(await field.inputValue()).pathname;
  }
  /** The newest access card (the first spec makes one invitation). */
  access(): Locator {
    return this.page.locator('section.access').first();
  }
  state() {
    return this.access().locator('.access-state');
  }
  /**
   * First consent: ticks exactly these kinds and agrees. Granting asks for the password unless it was
   * typed in the last five minutes (decision 024): when asked, it is typed in place and sent again.
   * Answers whether the password was asked for.
   */
  async consent(views: readonly ViewName[], password: string): Promise<boolean> {
    const card = this.access();
    for (const [view, label] of Object.entries(VIEW_LABELS)) {
      const box = card.getByRole('checkbox', { name: label, exact: true });
      if (views.includes(view as ViewName)) await box.check();
      else await box.uncheck();
    }
    await card.getByRole('button', { name: 'Agree, with these' }).click();
    const asked = card.getByRole('heading', { name: 'Your password, once more' });
    const saved = card.getByRole('status').filter({ hasText: 'Saved.' });
    await expect(asked.or(saved)).toBeVisible();
    const wasAsked = await asked.isVisible();
    if (wasAsked) {
      await card.getByLabel('Password', { exact: true }).fill(password);
      await card.getByRole('button', { name: 'Agree, with these' }).click();
    }
    await expect(saved).toBeVisible();
    return wasAsked;
  }
  log() {
    return this.access().locator('.access-log');
  }
  async endAccess() {
    await this.access()
      .getByRole('button', { name: /^End access now/ })
      .click();
    await this.access()
      .getByRole('button', { name: /^Yes, end access now/ })
      .click();
  }
}

/** /therapist/join/<token>, signed out: a therapist makes an account through the link. */
export class TherapistJoinPage {
  constructor(readonly page: Page) {}
  async signUp(name: string, email: string, password: string) {
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'A couple invited you to read what they share in Attune' }),
    ).toBeVisible();
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Create a therapist account and accept' }).click();
  }
}

/** A therapist's page of one couple: a tab per view both partners included. */
export class CouplePage {
  constructor(readonly page: Page) {}
  tabs() {
    return this.page.getByRole('navigation', { name: /^What .* share$/ }).getByRole('link');
  }
  async openTab(view: ViewName) {
    await this.tabs().filter({ hasText: VIEW_LABELS[view] }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: VIEW_LABELS[view], exact: true })).toBeVisible();
    await expect(this.page.locator('.view-panel .loading')).toHaveCount(0);
  }
  panel() {
    return this.page.locator('.view-panel');
  }
  gone() {
    return this.page.getByRole('heading', { level: 1, name: 'This couple’s pages are no longer available' });
  }
}
