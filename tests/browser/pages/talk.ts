import type { Page } from '@playwright/test';

/** The Talk screens: /talk, /talk/prepare, /talk/record and one conversation. */
export class TalkPage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/talk');
    await this.page.getByRole('heading', { level: 1, name: 'Talk' }).waitFor();
  }
  turns() {
    return this.page.getByRole('list', { name: 'What has been said' });
  }
  async write(label: string | RegExp, text: string) {
    await this.page.getByLabel(label).fill(text);
  }
  button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }
}
