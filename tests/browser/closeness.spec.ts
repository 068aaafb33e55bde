import { expect, type Page, test } from '@playwright/test';
import { coupleInBrowser, signUpViaApi } from './pages/app';
import { seriousViolations } from './pages/axe';
import { ClosenessPage, expectNotReloaded, markPage, sidewaysScroll } from './pages/closeness';

// Step 7 in the browser: the question of the day answered privately by each partner, in either
// order, shown to both together the moment the second answer is in (no reload), then reactions,
// replies and "I'd like to talk more about this"; the decks; the rituals; and home's way in.

/** The words on a screen, to compare one moment with another. */
const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** Clean for axe, and no sideways scrolling on a 360 px wide phone. */
async function readable(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('answered first by one, then the other: nothing shows before, both answers appear together live, then reactions and replies', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a, b } = await coupleInBrowser(browser, 'Ines', 'Tomas');
  const ines = new ClosenessPage(a);
  const tomas = new ClosenessPage(b);

  // Both open today's question from home's journey card: the same question for both.
  for (const page of [a, b]) {
    await page.goto('/');
    await page.getByRole('link', { name: 'Open Closeness' }).click();
  }
  await ines.expectOpen();
  await tomas.expectOpen();
  const question = (await ines.questionText().textContent()) ?? '';
  expect(question.length).toBeGreaterThan(10);
  await expect(tomas.questionText()).toHaveText(question);
  await expect(ines.today()).toContainText('Tomas sees your answer only once you have both answered.');
  await expect(ines.today()).toContainText('Attune never tells Tomas whether you answered.');
  await expect(ines.today().getByText('0 of 2,000 characters')).toBeVisible();
  await readable(a);
  await markPage(a);
  await markPage(b);
  const tomasBefore = await mainText(b);

  // Ines answers. Tomas's open screen, and the same screen loaded again, show no trace of it.
  const inesWords = 'The evening we walked home in the snow and talked about nothing at all.';
  await ines.answer(inesWords);
  await expect(ines.today()).toContainText('When you have both answered, both answers appear here together.');
  await expect(ines.today().getByRole('button', { name: 'Not today' })).toHaveCount(0);
  await readable(a);
  await b.waitForTimeout(1500);
  expect(await mainText(b)).toBe(tomasBefore);
  await tomas.open();
  expect(await mainText(b)).toBe(tomasBefore);
  expect(await mainText(b)).not.toContain('snow');
  await markPage(b);

  // Tomas answers: both answers appear together on both screens, Ines's without a reload.
  const tomasWords = 'Sitting on the back step with tea, hearing about your day.';
  await tomas.answer(tomasWords);
  await expect(tomas.pair()).toContainText(inesWords);
  await expect(tomas.pair()).toContainText(tomasWords);
  await expect(ines.pair()).toContainText(tomasWords);
  await expect(ines.pair()).toContainText(inesWords);
  await expectNotReloaded(a);
  await readable(b);

  // A reaction and a reply each way, live on the other side.
  await tomas.react('This moved me');
  await expect(ines.pair()).toContainText('Tomas: This moved me');
  await ines.reply('Thank you. I would like more evenings like that.', 'Tomas');
  await expect(tomas.pair()).toContainText('Ines’s reply: Thank you. I would like more evenings like that.');
  await ines.react('I feel that too');
  await expect(tomas.pair()).toContainText('Ines: I feel that too');
  await expectNotReloaded(a);
  await expectNotReloaded(b);

  // An edit after the reveal shows as edited, to both.
  await ines.today().getByRole('button', { name: 'Change my answer' }).click();
  await ines.today().getByLabel('Change your answer').fill(`${inesWords} And the streetlights.`);
  await ines.today().getByRole('button', { name: 'Save the change' }).click();
  await expect(tomas.pair()).toContainText('And the streetlights.');
  await expect(tomas.pair()).toContainText(/Edited/);

  // Ines would like to talk more: Tomas sees the wish live; her private draft waits in Talk's Prepare.
  await ines.today().getByRole('button', { name: 'I’d like to talk more about this' }).click();
  await expect(ines.said('A private draft is waiting for you in Talk.')).toBeVisible();
  await expect(tomas.pair()).toContainText('Ines would like to talk more about this.');
  await readable(a);
  await ines.today().getByRole('link', { name: 'Your private draft is in Talk' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Prepare what you want to say' })).toBeVisible();
  await expect(a.getByLabel('What I want to say')).toHaveValue(`I would like to talk more about: ${question}`);
  expect((await (await b.request.get('/api/v1/drafts')).json()).drafts).toEqual([]);

  await a.context().close();
  await b.context().close();
});

test('answered in the other order, and set aside first: the reveal reaches the first answerer live', async ({ browser }) => {
  test.setTimeout(90_000);
  const { a, b } = await coupleInBrowser(browser, 'Priya', 'Sam');
  const priya = new ClosenessPage(a);
  const sam = new ClosenessPage(b);
  await priya.open();
  await sam.open();
  await markPage(b);

  // Priya sets it aside first: shown as fine, private, and undone in one step.
  await a.getByRole('button', { name: 'Not today' }).click();
  await expect(priya.today()).toContainText('You set today’s question aside. That is completely fine, and only you know.');
  await readable(a);
  await a.getByRole('button', { name: 'Answer it after all' }).click();
  await expect(priya.today().getByLabel('Your answer', { exact: true })).toBeVisible();

  // Sam answers first, Priya second; Sam's open screen shows both without a reload.
  await sam.answer('A quiet breakfast before anyone else is up.');
  await expect(sam.today()).toContainText('Your answer is saved');
  await priya.answer('The long walk to the lake last spring.');
  await expect(priya.pair()).toContainText('A quiet breakfast before anyone else is up.');
  await expect(sam.pair()).toContainText('The long walk to the lake last spring.');
  await expectNotReloaded(b);

  // Each question day has its own address, to come back to.
  const { question } = (await (await a.request.get('/api/v1/closeness/today')).json()) as { question: { id: string } };
  await a.goto(`/closeness/${question.id}`);
  await expect(a.getByRole('heading', { level: 1, name: /^Question of / })).toBeVisible();
  await expect(a.locator('.pair')).toContainText('A quiet breakfast before anyone else is up.');
  await readable(a);
  await a.goto('/closeness/memories-999');
  await expect(a.getByRole('alert').filter({ hasText: 'This question is not one of your question days.' })).toBeVisible();

  // The earlier question list and the theme picker: a theme applies from tomorrow.
  await priya.open();
  await expect(a.getByRole('region', { name: 'Earlier questions' })).toContainText('Earlier questions will gather here');
  await a.getByRole('radio', { name: /^Memories/ }).check();
  await a.getByRole('button', { name: 'Use this from tomorrow' }).click();
  await expect(priya.said('From tomorrow’s question, questions come from Memories.')).toBeVisible();
  await expect(a.getByRole('heading', { name: 'How deeper questions come' })).toBeVisible();

  await a.context().close();
  await b.context().close();
});

test('a long answer with a long unbroken word stays readable at 360 px, and the decks can be browsed', async ({ browser }) => {
  test.setTimeout(90_000);
  const { a, b } = await coupleInBrowser(browser, 'Alexandria-Marguerite', 'Bartholomew-Maximilian');
  const long = `${'Supercalifragilisticexpialidocious'.repeat(8)} ${'A memory that keeps going. '.repeat(80)}`.slice(0, 2000);
  await a.setViewportSize({ width: 360, height: 800 });
  await b.setViewportSize({ width: 360, height: 800 });
  const alex = new ClosenessPage(a);
  const bart = new ClosenessPage(b);
  await alex.open();
  await alex.today().getByLabel('Your answer', { exact: true }).fill(long);
  await expect(alex.today().getByText('2,000 of 2,000 characters')).toBeVisible();
  await alex.today().getByRole('button', { name: 'Save my answer' }).click();
  await expect(alex.today().locator('.answer-text')).toHaveText(long);
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);
  await bart.open();
  await bart.answer(long);
  await expect(bart.pair()).toBeVisible();
  expect(await sidewaysScroll(b)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(b)).toEqual([]);

  // The decks: every question by theme and depth, to read.
  await b.goto('/closeness');
  await b.getByRole('link', { name: 'Browse all the questions' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'All the questions' })).toBeVisible();
  await expect(b.getByRole('status').filter({ hasText: /^\d+ questions$/ })).toBeVisible();
  const all = Number(
    (
      await b
        .getByRole('status')
        .filter({ hasText: /questions$/ })
        .textContent()
    )?.split(' ')[0],
  );
  expect(all).toBeGreaterThan(150);
  await b.getByLabel('Theme').selectOption({ label: 'Memories' });
  await b.getByLabel('Depth').selectOption({ label: 'Deep' });
  await expect(b.getByRole('heading', { level: 2 })).toHaveText(['Memories']);
  await expect(b.getByRole('status').filter({ hasText: /questions$/ })).toHaveText(/^[1-9]\d? questions$/);
  expect(await sidewaysScroll(b)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(b)).toEqual([]);

  await a.context().close();
  await b.context().close();
});

test('rituals: taken up on a chosen schedule they become a commitment in Act; alone they are a plan', async ({ browser }) => {
  test.setTimeout(150_000);
  const { a, b } = await coupleInBrowser(browser, 'Mira', 'Jonas');
  await a.goto('/closeness/rituals');
  await expect(a.getByRole('heading', { level: 1, name: 'Rituals of connection' })).toBeVisible();
  await expect(a.getByText('“Is it working?” weighs the agreements on your needs, not rituals.')).toBeVisible();
  await readable(a);

  const card = a.locator('li.ritual').filter({ has: a.getByRole('heading', { name: 'A slow hello' }) });
  await card.getByRole('button', { name: /^Take this up/ }).click();
  await expect(card.getByRole('radio', { name: 'Every day' })).toBeChecked();
  await expect(card.getByRole('radio', { name: 'Once, by a date' })).toHaveCount(0);
  await card.getByRole('radio', { name: 'On chosen days of the week' }).check();
  await card.getByRole('checkbox', { name: 'Saturday' }).check();
  await card.getByRole('checkbox', { name: 'Sunday' }).check();
  await readable(a);
  await card.getByRole('button', { name: 'Take up this ritual' }).click();
  const mine = a.getByRole('region', { name: 'Yours' });
  await expect(mine).toContainText('You took this up: Weekends');
  await mine.getByRole('link', { name: /See it in Act/ }).click();
  await expect(a.getByRole('heading', { level: 1 })).toContainText('offer them a hug');
  await expect(a.getByText(/You, for Jonas · Weekends/)).toBeVisible();

  // Jonas sees it in Act as something Mira does for him.
  await b.goto('/act');
  await expect(b.getByRole('region', { name: 'Your commitments', exact: true })).toContainText('Mira, for you');

  // Stopping it ends the commitment; the ritual goes back to the library.
  await a.goto('/closeness/rituals');
  await mine.getByRole('button', { name: /^Stop this ritual/ }).click();
  await expect(mine).toContainText('What was already done and noticed stays in the log.');
  await mine.getByRole('button', { name: /^Yes, stop it/ }).click();
  await expect(mine).toHaveCount(0);

  // Alone, a ritual is a plan until a partner joins.
  const solo = await (await browser.newContext()).newPage();
  await signUpViaApi(solo.request, 'Noor');
  await solo.goto('/closeness/rituals');
  const soloCard = solo.locator('li.ritual').filter({ has: solo.getByRole('heading', { name: 'A slow hello' }) });
  await soloCard.getByRole('button', { name: /^Take this up/ }).click();
  await soloCard.getByRole('button', { name: 'Save as a plan' }).click();
  await expect(solo.getByRole('region', { name: 'Yours' })).toContainText(
    'Planned: Every day. It becomes a commitment when your partner joins.',
  );
  await readable(solo);

  await a.context().close();
  await b.context().close();
  await solo.context().close();
});

test('home offers today’s question until it is answered, and a person alone answers for themselves', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await (await browser.newContext()).newPage();
  await signUpViaApi(page.request, 'Lior');
  await page.goto('/');
  const offer = page.getByRole('link', { name: /^Today’s question: / });
  await expect(offer).toBeVisible();
  await offer.click();
  const lior = new ClosenessPage(page);
  await lior.expectOpen();
  await expect(lior.today()).toContainText('You are answering for yourself.');
  await expect(
    page.getByText('When a partner joins, the answers you wrote alone stay private unless you choose to share them.'),
  ).toBeVisible();
  await lior.answer('Mornings by the window with coffee.');
  await readable(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Today’s question: / })).toHaveCount(0);

  // Once a partner joins, the answer written alone is held back until Lior shares it.
  const partner = await (await browser.newContext()).newPage();
  await signUpViaApi(partner.request, 'Remi');
  const invite = (await (await page.request.post('/api/v1/space/invites')).json()) as { token: string };
  expect((await partner.request.post(`/api/v1/invites/${invite.token}/accept`)).status()).toBe(200);
  await lior.open();
  const held = page.getByRole('region', { name: 'Answers from before Remi joined' });
  await expect(held).toContainText((await lior.questionText().textContent()) ?? '');
  await readable(page);
  const remi = new ClosenessPage(partner);
  await remi.open();
  expect(await mainText(partner)).not.toContain('coffee');
  await held.getByRole('button', { name: /^Share with Remi/ }).click();
  await expect(held).toHaveCount(0);
  await expect(remi.today()).toContainText('Lior wrote this before you shared a space');
  await expect(remi.today()).toContainText('Mornings by the window with coffee.');

  await page.context().close();
  await partner.context().close();
});

test('with a safety concern, home does not offer the question of the day', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signUpViaApi(page.request, 'Dana');
  expect((await page.request.put('/api/v1/safety', { data: { answers: { afraid: 'yes' } } })).status()).toBe(200);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Today’s question/ })).toHaveCount(0);
  await page.context().close();
});
