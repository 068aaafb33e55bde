import { expect, type Page, test } from '@playwright/test';
import { coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';
import { type ClockServer, startClockServer } from './pages/clock-server';

// Step 5, Patience: five weeks of a couple's history lived in seconds through the API on a server of
// its own with the test clock seam (ATTUNE_TEST_CLOCK=1), then the charts read in the browser: each
// with its sentence, an honest verdict and a table for screen readers; the weekly reflection; the
// private therapy suggestion. Axe-clean and readable at 360 px. The partner sees none of it.

const NEED = 'Ask about my day when you get home, and listen';
const WHAT = 'Ask about your day when I get home';
const HOUR = 3_600_000;
let clock: ClockServer;
test.beforeAll(async () => {
  clock = await startClockServer('patience');
});
test.afterAll(async () => {
  await clock?.stop();
});

async function ok(res: Promise<import('@playwright/test').APIResponse>, status: number[] = [200, 201]) {
  const r = await res;
  expect(status, await r.text()).toContain(r.status());
  return r.json().catch(() => null);
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('five weeks on: honest charts with text alternatives, the weekly reflection and a private suggestion', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  await clock.toNextMorning();
  const { a, b } = await coupleInBrowser(browser, 'Mara', 'Jon', clock.base);

  // Mara's need, agreed by Jon; Jon asks about her day every evening.
  const need = (await ok(a.request.post('/api/v1/needs', { data: { text: NEED } }))) as { id: string };
  await ok(a.request.post(`/api/v1/needs/${need.id}/share`));
  const agreed = (await ok(b.request.post(`/api/v1/needs/${need.id}/respond`, { data: { kind: 'accept' } }))) as {
    agreementId: string;
  };
  const today = async () => ((await ok(a.request.get('/api/v1/log/today'))) as { date: string }).date;
  const created = (await ok(
    b.request.post('/api/v1/commitments', {
      data: { agreementId: agreed.agreementId, what: WHAT, schedule: { kind: 'daily', by: null }, startsOn: await today() },
    }),
  )) as { id: string };

  // 34 days: Mara feels a little more connected each week and her pulse rises; Jon does it every
  // evening and Mara notices each time (it helped a lot on Fridays).
  const answers = (k: number) => async () => {
    const overview = (await ok(a.request.get('/api/v1/pulse'))) as { week: string; items: { id: string }[] };
    const body = { answers: Object.fromEntries(overview.items.map((i) => [i.id, k])), shared: false };
    await ok(a.request.put(`/api/v1/pulse/${overview.week}`, { data: body }));
  };
  let lastPulseWeek = '';
  for (let d = 0; d < 34; d++) {
    if (d > 0) await clock.advance(24 * HOUR);
    const date = await today();
    const week = Math.floor(d / 7);
    await ok(
      a.request.put(`/api/v1/checkins/${date}`, {
        data: { connected: Math.min(10, 3 + week), heard: 6, mood: 'hopeful', visibility: 'private' },
      }),
    );
    const pulseWeek = ((await ok(a.request.get('/api/v1/pulse'))) as { week: string }).week;
    if (pulseWeek !== lastPulseWeek) {
      await answers(Math.min(7, 2 + week))();
      lastPulseWeek = pulseWeek;
    }
    const key = encodeURIComponent(date);
    await ok(b.request.put(`/api/v1/commitments/${created.id}/occurrences/${key}/mark`, { data: { status: 'done' } }), [200]);
    const friday = new Date(`${date}T12:00:00Z`).getUTCDay() === 5;
    await ok(
      a.request.put(`/api/v1/commitments/${created.id}/occurrences/${key}/ack`, {
        data: { noticed: true, helped: friday ? 3 : 2 },
      }),
      [200],
    );
  }

  // Home leads to Patience, now a real step.
  await a.goto('/');
  await a.getByRole('link', { name: 'Open Patience' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Patience' })).toBeVisible();

  const pulse = a.getByRole('figure', { name: 'Your trust pulse' });
  await expect(pulse).toContainText('how much you felt you could rely on your partner');
  // Plain words for the verdict; the numbers only behind "How this is worked out" (issue 14).
  await expect(pulse.locator('.verdict')).toContainText(/Improving \((fairly|quite|very) sure\)\./);
  await expect(pulse.locator('.verdict')).not.toContainText(/p [=<]/);
  await pulse.getByText('How this is worked out').click();
  await expect(pulse.locator('.worked-out')).toContainText(/Here: p [=<] 0\.\d+; a change of \+/);
  const pulseTable = a.getByRole('table', { name: 'Your trust pulse: week by week, oldest first' });
  expect(await pulseTable.getByRole('row').count()).toBeGreaterThanOrEqual(6); // a header and 5 or 6 weeks
  await expect(pulseTable.getByRole('row').last()).toContainText('of 100');

  const connected = a.getByRole('figure', { name: 'Feeling connected' });
  await expect(connected).toContainText(/Improving/);
  await expect(a.getByRole('table', { name: 'Feeling connected: week by week, oldest first' })).toBeAttached();
  const heard = a.getByRole('figure', { name: 'Feeling heard' });
  await expect(heard).toContainText('Steady');

  const agreement = a.getByRole('region', { name: NEED });
  await expect(agreement.getByRole('figure', { name: 'Done as promised' })).toContainText('Steady');
  await expect(agreement.getByRole('figure', { name: 'Noticed' })).toBeVisible();
  await expect(a.getByRole('table', { name: `Done as promised: ${NEED}: week by week, oldest first` })).toContainText('100%');

  // Another span of weeks: the same five weeks of history, read again.
  await a.getByLabel('Weeks shown').selectOption('8');
  await expect(a.getByLabel('Weeks shown')).toHaveValue('8');
  await expect(pulse).toContainText(/Improving/);

  // The weekly reflection.
  const reflection = a.getByRole('region', { name: 'Looking back on the week' });
  await expect(reflection.getByRole('table', { name: /The last 7 days/ })).toBeVisible();
  await expect(reflection).toContainText(WHAT);
  await expect(reflection).toContainText('you said it helped a lot');
  expect(await seriousViolations(a)).toEqual([]);

  // Nothing suggests therapy; Mara asks to think about it, privately.
  const support = a.getByRole('region', { name: 'Support from a professional' });
  await expect(support).toContainText('Nothing here suggests it right now.');
  await support.getByRole('button', { name: "I'd like to think about therapy" }).click();
  await expect(support.getByRole('heading', { name: 'Talking with a couples therapist might help' })).toBeVisible();
  await expect(support).toContainText('You said you would like to think about therapy.');
  await expect(support.getByRole('link', { name: 'What couples therapy is, and how to find a therapist' })).toHaveAttribute(
    'href',
    '/support',
  );

  // After a concerning safety check: never couples therapy; support for her alone, and the help lines.
  await a.goto('/safety');
  await a.getByRole('group', { name: 'Do you ever feel afraid of your partner?' }).getByLabel('Sometimes').check();
  await a.getByRole('button', { name: 'Save my answers' }).click();
  await expect(a.getByRole('heading', { name: 'What your answers suggest' })).toBeVisible();
  await a.goto('/patience');
  await expect(support.getByRole('heading', { name: 'Support for you' })).toBeVisible();
  await expect(support.getByRole('heading', { name: 'Talking with a couples therapist might help' })).toHaveCount(0);
  await expect(support.getByRole('link', { name: 'Support just for you' })).toHaveAttribute('href', '/support#individual');
  await expect(support.getByRole('link', { name: /Help lines/ })).toHaveAttribute('href', '/help');

  // Readable on a small phone: nothing scrolls sideways, and still axe-clean.
  await a.setViewportSize({ width: 360, height: 800 });
  await a.reload();
  await expect(a.getByRole('figure', { name: 'Your trust pulse' })).toBeVisible();
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(a)).toEqual([]);

  // Jon sees the agreement's figures, and nothing of Mara's pulse, check-ins or suggestion.
  await b.goto('/patience');
  await expect(b.getByRole('heading', { level: 1, name: 'Patience' })).toBeVisible();
  await expect(b.getByRole('figure', { name: 'Your trust pulse' })).toContainText('No trust pulse in these weeks yet.');
  await expect(b.getByRole('figure', { name: 'Your trust pulse' })).toContainText(
    'Too early to tell: a few more weeks will show the direction.',
  );
  await expect(b.getByRole('figure', { name: 'Feeling connected' })).toContainText('No check-ins in these weeks yet.');
  await expect(b.getByRole('region', { name: NEED }).getByRole('figure', { name: 'Done as promised' })).toBeVisible();
  const jonsSupport = b.getByRole('region', { name: 'Support from a professional' });
  await expect(jonsSupport).toContainText('Nothing here suggests it right now.');
  await expect(b.getByRole('main')).not.toContainText('Support for you');
  await expect(b.getByRole('main')).not.toContainText('think about therapy.');
  expect(await seriousViolations(b)).toEqual([]);

  await a.context().close();
  await b.context().close();
});
