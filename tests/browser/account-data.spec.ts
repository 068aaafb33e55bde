import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { call } from './pages/api';
import { coupleInBrowser, PASSWORD } from './pages/app';
import { seriousViolations } from './pages/axe';
import { sidewaysScroll } from './pages/closeness';
import { HomePage } from './pages/space';
import { YourDataSection } from './pages/your-data';

// Settings › Your data (decision 025), in Chromium: the export downloads as a file after the password
// is asked in place, and deleting the account is explained, confirmed by typing and by the password,
// lands on a neutral signed-out page, and leaves the partner with the neutral notice and their own things.

const today = () => new Date().toISOString().slice(0, 10);
/** Set to a folder to keep pictures of each state at 360 and 1280 px, for a person to look at. */
const SHOTS = process.env.ATTUNE_SHOTS_DIR;

/** Axe finds nothing serious, and nothing scrolls sideways at 360 px; `part` is what a picture shows. */
async function readable(page: Page, name: string, part?: Locator) {
  expect(await seriousViolations(page)).toEqual([]);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    if (SHOTS) {
      const path = `${SHOTS}/${name}-${width}.png`;
      await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
    }
  }
}

test('download my data: the password asked in place, then a JSON file of my own words only', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Noor', 'Ravi');
  await call(a.request, 'checkins.put', {
    params: { date: today() },
    body: { connected: 7, heard: 6, mood: 'hopeful', line: 'Noor-own-line', visibility: 'couple' },
  });
  await call(a.request, 'journal.create', { body: { text: 'Noor-private-journal' } });
  await call(b.request, 'checkins.put', {
    params: { date: today() },
    body: { connected: 5, heard: 5, mood: 'calm', line: 'Ravi-shared-line', visibility: 'couple' },
  });

  await a.goto('/settings');
  const data = new YourDataSection(a);
  await expect(data.section()).toBeVisible();
  await readable(a, 'settings-your-data', data.section());
  // Signing in is not enough: the password is asked here, then the file comes.
  await data.section().getByRole('button', { name: 'Download my data' }).click();
  await expect(data.passwordPrompt()).toBeVisible();
  await readable(a, 'download-password', data.section());
  const downloading = a.waitForEvent('download');
  await data.enterPassword(PASSWORD, 'Download my data');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`attune-export-${today()}.json`);
  const text = await readFile(await download.path(), 'utf8');
  const exported = JSON.parse(text);
  expect(exported).toMatchObject({ format: 'attune-export', version: 1, account: { name: 'Noor' } });
  expect(text).toContain('Noor-own-line');
  expect(text).toContain('Noor-private-journal');
  expect(text).not.toContain('Ravi');
  await expect(a.getByRole('status').filter({ hasText: 'Your data is downloaded.' })).toBeVisible();
  await a.context().close();
  await b.context().close();
});

test('delete my account: explained, typed, the password again; the partner sees only the neutral notice and keeps their things', async ({
  browser,
}) => {
  // A long name, so the explanation is seen wrapping at 360 px.
  const theo = 'Theodora-Featherstonehaugh-Worthingtonshire';
  const { a, b } = await coupleInBrowser(browser, 'Iris', theo);
  const theirs = await call(b.request, 'commitments.create', {
    body: { agreementId: null, what: 'Theo-keeps-this-promise', schedule: { kind: 'daily', by: null }, startsOn: today() },
  });
  await call(b.request, 'checkins.put', {
    params: { date: today() },
    body: { connected: 6, heard: 6, mood: 'calm', line: 'Theo-own-line', visibility: 'couple' },
  });
  await call(a.request, 'checkins.put', {
    params: { date: today() },
    body: { connected: 4, heard: 4, mood: 'tired', line: 'Iris-leaving-line', visibility: 'couple' },
  });

  await a.goto('/settings');
  const data = new YourDataSection(a);
  await data.openDelete();
  const explanation = a.getByRole('heading', { name: 'Delete my account?' }).locator('..');
  await expect(explanation).toContainText(`You leave the space you share with ${theo} first.`);
  await expect(explanation).toContainText(
    `${theo} keeps everything they wrote themselves, including the commitments they made for you.`,
  );
  await expect(explanation).toContainText('This cannot be undone.');
  await readable(a, 'delete-explained', data.section());

  // Not typed (or typed wrongly): nothing happens but a plain word at the field.
  await data.confirmField().fill('delete');
  await data.deleteButton().click();
  await expect(a.getByText('To delete your account, please type “delete my account”.').first()).toBeVisible();
  await expect(data.confirmField()).toHaveAttribute('aria-invalid', 'true');
  await readable(a, 'delete-not-typed', data.section());

  await data.confirmField().fill('Delete my account');
  await data.deleteButton().click();
  await expect(data.passwordPrompt()).toBeVisible();
  await readable(a, 'delete-password', data.section());
  await data.enterPassword(PASSWORD, 'Delete my account');
  await expect(a.getByRole('heading', { level: 1, name: 'Your account is deleted' })).toBeVisible();
  await expect(a).toHaveURL(/\/account-deleted$/);
  await readable(a, 'deleted-page');
  // Signed out: the app's own pages now ask to sign in.
  expect((await a.request.get('/api/v1/me')).status()).toBe(401);
  await a.goto('/settings');
  await expect(a.getByRole('heading', { level: 1, name: 'Sign in to Attune' })).toBeVisible();

  // Theo sees only that the space closed, and keeps their own words.
  await b.goto('/');
  const home = new HomePage(b);
  await expect(home.closedNotice()).toBeVisible();
  await expect(b.getByRole('main')).not.toContainText('Iris');
  const kept = await call(b.request, 'commitments.get', { params: { id: theirs.id } });
  expect(kept.versions[0]?.what).toBe('Theo-keeps-this-promise');
  await b.goto('/checkin');
  await expect(b.getByRole('main')).toContainText('Theo-own-line');
  await expect(b.getByRole('main')).not.toContainText('Iris-leaving-line');
  await a.context().close();
  await b.context().close();
});
