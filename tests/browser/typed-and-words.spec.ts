import { expect, type Page, test } from '@playwright/test';
import { call } from './pages/api';
import { coupleInBrowser, signUpViaApi } from './pages/app';
import { seriousViolations } from './pages/axe';

// Issue 14: nothing typed is lost and nothing private is left behind; words that read right; errors
// at their field; home shows where the couple is.

/** Words kept for unsent text in this tab (lib/unsent.ts keeps them under "attune.unsent."). */
async function unsentKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('attune.unsent.')));
}

/** The element that has focus is inside the viewport (not thousands of pixels away). */
async function focusedInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

test('Prepare keeps a feeling word tapped just before a reload, and inserts words as words', async ({ page }) => {
  await signUpViaApi(page.request, 'Noor');
  await page.goto('/talk/prepare');
  const box = page.getByLabel('What I want to say');
  await box.fill('I felt invisible.');
  await page.getByRole('button', { name: 'Start from this form' }).click();
  await expect(box).toHaveValue(/^I felt invisible\. When …, I felt …/);
  await box.fill('At dinner I felt');
  await page.getByRole('button', { name: 'lonely' }).click();
  await expect(box).toHaveValue('At dinner I felt lonely');
  // No waiting for the save: reload at once, as a person might.
  await page.reload();
  await expect(page.getByLabel('What I want to say')).toHaveValue('At dinner I felt lonely');
  // The server has it too (not only this tab), once the page has settled.
  await expect.poll(async () => (await call(page.request, 'drafts.list')).drafts[0]?.text).toBe('At dinner I felt lonely');
});

test('quick exit leaves no unsent words in the tab either', async ({ browser, baseURL }) => {
  const { a } = await coupleInBrowser(browser, 'Ash', 'Fen');
  const started = await call(a.request, 'conversations.start', { body: { mode: 'two-devices' } });
  await a.goto(`/talk/${started.id}`);
  await a.getByLabel('What you want to share').fill('Words I have not sent yet');
  await expect.poll(() => unsentKeys(a)).not.toEqual([]);
  await a.getByRole('button', { name: 'Quick exit' }).click();
  await a.waitForURL((url) => !url.href.startsWith(baseURL ?? ''));
  // Back on Attune's origin in the same tab, on a plain file that runs no script of the app: the
  // tab's session storage is what quick exit left behind.
  await a.goto('/robots.txt');
  expect(await unsentKeys(a)).toEqual([]);
  expect(await a.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('Words I have not sent yet');
});

test('a turn being typed survives a reload, a prepared statement is offered on my turn, and sign-out forgets unsent words', async ({
  browser,
}) => {
  const { a, b } = await coupleInBrowser(browser, 'Rowan', 'Kit');
  await call(a.request, 'drafts.create', { body: { text: 'When the phone came out at dinner, I felt alone.' } });
  const started = await call(a.request, 'conversations.start', { body: { mode: 'two-devices' } });
  await a.goto(`/talk/${started.id}`);
  await expect(a.getByRole('heading', { level: 1, name: 'Conversation' })).toBeVisible();

  // My prepared words are offered when it is my turn to share, and brought in to edit.
  await expect(a.getByText('You prepared something to say.')).toBeVisible();
  await a.getByRole('button', { name: 'Use what I prepared' }).click();
  const share = a.getByLabel('What you want to share');
  await expect(share).toHaveValue('When the phone came out at dinner, I felt alone.');
  await share.fill('When the phone came out at dinner, I felt alone and unseen');
  expect(await seriousViolations(a)).toEqual([]);
  for (const width of [360, 1280]) {
    await a.setViewportSize({ width, height: 900 });
    await a.screenshot({ path: `.test-output/journeys/conversation-${width}.png`, fullPage: true });
  }

  await a.reload();
  await expect(a.getByLabel('What you want to share')).toHaveValue('When the phone came out at dinner, I felt alone and unseen');

  // An empty turn is named at its box, and focus goes there.
  await a.getByLabel('What you want to share').fill('');
  await a.getByRole('button', { name: 'Share this' }).click();
  await expect(a.locator('.field-error')).toHaveText('Please write what you want to share.');
  await expect(a.getByLabel('What you want to share')).toBeFocused();

  // Kit's typing is not on Rowan's turn: the partner is not offered Rowan's prepared words.
  await b.goto(`/talk/${started.id}`);
  await expect(b.getByText('You prepared something to say.')).toHaveCount(0);

  // Signing out leaves no unsent words in the tab.
  await a.getByLabel('What you want to share').fill('Something I have not sent');
  expect(await unsentKeys(a)).not.toEqual([]);
  await a.goto('/settings');
  await a.getByRole('button', { name: 'Sign out', exact: true }).click();
  await a.waitForURL(/\/sign-in/);
  expect(await unsentKeys(a)).toEqual([]);
});

test('my own takeaway reads "You take away", and an empty one says what is missing at its box', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Ada', 'Bea');
  const c = await call(a.request, 'conversations.start', { body: { mode: 'two-devices' } });
  const id = c.id;
  const turn = (page: Page, body: Parameters<typeof call<'conversations.turn'>>[2]) =>
    call(page.request, 'conversations.turn', body);
  await turn(a, { params: { id }, body: { kind: 'share', text: 'I felt alone at dinner', forPartner: false } });
  await turn(b, { params: { id }, body: { kind: 'reflect', text: 'You felt alone at dinner', forPartner: false } });
  await turn(a, { params: { id }, body: { kind: 'confirm', forPartner: false } });
  await call(a.request, 'conversations.move', { params: { id }, body: { action: 'close' } });

  await a.goto(`/talk/${id}`);
  await a.getByRole('button', { name: 'Save takeaway' }).click();
  await expect(a.getByText('Please write what you take from this.').last()).toBeVisible();
  await expect(a.getByRole('alert')).not.toHaveText('Some details need another look.');
  await expect(a.getByLabel('What you take from this')).toBeFocused();
  await expect(a.getByLabel('What you take from this')).toHaveAttribute('aria-invalid', 'true');

  // A takeaway typed and reloaded before saving is still there.
  await a.getByLabel('What you take from this').fill('I will put the phone away');
  await a.reload();
  await expect(a.getByLabel('What you take from this')).toHaveValue('I will put the phone away');
  await a.getByRole('button', { name: 'Save takeaway' }).click();
  await expect(a.getByRole('list', { name: 'What has been said' })).toContainText('You take away');
  await expect(a.getByRole('list', { name: 'What has been said' })).not.toContainText('You takes away');
  await b.goto(`/talk/${id}`);
  await expect(b.getByRole('list', { name: 'What has been said' })).toContainText('Ada takes away');
});

test('the forgot-password page promises a mail only when email is set up', async ({ page }) => {
  await page.goto('/forgot');
  await expect(page.getByText('we will send a link to choose a new password')).toBeVisible();
  await expect(page.getByText(/no email set up/)).toHaveCount(0);

  await page.route('**/api/v1/config', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, json: { ...(await res.json()), emailEnabled: false } });
  });
  await page.goto('/forgot');
  await expect(page.getByText('This Attune has no email set up, so it cannot send you a reset link.')).toBeVisible();
  await expect(page.getByText(/we will send a link/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send reset link' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test('an untouched check-in is not saved as 5 out of 10: each question says it is unanswered, at its place', async ({ page }) => {
  await signUpViaApi(page.request, 'Iris');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/checkin');
  await expect(page.getByRole('heading', { level: 1, name: 'Daily check-in' })).toBeVisible();
  await expect(page.locator('.scale-value').first()).toHaveText('Not answered yet');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  const errors = page.locator('.scale .field-error');
  await expect(errors).toHaveText([
    'Please choose how connected you felt today, from 0 to 10.',
    'Please choose how heard you felt today, from 0 to 10.',
  ]);
  await expect(page.getByLabel('How connected did you feel today?')).toBeFocused();
  expect(await focusedInView(page)).toBe(true);
  const saved = (await (await page.request.get('/api/v1/checkins/today')).json()) as { mine: unknown };
  expect(saved.mine).toBeNull();

  await page.screenshot({ path: '.test-output/journeys/checkin-unanswered-360.png', fullPage: true });
  await page.getByLabel('How connected did you feel today?').fill('7');
  await expect(page.locator('.scale-value').first()).toHaveText('7');
});

test('an empty self-check shows its error beside the first question, with focus there, on a phone', async ({ page }) => {
  await signUpViaApi(page.request, 'Sol');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/understand/check-in');
  const save = page.getByRole('button', { name: 'Save my check-in' });
  await save.scrollIntoViewIfNeeded();
  await save.click();
  const error = page.locator('fieldset.rating').first().locator('.field-error');
  await expect(error).toHaveText(/Please answer at least one statement/);
  expect(await focusedInView(page)).toBe(true);
  const focusedInFirst = await page.evaluate(
    () => document.querySelector('fieldset.rating')?.contains(document.activeElement) ?? false,
  );
  expect(focusedInFirst).toBe(true);
});

test('a need shows how much room is left near its 600-character limit', async ({ page }) => {
  await signUpViaApi(page.request, 'Lev');
  await page.goto('/needs');
  const box = page.getByLabel(/What would help/).first();
  await box.fill('a'.repeat(100));
  await expect(page.locator('.char-count')).toHaveCount(0);
  await box.fill('a'.repeat(550));
  await expect(page.locator('.char-count')).toHaveText('50 characters left, of 600.');
  await box.fill('a'.repeat(600));
  await expect(page.locator('.char-count')).toHaveText('That is the most a need can hold: 600 characters.');
});

test('a commitment from my partner’s need is offered in my voice, and one step of history is "1 step"', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Maya', 'Dan');
  const need = await call(a.request, 'needs.create', { body: { text: 'Ask about my day at dinner, without your phone' } });
  await call(a.request, 'needs.share', { params: { id: need.id } });
  await call(b.request, 'needs.respond', { params: { id: need.id }, body: { kind: 'accept' } });
  const agreements = await call(b.request, 'agreements.list');
  const agreement = agreements.agreements.find((x) => x.needId === need.id);
  expect(agreement).toBeDefined();
  await b.goto(`/act/new?agreement=${agreement?.id}`);
  await expect(b.getByLabel('What you will do')).toHaveValue('Ask about your day at dinner, without my phone');

  // A need shared and not yet answered has one step of history: "1 step", never "1 steps".
  const waiting = await call(a.request, 'needs.create', { body: { text: 'Put the phones away at dinner on weekdays' } });
  await call(a.request, 'needs.share', { params: { id: waiting.id } });
  await a.goto('/needs');
  await expect(a.getByText('How you got here (1 step)', { exact: true })).toBeVisible();
  await expect(a.getByText('How you got here (2 steps)', { exact: true })).toBeVisible();
  await expect(a.getByText(/How you got here \(1 steps\)/)).toHaveCount(0);
});

test('home shows where the couple is and the one next thing, kindly', async ({ browser }) => {
  const { a } = await coupleInBrowser(browser, 'Juno', 'Max');
  await a.goto('/');
  const where = a.getByRole('region', { name: 'Where you are' });
  await expect(where).toContainText('You have not begun a step yet, and that is fine.');
  await expect(where).toContainText('Your trust pulse: Too early to tell');
  await expect(a.getByRole('heading', { level: 2, name: 'A quiet place to start' })).toBeVisible();

  await call(a.request, 'understand.selfChecks.create', { body: { ratings: { insecurity: 3 }, note: null } });
  await call(a.request, 'drafts.create', { body: { text: 'A first try' } });
  await a.reload();
  await expect(where).toContainText('Begun so far: Understand and Talk.');
  await expect(a.getByRole('heading', { level: 2, name: 'Name one thing that would help' })).toBeVisible();
  await expect(a.locator('.tag-begun')).toHaveCount(2);
  for (const width of [360, 1280]) {
    await a.setViewportSize({ width, height: 900 });
    await a.screenshot({ path: `.test-output/journeys/home-${width}.png`, fullPage: true });
    expect(await a.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  }
  expect(await a.locator('main').textContent()).not.toMatch(/!/);
  expect(await seriousViolations(a)).toEqual([]);
});

test('a daily commitment kept any time that day says "any time today", not a midnight time', async ({ browser }) => {
  const { a } = await coupleInBrowser(browser, 'Tam', 'Lou');
  const today = await call(a.request, 'today.get');
  await call(a.request, 'commitments.create', {
    body: { agreementId: null, what: 'Ask about your day', schedule: { kind: 'daily', by: null }, startsOn: today.date },
  });
  await a.goto('/act');
  await expect(a.getByText('Due any time today.').first()).toBeVisible();
  await expect(a.getByText(/Due .*12:00\s?AM/)).toHaveCount(0);
});

test('two self-checks of the same day are told apart by time, not the same date twice', async ({ page }) => {
  await signUpViaApi(page.request, 'Ren');
  await call(page.request, 'understand.selfChecks.create', { body: { ratings: { insecurity: 3 }, note: null } });
  await call(page.request, 'understand.selfChecks.create', { body: { ratings: { insecurity: 2 }, note: null } });
  await page.goto('/understand/history');
  const span = page.locator('.comparison .hint').first();
  // Same day: the date once, with the time ("Both on 6 December 2026, at 0:49" within one minute).
  await expect(span).toContainText(', at ');
  const text = (await span.textContent()) ?? '';
  expect(text.match(/\b20\d\d\b/g) ?? []).toHaveLength(1);
});
