import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { AppShell, PASSWORD, signUpViaApi } from './pages/app';
import { SignInForm } from './pages/auth';

// A write kept offline is sealed at rest (decision 026): the words of a check-in line are nowhere in
// this origin's storage (localStorage, sessionStorage, IndexedDB, the service worker's caches), and
// the write is sent exactly once when the connection comes back — or, after a quick exit made
// offline, at the person's next sign-in on this device, which tells them so.

/** Every value this origin keeps in the browser, as text. */
async function everythingStored(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i += 1) {
        const key = store.key(i) ?? '';
        out.push(`${key}=${store.getItem(key)}`);
      }
    }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name as string);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        out.push(`${info.name}/${name}=${JSON.stringify(all)}`);
      }
      db.close();
    }
    if ('caches' in self) {
      for (const cacheName of await caches.keys()) {
        const cache = await caches.open(cacheName);
        for (const request of await cache.keys()) {
          const res = await cache.match(request);
          out.push(`${cacheName}:${request.url}=${res ? await res.text() : ''}`);
        }
      }
    }
    out.push(`cookie=${document.cookie}`);
    return out;
  });
}

async function expectNowhereStored(page: Page, words: string) {
  const stored = await everythingStored(page);
  for (const value of stored) {
    expect(value).not.toContain(words);
    // Nor merely encoded.
    expect(value).not.toContain(Buffer.from(words).toString('base64').slice(0, 20));
    expect(value).not.toContain(encodeURIComponent(words));
  }
}

const outbox = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('attune.outbox.v1') ?? '[]') as Record<string, unknown>[]);

async function fillCheckin(page: Page, line: string) {
  await page.getByLabel('How connected did you feel today?').fill('7');
  await page.getByLabel('Did you feel heard today?').fill('6');
  await page.getByRole('radio', { name: 'Calm', exact: true }).check();
  await page.getByLabel('A line about today (optional)').fill(line);
}

/** Check-in writes that reached the server (a request made offline fails on the way), from any tab. */
function countCheckinWrites(context: BrowserContext): { keys: (string | undefined)[] } {
  const seen = { keys: [] as (string | undefined)[] };
  context.on('response', (r) => {
    if (r.request().method() === 'PUT' && /\/api\/v1\/checkins\/\d{4}-\d{2}-\d{2}$/.test(r.url()))
      seen.keys.push(r.request().headers()['idempotency-key']);
  });
  return seen;
}

test('a check-in line saved offline is sealed on the device and sent exactly once on reconnecting', async ({ page, context }) => {
  const line = 'Marigold lantern 7731: we argued about the car again';
  await signUpViaApi(page.request, 'Wren');
  const writes = countCheckinWrites(context);
  await page.goto('/checkin');
  await expect(new AppShell(page).heading()).toHaveText('Daily check-in');

  await context.setOffline(true);
  await fillCheckin(page, line);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Saved on this device; it will be sent when you are back online.')).toBeVisible();

  // Waiting, sealed: the owner and the key readable, nothing else.
  const waiting = await outbox(page);
  expect(waiting).toHaveLength(1);
  expect(Object.keys(waiting[0] ?? {}).sort()).toEqual(['key', 'sealed', 'userId']);
  expect(String(waiting[0]?.sealed)).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
  expect(JSON.stringify(waiting)).not.toContain('checkins');
  await expectNowhereStored(page, line);
  await expectNowhereStored(page, 'Marigold');
  expect(writes.keys).toHaveLength(0);

  await context.setOffline(false);
  await expect(
    page.getByRole('status').filter({ hasText: 'One thing you saved on this device while offline has now been sent.' }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect.poll(() => outbox(page)).toEqual([]);
  await page.waitForTimeout(2_500); // a second send would be a retry's: give it the time to happen
  expect(writes.keys).toHaveLength(1);
  const today = (await (await page.request.get('/api/v1/checkins/today')).json()) as { mine: { line: string } | null };
  expect(today.mine?.line).toBe(line);
});

test('after a quick exit made offline, the sealed write waits for the next sign-in here, is sent once, and the person is told', async ({
  page,
  context,
}) => {
  const line = 'Juniper kettle 5512: I could not say it out loud';
  const wren = await signUpViaApi(page.request, 'Wren');
  const writes = countCheckinWrites(context);
  await page.goto('/checkin');
  await expect(new AppShell(page).heading()).toHaveText('Daily check-in');
  await context.setOffline(true);
  await fillCheckin(page, line);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Saved on this device; it will be sent when you are back online.')).toBeVisible();

  // Quick exit while offline: it leaves at once; the sign-out cannot reach the server yet.
  await new AppShell(page).quickExitButton().click();
  await page.waitForURL((url) => !url.href.includes('/checkin'));
  await context.setOffline(false);

  // Attune opened again in this browser (a new tab): the sign-out is finished before anything
  // shows, and the write still waits, sealed.
  const again = await context.newPage();
  await again.goto('/');
  await expect(new AppShell(again).heading()).toHaveText('Sign in to Attune');
  expect((await again.request.get('/api/v1/me')).status()).toBe(401);
  expect(await outbox(again)).toHaveLength(1);
  await expectNowhereStored(again, line);
  expect(writes.keys).toHaveLength(0);

  await new SignInForm(again).signIn(wren.email, PASSWORD);
  await expect(
    again.getByRole('status').filter({ hasText: 'One thing you saved on this device while offline has now been sent.' }),
  ).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => outbox(again)).toEqual([]);
  await again.waitForTimeout(2_500);
  expect(writes.keys).toHaveLength(1);
  const today = (await (await again.request.get('/api/v1/checkins/today')).json()) as { mine: { line: string } | null };
  expect(today.mine?.line).toBe(line);
});
