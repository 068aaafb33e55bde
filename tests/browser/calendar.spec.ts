import { type Browser, expect, type Page, test } from '@playwright/test';
import { coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';

// The private calendar feed from the reminders settings: a person makes an address, copies it, a
// calendar app (here, a browser context with no session) reads neutral titles, then the person's own
// words once chosen; making a new address stops the old one, and turning it off stops both.

const WORDS = 'Ask about your day at dinner with the phone away';

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const londonToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

/** Reads a feed the way a calendar app does: no cookies, only the address. */
async function readFeed(browser: Browser, url: string): Promise<{ status: number; type: string; text: string }> {
  const context = await browser.newContext();
  try {
    const res = await context.request.get(url);
    return { status: res.status(), type: res.headers()['content-type'] ?? '', text: await res.text() };
  } finally {
    await context.close();
  }
}

test('a person makes a private calendar address, chooses its titles, replaces it and turns it off', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Rowan', 'Kit');
  const made = await a.request.post('/api/v1/commitments', {
    data: { agreementId: null, what: WORDS, schedule: { kind: 'daily', by: null }, startsOn: londonToday() },
  });
  expect(made.status(), await made.text()).toBe(201);

  await a.setViewportSize({ width: 360, height: 800 });
  await a.goto('/notifications/settings');
  const section = a.getByRole('region', { name: 'Calendar' });
  await expect(section.getByRole('heading', { level: 2, name: 'Calendar' })).toBeVisible();
  await expect(section.getByText("Only yours: never your partner's.")).toBeVisible();
  await section.getByRole('button', { name: 'Make a calendar address' }).click();

  const address = section.getByLabel('Your calendar address');
  await expect(address).toHaveValue(/\/api\/v1\/calendar\/feeds\/[A-Za-z0-9_-]{43}$/);
  const first = await address.inputValue();
  await expect(section.getByText('It is shown only this once.', { exact: false })).toBeVisible();
  await expect(section.getByText('No calendar app has read it yet.')).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);

  const neutral = await readFeed(browser, first);
  expect(neutral.status).toBe(200);
  expect(neutral.type).toBe('text/calendar; charset=utf-8');
  expect(neutral.text).toContain('SUMMARY:Attune: one thing for us');
  expect(neutral.text).toContain('DTSTART;VALUE=DATE:');
  for (const word of [WORDS, 'Rowan', 'Kit']) expect(neutral.text).not.toContain(word);

  await section.getByRole('button', { name: 'Done' }).click();
  await expect(address).toHaveCount(0);
  await section.getByRole('checkbox', { name: 'Show the words of my commitments' }).check();
  await expect(section.getByRole('status').filter({ hasText: 'Your calendar will show your own words.' })).toBeVisible();
  expect((await readFeed(browser, first)).text).toContain(`SUMMARY:${WORDS}`);

  // After a reload the choice is kept, and the page says a calendar app has read the address.
  await a.reload();
  await expect(section.getByRole('checkbox', { name: 'Show the words of my commitments' })).toBeChecked();
  await expect(section.getByText(/A calendar app last read it on/)).toBeVisible();

  // A new address: the old one stops working at once.
  await section.getByRole('button', { name: 'Make a new address' }).click();
  await section.getByRole('button', { name: 'Yes, make a new address' }).click();
  await expect(address).toHaveValue(/\/api\/v1\/calendar\/feeds\//);
  const second = await address.inputValue();
  expect(second).not.toBe(first);
  expect((await readFeed(browser, first)).status).toBe(404);
  expect((await readFeed(browser, second)).status).toBe(200);
  expect(await seriousViolations(a)).toEqual([]);

  // Turned off: neither works, and a new one can be made later.
  await section.getByRole('button', { name: 'Turn off the calendar address' }).click();
  await section.getByRole('button', { name: 'Yes, turn it off' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Your calendar address is turned off.' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Make a calendar address' })).toBeVisible();
  expect((await readFeed(browser, second)).status).toBe(404);

  // The partner's settings are their own: no address of theirs exists.
  await b.goto('/notifications/settings');
  await expect(
    b.getByRole('region', { name: 'Calendar' }).getByRole('button', { name: 'Make a calendar address' }),
  ).toBeVisible();
});
