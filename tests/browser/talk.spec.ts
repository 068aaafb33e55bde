import { expect, type Page, test } from '@playwright/test';
import { coupleInBrowser, PASSWORD, signUpViaApi } from './pages/app';
import { seriousViolations } from './pages/axe';
import { TalkPage } from './pages/talk';

/** Counts full page loads: an in-app update must not reload or navigate the document. */
async function watchLoads(page: Page): Promise<() => number> {
  let loads = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loads += 1;
  });
  return () => loads;
}

test('two partners hold a live conversation on two devices, each seeing the other’s turns arrive, and reach takeaways', async ({
  browser,
}) => {
  const { a, b } = await coupleInBrowser(browser, 'Rowan', 'Kit');

  // A prepares privately first, with the coach and the feelings vocabulary.
  await a.goto('/');
  await a.getByRole('link', { name: 'Open Talk' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Talk' })).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);
  await a.getByRole('link', { name: 'Prepare what I want to say' }).click();
  await expect(a.getByText('Only you can see this.').first()).toBeVisible();
  await expect(a.getByText('The coach understands English only.')).toBeVisible();
  await a.getByLabel('What I want to say').fill('You always ignore me');
  await expect(a.locator('.coach-findings')).toContainText('always');
  await a.getByRole('button', { name: 'lonely' }).click();
  await expect(a.getByText('Saved. Only you can see this.')).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  // A starts a conversation on two devices; B opens it.
  const talkA = new TalkPage(a);
  await talkA.open();
  await a.getByRole('button', { name: /Start a conversation together/ }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Conversation' })).toBeVisible();
  const conversationUrl = a.url();
  const talkB = new TalkPage(b);
  await talkB.open();
  await b.getByRole('link', { name: /Conversation on two devices/ }).click();
  await expect(b.getByText("It is Rowan's turn to share.")).toBeVisible();
  expect(b.url()).toBe(conversationUrl);
  const loadsA = await watchLoads(a);
  const loadsB = await watchLoads(b);

  // A shares; B's screen shows it without reloading; B reflects; A's screen shows it.
  await talkA.write('What you want to share', 'When you were on your phone at dinner, I felt lonely');
  await talkA.button('Share this').click();
  await expect(talkB.turns()).toContainText('When you were on your phone at dinner, I felt lonely');
  expect(await seriousViolations(b)).toEqual([]);
  await talkB.write('What you heard', 'You felt lonely at dinner while I was on my phone');
  await talkB.button('Say it back').click();
  await expect(talkA.turns()).toContainText('You felt lonely at dinner while I was on my phone');
  await talkA.button('That’s it').click();

  // Roles switch: B speaks now.
  await expect(b.getByText('You are speaking this round.')).toBeVisible();
  await talkB.write('What you want to share', 'I felt shut out when work came first');
  await talkB.button('Share this').click();
  await expect(talkA.turns()).toContainText('I felt shut out when work came first');

  // A pause, then resume, then takeaways.
  await talkA.button('Pause for a break').click();
  await expect(b.getByText(/You are taking a break/)).toBeVisible();
  await talkB.button('Resume the conversation').click();
  await expect(a.getByLabel('What you heard')).toBeVisible();
  await talkA.button('We are ready to finish').click();
  await expect(b.getByLabel('What you take from this')).toBeVisible();
  // Kit starts typing before Rowan saves: Rowan's takeaway arriving live must not wipe Kit's words.
  await b.getByLabel('What you take from this').fill('I can say when I feel shut out');
  let refetchesB = 0;
  b.on('response', (r) => {
    if (r.request().method() === 'GET' && /\/api\/v1\/conversations\/[0-9a-f-]{36}$/.test(r.url())) refetchesB += 1;
  });
  await a.getByLabel('What you take from this').fill('I will put the phone away at dinner');
  await talkA.button('Save takeaway').click();
  await expect(a.getByText('Waiting for Kit’s takeaway.')).toBeVisible();
  await expect.poll(() => refetchesB).toBeGreaterThan(0);
  await expect(b.getByLabel('What you take from this')).toHaveValue('I can say when I feel shut out');
  await talkB.button('Save takeaway').click();
  await expect(a.getByText(/This conversation has finished/)).toBeVisible();
  await expect(b.getByText(/This conversation has finished/)).toBeVisible();
  expect(loadsA()).toBe(0);
  expect(loadsB()).toBe(0);

  // Acknowledge: A writes, the coach reviews it as an apology, B answers.
  await expect(a.getByText(/This is a start, not the repair/)).toBeVisible();
  await talkA.button('Write an acknowledgement').click();
  await a.getByLabel('What I did, or failed to do').fill("I'm sorry if you felt ignored");
  await expect(a.locator('.coach-findings').first()).toBeVisible();
  await a.getByLabel('What I did, or failed to do').fill('I kept looking at my phone when you spoke to me at dinner');
  await a.getByLabel('Its effect on you, as I understand it now').fill('You felt alone in the same room');
  await a.getByLabel('What I will do differently').fill('I will leave my phone in the hall during dinner');
  await talkA.button('Share my acknowledgement').click();
  await expect(b.getByText('Rowan’s acknowledgement')).toBeVisible();
  await b.getByLabel('Partly').check();
  await b.getByLabel(/What is missing/).fill('The weekends too');
  await talkB.button('Send my answer').click();
  await expect(a.getByText(/Kit’s answer: Partly/)).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  for (const page of [a, b]) {
    await new TalkPage(page).open();
    await expect(page.locator('.finished-count')).toHaveText('1 finished conversation');
  }
  await a.context().close();
  await b.context().close();
});

test('a solo person records a conversation held in person and sees it counted', async ({ page }) => {
  await signUpViaApi(page.request, 'Sol');
  const talk = new TalkPage(page);
  await talk.open();
  await expect(page.locator('.finished-count')).toHaveText('0 finished conversations');
  await expect(page.getByRole('button', { name: /Start a conversation together/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Record a conversation held in person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a conversation held in person' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('When you talked (year-month-day)').fill('2026-03-02');
  await page.getByLabel('What was said').fill('We talked about our evenings');
  await page.getByLabel('How it went').fill('Calmer than I feared');
  await talk.button('Save this conversation').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Talk' })).toBeVisible();
  await expect(page.locator('.finished-count')).toHaveText('1 finished conversation');
  await page.getByRole('link', { name: /Conversation in person/ }).click();
  await expect(talk.turns()).toContainText('We talked about our evenings');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a person whose safety answers raise concern sees help first and no invitation to talk together', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Ash', 'Bea');
  expect((await a.request.put('/api/v1/safety', { data: { answers: { afraid: 'yes' } } })).status()).toBe(200);
  await new TalkPage(a).open();
  await expect(a.getByRole('link', { name: 'Get help now' }).nth(1)).toBeVisible();
  await expect(a.getByRole('button', { name: /Start a conversation together/ })).toHaveCount(0);
  await expect(a.getByRole('link', { name: 'Prepare what I want to say' })).toBeVisible();
  // The partner's view is the ordinary one.
  await new TalkPage(b).open();
  await expect(b.getByRole('button', { name: /Start a conversation together/ })).toBeVisible();
  await a.context().close();
  await b.context().close();
});

test('a paused conversation in a space since left shows as ended by the space closing, with no actions, in the list and the detail', async ({
  browser,
}) => {
  const { a, b } = await coupleInBrowser(browser, 'Iris', 'Jude');
  const started = (await (await a.request.post('/api/v1/conversations', { data: { mode: 'two-devices' } })).json()) as {
    id: string;
  };
  const turn = (page: Page, data: Record<string, unknown>) =>
    page.request.post(`/api/v1/conversations/${started.id}/turns`, { data });
  expect((await turn(a, { kind: 'share', text: 'The evenings feel lonely lately.' })).status()).toBe(201);
  expect((await turn(b, { kind: 'reflect', text: 'You feel alone in the evenings.' })).status()).toBe(201);
  expect((await b.request.patch(`/api/v1/conversations/${started.id}`, { data: { action: 'pause' } })).status()).toBe(200);
  // Jude leaves the space (the password first, as leaving asks for it).
  expect((await b.request.post('/api/v1/auth/reauth', { data: { password: PASSWORD } })).status()).toBe(204);
  expect((await b.request.post('/api/v1/space/leave')).status()).toBe(200);

  for (const page of [a, b]) {
    await page.goto('/talk');
    await expect(page.getByRole('heading', { level: 1, name: 'Talk' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'In progress' })).toHaveCount(0);
    const stopped = page.getByRole('region', { name: 'Ended when the space closed' });
    await expect(stopped).toContainText('ended when the space closed');
    await page.screenshot({ path: `.test-output/journeys/talk-list-closed-1280-${page === a ? 'a' : 'b'}.png`, fullPage: true });
    await stopped.getByRole('link').first().click();
    await expect(page.getByTestId('closed-by-space')).toContainText('stopped when you stopped sharing a space');
    await expect(page.getByRole('button', { name: 'Resume the conversation' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Finish here instead' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Pause for a break' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  }
  await a.setViewportSize({ width: 360, height: 740 });
  await a.screenshot({ path: '.test-output/journeys/talk-closed-360.png', fullPage: true });

  await a.context().close();
  await b.context().close();
});
