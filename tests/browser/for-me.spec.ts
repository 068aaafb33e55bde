import { expect, type Page, test } from '@playwright/test';
import { coupleInBrowser, PASSWORD } from './pages/app';
import { seriousViolations } from './pages/axe';
import { type ClockServer, startClockServer } from './pages/clock-server';
import { sidewaysScroll } from './pages/closeness';
import { ForMePage } from './pages/for-me';

// "For me", the private journal, in the browser. Its routes ask for the password again after 15
// idle minutes, so this spec runs on a server of its own with the test clock seam (as
// is-it-working.spec.ts does): moving its time never disturbs the specs that share the main server.

let clock: ClockServer;
test.beforeAll(async () => {
  clock = await startClockServer('for-me');
});
test.afterAll(async () => {
  await clock?.stop();
});

const MINUTE = 60_000;

async function readable(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a private journal: write, search, edit and delete; the partner sees only their own, empty one', async ({ browser }) => {
  test.setTimeout(120_000);
  const { a, b } = await coupleInBrowser(browser, 'Esme', 'Karl', clock.base);
  const esme = new ForMePage(a);

  // Reached from the discreet "Just for you" part of home; open straight after signing in.
  await a.goto('/');
  await a.getByRole('link', { name: 'Open For me' }).click();
  await esme.expectOpen();
  await expect(esme.entries()).toContainText('Nothing here yet.');
  await readable(a);

  await esme.write('Walked by the river after work and felt like myself again.', { mood: 'Calm', tags: 'walks, me' });
  const first = esme.entry('Walked by the river');
  await expect(first).toContainText('Calm');
  await expect(first).toContainText('walks');

  // A prompt starts an entry answering it.
  const prompt = 'What do I need right now, even if nobody can give it to me today?';
  await a.getByText('See the prompts').click();
  await a.getByRole('button', { name: prompt }).click();
  await expect(esme.writing().getByLabel(prompt)).toBeFocused();
  await esme.write('Quiet, and to be asked how I am.', { label: prompt, mood: 'Tender' });
  await expect(esme.entry('Quiet, and to be asked')).toContainText(prompt);
  await expect(esme.writing().getByLabel('What is on your mind', { exact: true })).toBeVisible();
  await readable(a);

  // Newest first; a search finds words in the text and the tags, whatever their case.
  await expect(esme.entries().locator('li.entry').first()).toContainText('Quiet, and to be asked');
  await esme.search('RIVER');
  await expect(esme.entries()).toContainText('Entries with “RIVER”, newest first.');
  await expect(esme.entries().locator('li.entry')).toHaveCount(1);
  await esme.search('nothing like this');
  await expect(esme.entries()).toContainText('No entries with “nothing like this”.');
  await esme.entries().getByRole('button', { name: 'Show all entries' }).click();
  await expect(esme.entries().locator('li.entry')).toHaveCount(2);

  // Edit, then delete (asked once).
  await first.getByRole('button', { name: /^Edit/ }).click();
  const editing = esme
    .entries()
    .locator('li.entry')
    .filter({ has: a.getByLabel('Your entry') });
  await expect(editing.getByLabel('Your entry')).toHaveValue('Walked by the river after work and felt like myself again.');
  await editing.getByLabel('Your entry').fill('Walked by the river after work. Slept well, too.');
  await editing.getByRole('button', { name: 'Save changes' }).click();
  const edited = esme.entry('Slept well, too.');
  await expect(edited).toContainText('Changed');
  const quiet = esme.entry('Quiet, and to be asked');
  await quiet.getByRole('button', { name: /^Delete/ }).click();
  await quiet.getByRole('button', { name: /^Yes, delete it/ }).click();
  await expect(esme.entries().locator('li.entry')).toHaveCount(1);
  await readable(a);

  // Karl's For me is his own, empty journal, with no trace of Esme's.
  const karl = new ForMePage(b);
  await karl.open();
  await expect(karl.entries()).toContainText('Nothing here yet.');
  const karlsView = (await b.locator('main').textContent()) ?? '';
  expect(karlsView).not.toMatch(/river|Slept|Esme/);
  expect(await (await b.request.get('/api/v1/journal')).json()).toMatchObject({ entries: [], more: false });
  await readable(b);

  await a.context().close();
  await b.context().close();
});

test('after 15 idle minutes the password is asked in place, and what was being written is saved once it is given', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { a, b } = await coupleInBrowser(browser, 'Oona', 'Pavel', clock.base);
  const oona = new ForMePage(a);
  await oona.open();
  await oona.write('A first entry, while the page is open.');

  // A quarter of an hour without using a private place: the server asks for the password again.
  await clock.advance(16 * MINUTE);
  await oona.fill('Written after a long pause.', { mood: 'Tired', tags: 'pause' });
  await oona.save();
  await expect(oona.passwordCard()).toBeVisible();
  await expect(a.getByText('What you were doing is kept, and finishes once you enter your password.')).toBeVisible();
  await expect(a.getByLabel('Password')).toBeFocused();
  await expect(oona.entries()).toBeHidden();
  expect(await seriousViolations(a)).toEqual([]);

  await a.getByLabel('Password').fill('not the password');
  await a.getByRole('button', { name: 'Continue' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'That password does not match' })).toBeVisible();
  await a.getByLabel('Password').fill(PASSWORD);
  await a.getByRole('button', { name: 'Continue' }).click();

  await expect(oona.passwordCard()).toHaveCount(0);
  await expect(oona.writing().getByRole('status')).toHaveText('Saved. Only you can see it.');
  const saved = oona.entry('Written after a long pause.');
  await expect(saved).toContainText('Tired');
  await expect(saved).toContainText('pause');
  await expect(oona.entries().locator('li.entry')).toHaveCount(2);

  // Arriving later asks first, then opens the journal.
  await clock.advance(16 * MINUTE);
  await a.goto('/for-me');
  await expect(oona.passwordCard()).toBeVisible();
  await expect(a.getByText('Written after a long pause.')).toBeHidden();
  await readable(a);
  await a.getByLabel('Password').fill(PASSWORD);
  await a.getByRole('button', { name: 'Open For me' }).click();
  await expect(oona.entry('Written after a long pause.')).toBeVisible();

  await a.context().close();
  await b.context().close();
});
