import { expect, type Page, test } from '@playwright/test';
import { call, statusOf } from './pages/api';
import { coupleInBrowser, PASSWORD, uniqueEmail } from './pages/app';
import { seriousViolations } from './pages/axe';
import { sidewaysScroll } from './pages/closeness';
import { writePrivateCanaries, writeSharedStory } from './pages/story';
import { CouplePage, TherapistJoinPage, VIEW_LABELS, type ViewName, WorkWithTherapistPage } from './pages/therapist';

// Step 6 with a therapist, in real Chromium: both partners consent in their own windows, the
// therapist (a third window) makes an account through the link and reads what both included, and
// nothing private; both partners read the log of what was opened; one partner ends the access and
// the therapist's next request is refused, and their open event stream is closed.

const ALL: ViewName[] = [
  'agreements',
  'commitments',
  'figures',
  'checkins',
  'conversations',
  'causes',
  'pulse',
  'closeness',
  'summary',
];
// Jonah leaves closeness answers out, so the therapist never gets that tab.
const SHOWN: ViewName[] = ALL.filter((v) => v !== 'closeness');

/** Every word in the page's main part, including what is folded away or only for screen readers. */
const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** Clean for axe, and no sideways scrolling on a 360 px phone. */
async function readable(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize(size);
}

test('both partners consent, the therapist reads what both included and nothing private, then access ends at once', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const { a, b } = await coupleInBrowser(browser, 'Sana', 'Jonah');
  const { words } = await writeSharedStory(a, b, tag);
  const canaries = await writePrivateCanaries(a, b, tag);
  const sana = new WorkWithTherapistPage(a);
  const jonah = new WorkWithTherapistPage(b);

  // Sana finds it from Help, proposes, and is shown the link once.
  await a.goto('/support');
  await a.getByRole('link', { name: 'Work with a therapist' }).click();
  await sana.expectOpen();
  await expect(a.getByRole('region', { name: 'What a therapist never sees' })).toContainText('your For me journal');
  await readable(a);
  const joinPath = await sana.propose();
  await expect(sana.state()).toHaveText('Waiting for both of you');
  await expect(sana.access()).toContainText('What the therapist can see now');
  // The defaults: what they agreed and did, and the summary; never their words to each other.
  for (const view of ['agreements', 'commitments', 'figures', 'summary'] as const)
    await expect(sana.access().getByRole('checkbox', { name: VIEW_LABELS[view], exact: true })).toBeChecked();
  for (const view of ['checkins', 'conversations', 'causes', 'pulse', 'closeness'] as const)
    await expect(sana.access().getByRole('checkbox', { name: VIEW_LABELS[view], exact: true })).not.toBeChecked();
  await readable(a);

  // Sana has not typed her password since signing in: agreeing asks for it in place (decision 024).
  expect(await sana.consent(ALL, PASSWORD)).toBe(true);
  await expect(sana.state()).toHaveText('Waiting for Jonah');

  // Jonah, in his own window, consents to all but closeness answers.
  await jonah.open();
  await expect(jonah.state()).toHaveText('Waiting for you');
  await expect(jonah.access()).toContainText('Sana proposed this');
  await jonah.consent(SHOWN, PASSWORD);
  await expect(jonah.state()).toHaveText('Waiting for the therapist to open the link');
  await readable(b);

  // The therapist, in a third window, signed out, makes an account through the link.
  const t = await (await browser.newContext()).newPage();
  const streams: string[] = [];
  t.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/events') streams.push(r.url());
  });
  await t.goto(joinPath);
  await readable(t);
  await new TherapistJoinPage(t).signUp('Ruth Alder', uniqueEmail('ruth'), PASSWORD);
  await expect(t.getByRole('heading', { level: 1, name: 'Hello, Ruth Alder' })).toBeVisible();
  const nav = t.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Your couples', 'Settings']);
  await expect(t.getByRole('main')).toContainText('Sana and Jonah');
  await readable(t);

  // Sana's page now says it is active, and what the therapist can see: what both included.
  await sana.open();
  await expect(sana.state()).toHaveText(/^Active until /);
  await expect(sana.access().locator('.access-facts')).toContainText(
    'Agreements, Commitments, Figures, Shared check-ins, Conversations, What led here, Trust pulse scores and Summary',
  );

  // The couple's page: one tab per view both included, closeness simply absent.
  await t.getByRole('link', { name: /^Open/ }).click();
  const couple = new CouplePage(t);
  await expect(t.getByRole('heading', { level: 1, name: 'Sana and Jonah' })).toBeVisible();
  await expect(t.getByText('Both partners can see a log of each page you open here.')).toBeVisible();
  await expect(couple.tabs()).toHaveText(SHOWN.map((v) => VIEW_LABELS[v]));
  const couples = (await (await t.request.get('/api/v1/therapist/couples')).json()) as { couples: { id: string }[] };
  const accessId = couples.couples[0]?.id ?? '';
  expect(await statusOf(t.request, 'therapists.view.closeness', { params: { id: accessId } })).toBe(404);

  // Every tab: readable, and not one private word on it.
  const seen: Record<string, string> = {};
  for (const view of SHOWN) {
    await couple.openTab(view);
    seen[view] = await mainText(t);
    for (const canary of canaries) expect(seen[view], `${view} must not show ${canary}`).not.toContain(canary);
    await readable(t);
  }
  expect(seen.agreements).toContain(words.need);
  expect(seen.commitments).toContain(words.commitment);
  expect(seen.commitments).toContain('Jonah, for Sana');
  expect(seen.checkins).toContain(words.lineA);
  expect(seen.conversations).toContain(words.shareA);
  expect(seen.conversations).toContain(words.takeawayB);
  // Figures: charts drawn as inline SVG, each with its verdict in words and a table for screen readers.
  await couple.openTab('figures');
  await expect(couple.panel().locator('figure.series svg').first()).toBeVisible();
  await expect(couple.panel().locator('figure.series table').first()).toBeAttached();
  await expect(couple.panel()).toContainText('Done as promised');
  await expect(couple.panel()).toContainText('What Jonah did for Sana');

  // Both partners read the log: which pages were opened and when, never what was in them.
  for (const page of [sana, jonah]) {
    await page.open();
    const log = page.log();
    await expect(log).toContainText('What Ruth Alder opened');
    for (const view of SHOWN) await expect(log).toContainText(`${VIEW_LABELS[view]}, `);
    await readable(page.page);
  }

  // A stream of the therapist's own, to watch it close when the access ends.
  await t.evaluate(() => {
    const w = window as unknown as { watched: { errors: number } };
    w.watched = { errors: 0 };
    const es = new EventSource('/api/v1/events');
    es.addEventListener('error', () => {
      w.watched.errors += 1;
    });
  });
  await expect.poll(() => t.evaluate(() => (window as unknown as { watched: { errors: number } }).watched.errors)).toBe(0);
  const streamsBefore = streams.length;
  expect(streamsBefore).toBeGreaterThan(0);

  // Jonah ends it. The therapist's open streams close at once, and the next request is refused.
  await jonah.endAccess();
  await expect(jonah.page.getByRole('region', { name: 'Ended' })).toContainText('Ended');
  await expect
    .poll(() => t.evaluate(() => (window as unknown as { watched: { errors: number } }).watched.errors), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect.poll(() => streams.length, { timeout: 15_000 }).toBeGreaterThan(streamsBefore);
  expect(await statusOf(t.request, 'therapists.view.agreements', { params: { id: accessId } })).toBe(404);
  await expect(couple.gone()).toBeVisible({ timeout: 15_000 });
  await readable(t);
  await t.goto('/');
  await expect(t.getByRole('main')).toContainText('No couple has given you access right now.');
  await expect(t.getByRole('main')).not.toContainText('Sana and Jonah');

  // Sana sees it ended, with its log kept.
  await sana.open();
  await expect(sana.state()).toHaveText('Ended');
  await expect(sana.log()).toContainText('Figures, ');
  await expect(a.getByRole('button', { name: /^End access now/ })).toHaveCount(0);

  for (const page of [a, b, t]) await page.context().close();
});

test('a partner’s account cannot accept a therapist invitation; a therapist with an account signs in to accept', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { a, b } = await coupleInBrowser(browser, 'Mira', 'Owen');
  const mira = new WorkWithTherapistPage(a);
  await mira.open();
  const joinPath = await mira.propose();
  await b.goto(joinPath);
  await expect(b.getByRole('main')).toContainText('A partner’s account cannot accept a therapist invitation.');
  await expect(b.getByRole('button', { name: /accept/i })).toHaveCount(0);
  await readable(b);
  // A therapist's address sends a partner home.
  await b.goto('/therapist/couples/01234567-89ab-7def-8123-456789abcdef');
  await expect(b.getByRole('heading', { level: 1, name: 'Hello, Owen' })).toBeVisible();

  // A therapist who already has an account (made through another couple's link) signs in on this one.
  const other = await call(a.request, 'therapists.invite', { body: { email: null } });
  const email = uniqueEmail('lee');
  const first = await (await browser.newContext()).newPage();
  await call(first.request, 'therapists.accept', {
    params: { token: other.token },
    body: { email, password: PASSWORD, name: 'Lee Hart' },
  });
  const t = await (await browser.newContext()).newPage();
  await t.goto(joinPath);
  await t.getByRole('button', { name: 'Sign in instead' }).click();
  await t.getByLabel('Email').fill(email);
  await t.getByLabel('Password').fill(PASSWORD);
  await t.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(t.getByRole('heading', { level: 1, name: 'Hello, Lee Hart' })).toBeVisible();
  // Neither partner has agreed yet: the therapist is told only that invitations wait, nothing about whom.
  await expect(t.getByRole('main')).toContainText('2 invitations you accepted are waiting for both partners to agree.');
  await expect(t.getByRole('main')).toContainText('No couple has given you access right now.');
  await expect(t.getByRole('main')).not.toContainText('Mira');
  await readable(t);
  // Settings has what a therapist's account has: no shared space, reminders or safety check.
  await t.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(t.getByRole('heading', { level: 2, name: 'Where you are signed in' })).toBeVisible();
  await expect(t.getByRole('heading', { level: 2, name: 'Shared space' })).toHaveCount(0);
  await readable(t);
  // Mira's page names the therapist once they accepted, and still waits for both.
  await mira.open();
  await expect(a.locator('section.access h3')).toHaveText(['Lee Hart', 'Lee Hart']);
  for (const page of [a, b, first, t]) await page.context().close();
});
