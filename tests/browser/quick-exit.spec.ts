import { type Browser, type CDPSession, chromium, expect, type Page, test } from '@playwright/test';
import { AppShell, signUpViaApi } from './pages/app';

// Quick exit holds (decision 026): after it, Back — however many Attune pages the tab's history
// holds, freshly loaded or from the back/forward cache — never shows Attune again, and by default
// this browser is signed out too.

const neutralUrl = () => {
  const url = process.env.NEUTRAL_URL;
  if (!url) throw new Error('NEUTRAL_URL is not set: the browser test set-up provides it.');
  return url;
};

/** Eight Attune screens, each a history entry of its own (Back works inside Attune). */
async function wanderThroughTheApp(page: Page) {
  await page.goto('/');
  const shell = new AppShell(page);
  await expect(shell.heading()).toHaveText('Hello, Jo');
  await shell.goTo('Invite');
  await expect(shell.heading()).toHaveText('Invite your partner');
  await shell.goTo('Settings');
  await expect(shell.heading()).toHaveText('Settings');
  await shell.helpLink().click();
  await expect(shell.heading()).toHaveText('Get help now');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'Open Understand' }).click();
  await expect(shell.heading()).toContainText('Understand');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'Open Closeness' }).click();
  await expect(shell.heading()).toHaveText('Closeness');
  expect(await page.evaluate(() => history.length)).toBeGreaterThanOrEqual(8);
}

/**
 * Watches every document of Attune's origin this page shows: the moment any of them has words on
 * screen, or a screen's title ("… · Attune"), it says so on the console. Set up before the first
 * visit; it runs in each new document before the app, and stays in a page kept in the
 * back/forward cache (it reports when such a page is shown again).
 */
async function watchForAttune(page: Page, appOrigin: string): Promise<{ seen: string[]; restored: string[]; start(): void }> {
  const seen: string[] = [];
  const restored: string[] = [];
  let watching = false;
  page.on('console', (message) => {
    const text = message.text();
    if (watching && text.startsWith('ATTUNE-SHOWN ')) seen.push(text);
    if (watching && text.startsWith('ATTUNE-RESTORED ')) restored.push(text);
  });
  await page.addInitScript((origin) => {
    if (location.origin !== origin) return;
    const check = (when: string) => {
      // What is rendered, on purpose: the shell's <noscript> words are in the markup, never on screen.
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what someone could see
      const words = document.body?.innerText.trim() ?? '';
      if (words !== '' || document.title.includes('·'))
        console.log(`ATTUNE-SHOWN ${when} ${location.pathname} title="${document.title}" words="${words.slice(0, 80)}"`);
    };
    new MutationObserver(() => check('change')).observe(document, { subtree: true, childList: true, characterData: true });
    addEventListener('DOMContentLoaded', () => check('ready'));
    addEventListener('load', () => check('load'));
    addEventListener('pageshow', (event) => {
      if (event.persisted) console.log(`ATTUNE-RESTORED ${location.pathname}`);
      // What the next frame would paint, once every pageshow listener (the app's too) has run.
      requestAnimationFrame(() => check('pageshow'));
    });
  }, appOrigin);
  return {
    seen,
    restored,
    start() {
      watching = true;
    },
  };
}

/** Presses Back until the tab's history runs out; after each press no Attune page is on screen. */
async function backAllTheWay(page: Page, appOrigin: string): Promise<number> {
  let presses = 0;
  while (page.url() !== 'about:blank' && presses < 20) {
    presses += 1;
    await page.goBack({ waitUntil: 'commit' }).catch(() => null);
    await page.waitForLoadState('load').catch(() => null);
    // Where Back lands on an Attune entry, it leaves again at once, for the neutral page.
    await expect.poll(() => new URL(page.url()).origin).not.toBe(appOrigin);
    await expect(page).not.toHaveTitle(/Attune/);
    if (page.url() !== 'about:blank') await expect(page.locator('body')).not.toContainText(/Attune|Hello, Jo|Closeness/);
  }
  return presses;
}

async function expectSignedOut(page: Page) {
  await expect.poll(async () => (await page.request.get('/api/v1/me')).status()).toBe(401);
}

test('the quick exit button leaves; Back through many Attune pages shows none of them, and this browser is signed out', async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const watch = await watchForAttune(page, appOrigin);
  await signUpViaApi(page.request, 'Jo');
  await wanderThroughTheApp(page);
  await new AppShell(page).quickExitButton().click();
  await page.waitForURL((url) => url.href.startsWith(neutralUrl()));
  watch.start();
  expect(await backAllTheWay(page, appOrigin)).toBeGreaterThanOrEqual(8);
  expect(watch.seen).toEqual([]);
  // Signed out: the session is over on the server, not just hidden.
  await expectSignedOut(page);
  // Opening Attune again on purpose works, and asks to sign in.
  await page.goto('/settings');
  await expect(new AppShell(page).heading()).toHaveText('Sign in to Attune');
});

test('pressing Escape twice leaves, and Back does not return to Attune', async ({ page, baseURL }) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const watch = await watchForAttune(page, appOrigin);
  await signUpViaApi(page.request, 'Jo');
  await wanderThroughTheApp(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => url.href.startsWith(neutralUrl()));
  watch.start();
  await backAllTheWay(page, appOrigin);
  expect(watch.seen).toEqual([]);
  await expectSignedOut(page);
});

test('with signing out turned off in Settings, quick exit keeps the session, and Back still shows nothing of Attune', async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const watch = await watchForAttune(page, appOrigin);
  await signUpViaApi(page.request, 'Jo');
  await page.goto('/settings');
  const choice = page.getByRole('checkbox', { name: 'Also sign me out on this device when I use quick exit' });
  await expect(choice).toBeChecked(); // on unless turned off
  await choice.uncheck();
  await expect(page.getByText('Saved. Quick exit will keep you signed in on this device.')).toBeVisible();
  await page.reload();
  await expect(choice).not.toBeChecked(); // kept on this device

  await wanderThroughTheApp(page);
  await new AppShell(page).quickExitButton().click();
  await page.waitForURL((url) => url.href.startsWith(neutralUrl()));
  watch.start();
  expect(await backAllTheWay(page, appOrigin)).toBeGreaterThanOrEqual(8);
  expect(watch.seen).toEqual([]);
  // Still signed in, as chosen; opening Attune on purpose shows it again.
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
  watch.seen.length = 0;
  await page.goto('/');
  await expect(new AppShell(page).heading()).toHaveText('Hello, Jo');
});

/** A Chromium with its back/forward cache on (Playwright turns it off by default). */
async function browserWithBackForwardCache(launchOptions: object): Promise<Browser> {
  return chromium.launch({ ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
}

/**
 * Back by the page's own history, as the browser's button does, until the tab's history runs out.
 * Where it lands is read from the browser's own list of entries (Playwright's waits for a page
 * to load are not reliable with the back/forward cache on, which is why it turns the cache off).
 */
async function backByHistory(page: Page, appOrigin: string): Promise<number> {
  // A session of its own each time, and null while the tab is between two pages (the browser
  // swaps the page's process when it moves to another site).
  const withSession = async <T>(use: (cdp: CDPSession) => Promise<T>): Promise<T | null> => {
    const cdp = await page
      .context()
      .newCDPSession(page)
      .catch(() => null);
    if (!cdp) return null;
    try {
      return await use(cdp);
    } catch {
      return null;
    } finally {
      await cdp.detach().catch(() => null);
    }
  };
  const where = () =>
    withSession(async (cdp) => {
      const { currentIndex, entries } = await cdp.send('Page.getNavigationHistory');
      return { index: currentIndex, entries, origin: new URL(entries[currentIndex]?.url ?? 'about:blank').origin };
    });
  await expect.poll(where).not.toBeNull();
  let presses = 0;
  for (let index = (await where())?.index ?? 0; index > 0; index -= 1) {
    presses += 1;
    // The browser's Back: to the entry before this one.
    await expect
      .poll(async () => {
        const now = await where();
        if (!now) return false;
        if (now.index === index - 1) return true;
        const previous = now.entries[index - 1];
        if (now.index === index && previous)
          await withSession((cdp) => cdp.send('Page.navigateToHistoryEntry', { entryId: previous.id }));
        return false;
      })
      .toBe(true);
    // Where Back lands on an Attune entry, it leaves again at once, for the neutral page.
    await expect
      .poll(async () => {
        const now = await where();
        return now !== null && now.origin !== appOrigin;
      })
      .toBe(true);
  }
  return presses;
}

test('with the back/forward cache on, no Attune page comes back after a quick exit', async ({ baseURL }, testInfo) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const browser = await browserWithBackForwardCache(testInfo.project.use.launchOptions ?? {});
  try {
    for (const signOut of [true, false]) {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      const watch = await watchForAttune(page, appOrigin);
      await signUpViaApi(page.request, 'Jo');
      if (!signOut) {
        await page.goto('/settings');
        await page.getByRole('checkbox', { name: 'Also sign me out on this device when I use quick exit' }).uncheck();
      }
      // Attune pages left the ordinary way, for another site: the kind a back/forward cache keeps...
      await wanderThroughTheApp(page);
      await page.goto(`${neutralUrl()}elsewhere`);
      // ...then Attune opened again in the same tab, and quick exit from there.
      await page.goto('/invite');
      await expect(new AppShell(page).heading()).toHaveText('Invite your partner');
      await new AppShell(page).quickExitButton().click();
      await page.waitForURL((url) => url.href.startsWith(neutralUrl()) && !url.pathname.includes('elsewhere'));
      watch.start();
      expect(await backByHistory(page, appOrigin)).toBeGreaterThanOrEqual(9);
      expect(watch.seen, `signing out ${signOut ? 'on' : 'off'}`).toEqual([]);
      testInfo.annotations.push({
        type: 'back/forward cache',
        description: `signing out ${signOut ? 'on' : 'off'}: ${watch.restored.length} Attune page(s) shown again from the cache`,
      });
      if (signOut) await expectSignedOut(page);
      else expect((await page.request.get('/api/v1/me')).status()).toBe(200);
      await context.close();
    }
  } finally {
    await browser.close();
  }
});

test('with the back/forward cache on, an Attune page from before a visit to another site stays gone after a quick exit', async ({
  baseURL,
}, testInfo) => {
  // Chromium moves a tab to a new browsing instance, with a copy of its sessionStorage, when it
  // goes to another site and back: a quick exit remembered only there is unknown to the pages
  // from before (decision 026). The help page needs no account: the person need not be signed in.
  const appOrigin = new URL(baseURL ?? '').origin;
  const browser = await browserWithBackForwardCache(testInfo.project.use.launchOptions ?? {});
  try {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const watch = await watchForAttune(page, appOrigin);
    // Left before its first requests are answered: a page the cache may keep, so the tab moves on.
    await page.goto('/help', { waitUntil: 'commit' });
    await page.goto(`${neutralUrl()}a-search`);
    await page.goto('/help');
    await expect(new AppShell(page).heading()).toHaveText('Get help now');
    await new AppShell(page).quickExitButton().click();
    await page.waitForURL((url) => url.href.startsWith(neutralUrl()) && !url.pathname.includes('a-search'));
    watch.start();
    expect(await backByHistory(page, appOrigin)).toBe(3);
    expect(watch.seen).toEqual([]);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('an Attune entry from before a quick exit leaves when it loads again, even in a copy of the tab that never heard of it', async ({
  page,
}) => {
  await signUpViaApi(page.request, 'Jo');
  await page.goto('/settings');
  await expect(new AppShell(page).heading()).toHaveText('Settings');
  // As in a tab Chromium moved to a new browsing instance: a quick exit happened (a new epoch,
  // shared by the whole origin), but this tab's sessionStorage has no mark of it.
  await page.evaluate(() => {
    localStorage.setItem('attune.history-epoch', 'a-later-one');
    sessionStorage.clear();
  });
  await page.reload({ waitUntil: 'commit' });
  await page.waitForURL((url) => url.href.startsWith(neutralUrl()), { timeout: 15_000 });
  await expect(page).toHaveTitle('Weather');
  // Opened on purpose, it is a new entry of the new epoch, and works.
  await page.goto('/settings');
  await expect(new AppShell(page).heading()).toHaveText('Settings');
  await page.reload();
  await expect(new AppShell(page).heading()).toHaveText('Settings');
});

test('a page shown again from the back/forward cache after a quick exit leaves at once', async ({ page }) => {
  await signUpViaApi(page.request, 'Jo');
  await page.goto('/settings');
  await expect(new AppShell(page).heading()).toHaveText('Settings');
  // What the browser does when it brings a cached page back (pageshow, persisted) after a quick
  // exit from another Attune page (which replaced the history epoch this page's entry carries).
  await page.evaluate(() => {
    localStorage.setItem('attune.history-epoch', 'a-later-one');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
  });
  await page.waitForURL((url) => url.href.startsWith(neutralUrl()));
  await expect(page).toHaveTitle('Weather');
});

test('a page shown again from the back/forward cache with no quick exit since stays', async ({ page }) => {
  await signUpViaApi(page.request, 'Jo');
  await page.goto('/settings');
  await expect(new AppShell(page).heading()).toHaveText('Settings');
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(new AppShell(page).heading()).toHaveText('Hello, Jo');
});

test('one Escape alone does not leave', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(new AppShell(page).heading()).toHaveText('Sign in to Attune');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1200);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await expect(new AppShell(page).heading()).toHaveText('Sign in to Attune');
});
