import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { call } from './pages/api';
import { coupleInBrowser, PASSWORD, signUpViaApi, uniqueEmail } from './pages/app';
import { writePrivateCanaries, writeSharedStory } from './pages/story';

// Every screen of web/src/routes.ts, opened at a phone's width (360 px) and a desktop's (1280 px) by
// someone whose words are long: one unbroken word of 102 letters and a long address in check-in lines,
// needs, conversation turns, the journal, closeness answers and their names. A screen fails on sideways
// scrolling, on a visible control (button, link, field) reaching outside the window, and on a round
// button or tick box bigger than 32 px. A full-page picture of each screen at each width is written to
// .test-output/screens/<name>-<width>.png for a person to look at. One page per kind of visitor, reused
// across screens and both widths, keeps it cheap.

const WIDTHS = [360, 1280] as const;
const SCREENS_DIR = join(process.cwd(), '.test-output', 'screens');
const WORD = 'Supercalifragilisticexpialidocious'.repeat(3);
const ADDRESS = 'someone.with.a.really.long.address@an-example-of-a-long-domain-name.example.org';
const LONG = `${WORD} ${ADDRESS}`;

type Audience = 'signed-in' | 'therapist' | 'account' | 'signed-out' | 'anyone';
type Visitor = 'partner' | 'therapist' | 'visitor';

/** Each screen's address pattern and audience, read from web/src/routes.ts so a new screen is covered. */
function screenPatterns(): { pattern: string; who: Audience }[] {
  const source = readFileSync(join(process.cwd(), 'web', 'src', 'routes.ts'), 'utf8');
  const found = [...source.matchAll(/screen\('([^']+)', '([a-z-]+)'/g)].map((m) => ({
    pattern: m[1] as string,
    who: m[2] as Audience,
  }));
  expect(found.length, 'screens read from web/src/routes.ts').toBeGreaterThan(20);
  return found;
}

/** Who opens a screen of each audience: a partner's screens as a partner, an account's as both kinds. */
const VISITORS: Record<Audience, Visitor[]> = {
  'signed-in': ['partner'],
  therapist: ['therapist'],
  account: ['partner', 'therapist'],
  'signed-out': ['visitor'],
  anyone: ['visitor'],
};

interface Story {
  conversationId: string;
  commitmentId: string;
  questionId: string;
  accessId: string;
  views: string[];
  inviteToken: string;
}

/**
 * The addresses to open for each pattern with parts in it (a pattern without parts is opened as it
 * is). A new pattern with parts must be added here: the test fails naming it until it is.
 */
function examples(s: Story): Record<string, string[]> {
  return {
    '/therapist/join/:token': [`/therapist/join/${'n'.repeat(30)}`],
    '/therapist/couples/:id/:view([a-z]+)?': [
      `/therapist/couples/${s.accessId}`,
      ...s.views.map((v) => `/therapist/couples/${s.accessId}/${v}`),
    ],
    '/join/:token': [`/join/${s.inviteToken}`],
    '/understand/:page([a-z-]+)?': ['/understand', '/understand/check-in', '/understand/history'],
    '/steps/understand/:page([a-z-]+)?': ['/steps/understand'],
    '/talk/:sub([a-z0-9-]+)?': ['/talk', '/talk/prepare', '/talk/record', `/talk/${s.conversationId}`],
    '/act/:sub([a-z0-9-]+)?': ['/act', '/act/new', `/act/${s.commitmentId}`],
    '/closeness/:sub([a-z0-9-]+)?': ['/closeness', '/closeness/deck', '/closeness/rituals', `/closeness/${s.questionId}`],
    '/notifications/:sub(settings)?': ['/notifications', '/notifications/settings'],
    // Every step is built: an old /steps/<slug> link goes to the step itself (opened above), and a
    // step that does not exist says so at its own address.
    '/steps/:slug([a-z-]+)': ['/steps/a-step-that-is-not-there'],
  };
}

/** A file name for a screen: its address without ids, and who looked. */
function shotName(visitor: Visitor, path: string, s: Story): string {
  const plain = path
    .split('?')[0]
    ?.replace(s.conversationId, 'conversation')
    .replace(s.commitmentId, 'commitment')
    .replace(s.accessId, 'couple')
    .replace(s.inviteToken, 'invite')
    .replace(/\/n{30}$/, '/link');
  const slug = (plain ?? '').replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'home';
  return `${visitor}-${slug}`;
}

/** A couple with long words everywhere, a therapist who may read all of it, and someone else's invite. */
async function writeLongStory(browser: Browser): Promise<{ pages: Record<Visitor, Page>; story: Story }> {
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext(), browser.newContext()]);
  const [a, b, t, visitor] = await Promise.all(contexts.map((c) => c.newPage()));
  if (!a || !b || !t || !visitor) throw new Error('pages not opened');
  await signUpViaApi(a.request, `Alexandria-Marguerite-${WORD.slice(0, 30)}`);
  await signUpViaApi(b.request, `Bartholomew-Maximilian-${WORD.slice(0, 28)}`);
  const invite = await call(a.request, 'spaces.invites.create');
  await call(b.request, 'spaces.invites.accept', { params: { token: invite.token } });
  await writeSharedStory(a, b, LONG);
  await writePrivateCanaries(a, b, LONG);
  await call(a.request, 'auth.reauth', { body: { password: PASSWORD } });
  await call(a.request, 'journal.create', { body: { text: `A journal entry: ${LONG} and more words after it.` } });
  const question = (await call(a.request, 'closeness.today')).question.id;
  await call(a.request, 'closeness.answer', { params: { questionId: question }, body: { text: `My answer: ${LONG}` } });
  await call(a.request, 'needs.create', { body: { text: `A need of mine: ${LONG}` } });
  await call(b.request, 'checkins.put', {
    params: { date: (await call(b.request, 'log.today')).date },
    body: { connected: 6, heard: 6, mood: 'hopeful', line: `Shared by Bartholomew: ${LONG}`, visibility: 'couple' },
  });

  // The therapist: proposed by a, both consent to everything, accepted through the link.
  const proposed = await call(a.request, 'therapists.invite', { body: { email: null } });
  const all = [
    'agreements',
    'commitments',
    'figures',
    'checkins',
    'conversations',
    'causes',
    'pulse',
    'closeness',
    'summary',
  ] as const;
  await call(a.request, 'therapists.consent', { params: { id: proposed.id }, body: { include: [...all] } });
  await call(b.request, 'therapists.consent', { params: { id: proposed.id }, body: { include: [...all] } });
  await call(t.request, 'therapists.accept', {
    params: { token: proposed.token },
    body: { email: uniqueEmail('therapist'), password: PASSWORD, name: `Dr-${WORD.slice(0, 40)}` },
  });
  const couple = (await call(t.request, 'therapists.couples')).couples[0];
  if (!couple) throw new Error('the therapist has no couple');

  // Someone else's invitation, for the join screen (their long name shows on it).
  const kim = await (await browser.newContext()).newPage();
  await signUpViaApi(kim.request, `Kimberley-${WORD.slice(0, 45)}`);
  const inviteToken = (await call(kim.request, 'spaces.invites.create')).token;
  await kim.context().close();

  const conversationId = (await call(a.request, 'conversations.list')).conversations[0]?.id ?? '';
  const commitmentId = (await call(a.request, 'commitments.list')).commitments[0]?.id ?? '';
  await b.context().close();
  return {
    pages: { partner: a, therapist: t, visitor },
    story: { conversationId, commitmentId, questionId: question, accessId: couple.id, views: couple.views, inviteToken },
  };
}

interface Problem {
  what: string;
  where: string;
}

/** What is wrong with the page as it is now: sideways scroll, controls outside, big round buttons. */
async function layoutProblems(page: Page): Promise<Problem[]> {
  return page.evaluate(() => {
    const problems: { what: string; where: string }[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) problems.push({ what: `scrolls sideways by ${root.scrollWidth - width} px`, where: 'page' });
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${text}"`;
    };
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return null; // visually hidden, or not shown
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.opacity === '0') return null;
      return box;
    };
    for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')) {
      const box = shown(el);
      if (!box) continue;
      if (box.left < -0.5 || box.right > width + 0.5)
        problems.push({
          what: `control outside the window (${Math.round(box.left)}–${Math.round(box.right)} px)`,
          where: describe(el),
        });
    }
    for (const el of document.querySelectorAll('input[type="radio"], input[type="checkbox"]')) {
      const box = shown(el);
      if (!box) continue;
      if (box.width > 32 || box.height > 32)
        problems.push({
          what: `round button or tick box ${Math.round(box.width)}×${Math.round(box.height)} px`,
          where: describe(el),
        });
    }
    return problems;
  });
}

/** The screen has drawn: its title is there and nothing still says it is loading. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('main .loading')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}

test('every screen fits a 360 px phone and a 1280 px desktop with long words, and its picture is saved', async ({ browser }) => {
  test.setTimeout(600_000);
  mkdirSync(SCREENS_DIR, { recursive: true });
  const { pages, story } = await writeLongStory(browser);
  const table = examples(story);
  const visits: { visitor: Visitor; path: string }[] = [];
  for (const { pattern, who } of screenPatterns()) {
    const paths = pattern.includes(':') ? table[pattern] : [pattern];
    expect(paths, `addresses to open for ${pattern} (add them to examples() in this file)`).toBeDefined();
    for (const visitor of VISITORS[who]) for (const path of paths ?? []) visits.push({ visitor, path });
  }
  // An unknown address, for each kind of visitor.
  visits.push({ visitor: 'visitor', path: '/no-such-page' }, { visitor: 'partner', path: '/no-such-page' });

  const failures: string[] = [];
  for (const width of WIDTHS) {
    for (const page of Object.values(pages)) await page.setViewportSize({ width, height: 800 });
    for (const { visitor, path } of visits) {
      const page = pages[visitor];
      const name = shotName(visitor, path, story);
      await page.goto(path);
      await settled(page);
      // Landed where it was meant to (not sent to sign in, or home).
      expect(new URL(page.url()).pathname.replace(/\/$/, '') || '/', `${name} stayed on its address`).toBe(
        path.split('?')[0]?.replace(/\/$/, '') || '/',
      );
      for (const p of await layoutProblems(page)) failures.push(`${name} at ${width} px: ${p.what}: ${p.where}`);
      await page.screenshot({ path: join(SCREENS_DIR, `${name}-${width}.png`), fullPage: true });
    }
  }
  expect(failures).toEqual([]);
  // Every pattern of routes.ts was visited at both widths.
  expect(visits.length).toBeGreaterThan(40);
});

/** The main navigation's items, and whether they all sit on one line. */
async function navOnOneLine(page: Page): Promise<{ items: string[]; lines: number }> {
  return page.getByRole('navigation', { name: 'Main' }).evaluate((nav) => {
    const items = [...nav.querySelectorAll('li')];
    return {
      items: items.map((li) => (li.querySelector('a')?.firstChild?.textContent ?? '').trim()),
      lines: new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size,
    };
  });
}

test('on a phone the nav keeps to one line with an unread badge, and Invite is there only while no partner has joined', async ({
  browser,
}) => {
  const { a, b } = await coupleInBrowser(browser, 'Alexandria', 'Bartholomew');
  await a.setViewportSize({ width: 360, height: 800 });
  // Bartholomew shares a check-in: Alexandria has something unread.
  await call(b.request, 'checkins.put', {
    params: { date: (await call(b.request, 'log.today')).date },
    body: { connected: 6, heard: 6, mood: 'hopeful', line: 'A calm evening', visibility: 'couple' },
  });
  await a.goto('/');
  const nav = a.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Invite', exact: true })).toHaveCount(0);
  expect(await navOnOneLine(a)).toEqual({ items: ['Home', 'Notifications', 'Settings'], lines: 1 });

  // Bartholomew leaves: Invite comes back at once (a live change), still on one line. What he had
  // shared left with him, so nothing of his is unread any more.
  await call(b.request, 'auth.reauth', { body: { password: PASSWORD } });
  await call(b.request, 'spaces.leave');
  await expect(nav.getByRole('link', { name: 'Invite', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  expect(await navOnOneLine(a)).toEqual({ items: ['Home', 'Notifications', 'Invite', 'Settings'], lines: 1 });
  // The widest the nav gets: Invite with the largest badge (as the app draws it, 99+) still fits.
  await a.evaluate(() => {
    const badge = document.createElement('span');
    badge.className = 'unread-count';
    badge.textContent = '99+';
    document.querySelector('.notifications-link')?.append(badge);
  });
  expect((await navOnOneLine(a)).lines).toBe(1);
  await a.reload();
  await expect(nav.getByRole('link', { name: 'Invite', exact: true })).toBeVisible();
});

test('no ring shows around the page title when a screen opens, though focus moves to it', async ({ page }) => {
  // Signed out, "/" sends the visitor to sign in: the sign-in title takes focus as the screen opens.
  await page.goto('/');
  const title = page.getByRole('heading', { level: 1, name: 'Sign in' });
  await expect(title).toBeFocused();
  const ring = await title.evaluate((h) => {
    const style = getComputedStyle(h);
    return { outline: style.outlineStyle, shadow: style.boxShadow };
  });
  expect(ring).toEqual({ outline: 'none', shadow: 'none' });
});

test('round buttons and tick boxes keep a normal size with their words beside them', async ({ page }) => {
  await signUpViaApi(page.request, 'Robin');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const [path, name] of [
      ['/safety', 'I would rather not say'],
      ['/act/new', 'By a set time'],
    ] as const) {
      await page.goto(path);
      const box = page.getByRole(path === '/safety' ? 'radio' : 'checkbox', { name }).first();
      await expect(box).toBeVisible();
      const sizes = await box.evaluate((input) => {
        const label = input.closest('label') ?? document.querySelector(`label[for="${input.id}"]`);
        const words = label ? [...label.childNodes].find((n) => n !== input && (n.textContent ?? '').trim()) : null;
        const range = document.createRange();
        if (words) range.selectNodeContents(words);
        const w = range.getBoundingClientRect();
        const b = input.getBoundingClientRect();
        return {
          box: Math.max(b.width, b.height),
          wordsBeside: !!words && Math.abs(w.top + w.height / 2 - (b.top + b.height / 2)) < 16 && w.left > b.right - 1,
          wordsWidth: w.width,
        };
      });
      expect(sizes.box, `${path} at ${width}`).toBeLessThanOrEqual(32);
      expect(sizes.wordsBeside, `${path} at ${width}: words beside the box`).toBe(true);
      expect(sizes.wordsWidth, `${path} at ${width}: words not squeezed`).toBeGreaterThan(60);
    }
  }
});
