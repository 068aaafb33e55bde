import { type Browser, expect, type Page, test } from '@playwright/test';
import { AppShell, coupleInBrowser, PASSWORD } from './pages/app';
import { seriousViolations } from './pages/axe';
import { type ClockServer, startClockServer } from './pages/clock-server';

// "Is it working?" in the browser. A concern needs eight weeks after the first agreement, so this
// spec starts its own server with the test clock seam (ATTUNE_TEST_CLOCK=1), as act-week.spec.ts
// does: moving its time never disturbs the specs that share the main server.

let clock: ClockServer;
test.beforeAll(async () => {
  clock = await startClockServer('is-it-working');
});
test.afterAll(async () => {
  await clock?.stop();
});

const DAY = 24 * 3_600_000;

async function ok(res: { status(): number; text(): Promise<string> }, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
}

/**
 * Maren stated a need; Jon agreed and made a daily commitment on it; Maren held three conversations
 * and her own safety answers raise concern. Then nine weeks pass with nothing noticed: a concern.
 */
async function concernCase(browser: Browser): Promise<{ a: Page; b: Page }> {
  const { a, b } = await coupleInBrowser(browser, 'Maren', 'Jon', clock.base);
  const today = ((await (await a.request.get('/api/v1/log/today')).json()) as { date: string }).date;
  for (let i = 0; i < 3; i++) {
    await ok(
      await a.request.post('/api/v1/conversations/in-person', {
        data: { heldOn: today, said: 'How alone the evenings feel', wentHow: 'We both listened' },
      }),
      201,
    );
  }
  const need = (await (await a.request.post('/api/v1/needs', { data: { text: 'Ask about my day at dinner' } })).json()) as {
    id: string;
  };
  await ok(await a.request.post(`/api/v1/needs/${need.id}/share`));
  const agreed = (await (await b.request.post(`/api/v1/needs/${need.id}/respond`, { data: { kind: 'accept' } })).json()) as {
    agreementId: string;
  };
  await ok(
    await b.request.post('/api/v1/commitments', {
      data: { agreementId: agreed.agreementId, what: 'Ask at dinner', schedule: { kind: 'daily', by: null }, startsOn: today },
    }),
    201,
  );
  await ok(await a.request.put('/api/v1/safety', { data: { answers: { afraid: 'yes' } } }));
  // Nine weeks, visiting every three so the 30-day sessions stay alive.
  for (let week = 0; week < 9; week += 3) {
    await clock.advance(21 * DAY);
    await ok(await a.request.get('/api/v1/me'));
    await ok(await b.request.get('/api/v1/me'));
  }
  return { a, b };
}

/** What the partner's home shows, with nothing that changes from one load to the next. */
async function homeText(page: Page): Promise<string> {
  await page.goto('/');
  await expect(new AppShell(page).heading()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  // The Today card arrives with its own request: wait for it, so both snapshots are of a settled page.
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Just for you', exact: true })).toBeVisible();
  return (await page.locator('main').textContent()) ?? '';
}

test('asks for the password, then lays out the facts with safety first and the paths; the partner sees no difference', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { a, b } = await concernCase(browser);
  const partnerBefore = await homeText(b);

  // Reached from the discreet "Just for you" entry on home.
  await a.goto('/');
  await a.getByRole('link', { name: 'Open Is it working?' }).click();
  await expect(new AppShell(a).heading()).toHaveText('Is it working?');
  // Signing in opened the private places, but weeks have passed without a visit (more than 15 quiet
  // minutes, decision 022): the password is asked again.
  await expect(a.getByRole('heading', { name: 'Your password, once more' })).toBeVisible();
  await expect(a.getByText('Only you can see this page.')).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  await a.getByLabel('Password').fill('not my password at all');
  await a.getByRole('button', { name: 'Open this page' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'That password does not match' })).toBeVisible();
  await a.getByLabel('Password').fill(PASSWORD);
  await a.getByRole('button', { name: 'Open this page' }).click();

  // Safety planning and help lines come first, then the facts, then the level in plain words.
  await expect(a.getByRole('heading', { name: 'Your safety comes first' })).toBeVisible();
  const headings = await a.getByRole('heading', { level: 2 }).allInnerTexts();
  expect(headings).toEqual(['Your safety comes first', 'The facts about your needs', 'What these facts say']);
  await expect(a.getByText('3 honest conversations held, in Talk or recorded in person.')).toBeVisible();
  await expect(a.getByText(/^1 agreement on your needs\. The first was on .+, 9 weeks ago\.$/)).toBeVisible();
  await expect(a.getByText(/You noticed 0 of those \d+ \(0%\)\./)).toBeVisible();
  // Which facts were used, by name, and why anything else is not counted here.
  const counted = a.locator('.iiw-counted');
  await expect(counted.getByRole('heading', { name: 'What is counted here', level: 3 })).toBeVisible();
  await expect(counted).toContainText('are the needs you named, and agreed on together, being met?');
  await expect(counted.locator('q', { hasText: 'Ask at dinner' })).toBeVisible();
  await a.screenshot({ path: '.test-output/journeys/is-it-working-1280.png', fullPage: true });
  await expect(
    a.getByText('have kept going unmet, after repeated conversations and weeks of trying', { exact: false }),
  ).toBeVisible();
  await expect(a.getByText('Wanting your emotional needs met is reasonable.', { exact: false })).toBeVisible();
  for (const path of ['Keep trying, with a therapist', 'Take some space', 'End the relationship']) {
    await expect(a.getByRole('heading', { name: path, level: 3 })).toBeVisible();
  }
  // With her own safety concern, individual support rather than couples therapy.
  await expect(a.getByText('Couples therapy is generally not advised', { exact: false })).toBeVisible();
  await expect(a.getByRole('link', { name: 'Help lines you can call or text, free and confidential' }).first()).toHaveAttribute(
    'href',
    '/help',
  );
  const main = (await a.locator('main').textContent()) ?? '';
  expect(main).not.toMatch(/you should (stay|leave)|we recommend/i);
  expect(await seriousViolations(a)).toEqual([]);

  // Readable at 360 px without sideways scrolling.
  await a.setViewportSize({ width: 360, height: 800 });
  const overflow = await a.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await a.screenshot({ path: '.test-output/journeys/is-it-working-360.png', fullPage: true });

  // Leaving goes home.
  await a.getByRole('link', { name: 'Leave this page' }).click();
  await expect(new AppShell(a).heading()).toContainText('Hello, Maren');

  // Jon's home is exactly what it was.
  expect(await homeText(b)).toBe(partnerBefore);
});
