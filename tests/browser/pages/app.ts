import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';

export const PASSWORD = 'quiet river morning lamp';

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Fast sign-up through the API; `page.request` shares the context's cookies, so the page is signed in. */
export async function signUpViaApi(request: APIRequestContext, name: string, email = uniqueEmail(name.toLowerCase())) {
  const res = await request.post('/api/v1/auth/signup', { data: { email, password: PASSWORD, name, timeZone: 'Europe/London' } });
  expect(res.status(), await res.text()).toBe(201);
  return { name, email, password: PASSWORD };
}

/** The parts every screen shares: quick exit, help link, main navigation. */
export class AppShell {
  constructor(readonly page: Page) {}
  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
  quickExitButton() {
    return this.page.getByRole('button', { name: 'Quick exit' });
  }
  helpLink() {
    return this.page.getByRole('link', { name: 'Get help now' });
  }
  async goTo(item: 'Home' | 'Invite' | 'Settings') {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item, exact: true }).click();
  }
}

/**
 * Two people, each in their own browser context, already sharing one space (set up through the API).
 * `baseURL` points both at a server of the spec's own (see clock-server.ts).
 */
export async function coupleInBrowser(
  browser: Browser,
  nameA: string,
  nameB: string,
  baseURL?: string,
): Promise<{ a: Page; b: Page }> {
  const a = await (await browser.newContext(baseURL ? { baseURL } : {})).newPage();
  const b = await (await browser.newContext(baseURL ? { baseURL } : {})).newPage();
  await signUpViaApi(a.request, nameA);
  await signUpViaApi(b.request, nameB);
  const invite = (await (await a.request.post('/api/v1/space/invites')).json()) as { token: string };
  expect((await b.request.post(`/api/v1/invites/${invite.token}/accept`)).status()).toBe(200);
  return { a, b };
}
