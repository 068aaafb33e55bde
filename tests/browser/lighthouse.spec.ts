import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signUpViaApi } from './pages/app';

// What Lighthouse's accessibility, best-practices and SEO audits check on a phone, checked here
// rule by rule on more screens than lighthouse-scores.spec.ts runs Lighthouse on, so a failure names
// its cause: axe with every rule Lighthouse runs (tap target
// size included), no console error and no failed request on the first screen, a real robots.txt,
// the page's status, language, title, description and viewport, descriptive and crawlable links,
// readable font sizes and images shown at their own shape.

const PHONE = { width: 412, height: 823 };

/** Console errors, uncaught errors and answers of 400 or more, from the moment the page opens. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${res.status()} from ${new URL(res.url()).pathname}`);
  });
  page.on('requestfailed', (req) => {
    // An event stream closed as the page is left is not a failure a person meets.
    if (!req.url().includes('/api/v1/events')) errors.push(`failed: ${new URL(req.url()).pathname}`);
  });
  return errors;
}

async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

/** Every axe finding (of any impact), with the tap-target rule Lighthouse also weighs. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The page's own facts Lighthouse's SEO and best-practices audits read. */
async function pageFacts(page: Page) {
  return page.evaluate(() => {
    const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
    const generic = new Set([
      'click here',
      'click this',
      'go',
      'here',
      'this',
      'start',
      'right here',
      'more',
      'learn more',
      'read more',
      'continue',
    ]);
    const links = [...document.querySelectorAll('a')];
    const images = [...document.querySelectorAll('img')].filter((img) => img.naturalWidth > 0 && img.clientWidth > 0);
    const smallText: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (!own || (el as HTMLElement).offsetParent === null) continue;
      if (el.closest('.visually-hidden')) continue;
      if (Number.parseFloat(getComputedStyle(el).fontSize) < 12) smallText.push(el.tagName.toLowerCase());
    }
    return {
      doctype: document.doctype?.name ?? null,
      lang: document.documentElement.lang,
      charset: document.characterSet,
      title: document.title,
      description: meta('description'),
      viewport: meta('viewport'),
      robots: meta('robots'),
      genericLinks: links.map((a) => (a.textContent ?? '').trim().toLowerCase()).filter((t) => generic.has(t)),
      uncrawlableLinks: links
        .filter((a) => !a.hasAttribute('href') || /^javascript:/i.test(a.getAttribute('href') ?? ''))
        .map((a) => a.outerHTML.slice(0, 80)),
      stretchedImages: images
        .filter((img) => {
          const shown = img.clientWidth / img.clientHeight;
          const own = img.naturalWidth / img.naturalHeight;
          return Math.abs(shown - own) / own > 0.05;
        })
        .map((img) => img.src),
      smallText,
    };
  });
}

function expectGoodFacts(facts: Awaited<ReturnType<typeof pageFacts>>, where: string) {
  expect(facts.doctype, `${where}: doctype`).toBe('html');
  expect(facts.lang, `${where}: lang`).toBe('en');
  expect(facts.charset, `${where}: charset`).toBe('UTF-8');
  expect(facts.title, `${where}: document title`).toMatch(/\S.* · Attune$|^Attune$/);
  expect(facts.description?.trim().length ?? 0, `${where}: meta description`).toBeGreaterThan(20);
  expect(facts.viewport, `${where}: viewport`).toMatch(/width=device-width/);
  expect(facts.viewport, `${where}: zoom allowed`).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*[0-4](\.\d+)?\b/);
  expect(facts.robots ?? '', `${where}: not kept out of search`).not.toMatch(/noindex/i);
  expect(facts.genericLinks, `${where}: link text says where it goes`).toEqual([]);
  expect(facts.uncrawlableLinks, `${where}: links have a real address`).toEqual([]);
  expect(facts.stretchedImages, `${where}: images shown at their own shape`).toEqual([]);
  expect(facts.smallText, `${where}: text at 12 px or more`).toEqual([]);
}

test('/robots.txt is a real robots file that lets the public pages be found, not the app', async ({ request }) => {
  const res = await request.get('/robots.txt');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(text).not.toMatch(/<html|<!doctype/i);
  const lines = text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
  for (const line of lines)
    expect(line, 'a robots.txt directive').toMatch(/^(user-agent|allow|disallow|sitemap|crawl-delay):\s*\S*$/i);
  expect(lines[0]).toMatch(/^user-agent:\s*\*$/i);
  // The sign-in page may be found; nothing disallows the whole site.
  expect(lines.map((l) => l.toLowerCase().replace(/\s+/g, ''))).not.toContain('disallow:/');
});

test('the first screen, signed out on a phone, logs no error (no 401 from /me) and passes what Lighthouse checks', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  const errors = watchErrors(page);
  const answers: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/')) answers.push(new URL(req.url()).pathname);
  });
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  expect(res?.headers()['x-robots-tag'] ?? '').not.toMatch(/noindex/i);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await settled(page);
  // It asked the public probe, never /me.
  expect(answers).toContain('/api/v1/auth/session');
  expect(answers).not.toContain('/api/v1/me');
  expect(errors).toEqual([]);
  expectGoodFacts(await pageFacts(page), '/sign-in');
  expect(await axeFindings(page)).toEqual([]);
});

test('the other public screens on a phone log no error and pass what Lighthouse checks', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const errors = watchErrors(page);
  for (const path of ['/sign-up', '/forgot', '/help', '/support']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await settled(page);
    expectGoodFacts(await pageFacts(page), path);
    expect(await axeFindings(page), path).toEqual([]);
  }
  expect(errors).toEqual([]);
});

test('signed in, home on a phone logs no error and passes what Lighthouse checks', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signUpViaApi(page.request, 'Lee');
  const errors = watchErrors(page);
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The journey' })).toBeVisible();
  expectGoodFacts(await pageFacts(page), '/');
  expect(await axeFindings(page)).toEqual([]);
  expect(errors).toEqual([]);
});
