import { expect, test } from '@playwright/test';
import { coupleInBrowser } from './pages/app';
import { seriousViolations } from './pages/axe';
import { NeedsPage } from './pages/needs';

const COUNTER = 'Ask about my day at dinner, four evenings a week';

test('two partners reach an agreement through a proposed change, and both see how they got there', async ({ browser }) => {
  const { a, b } = await coupleInBrowser(browser, 'Rowan', 'Kit');

  // A finds Needs on the journey, writes a vague need, and takes the coach's sharper wording.
  await a.goto('/');
  await a.getByRole('link', { name: 'Open Needs' }).click();
  const needsA = new NeedsPage(a);
  await expect(a.getByRole('heading', { level: 1, name: 'Needs' })).toBeVisible();
  await expect(a.getByText('The coach reads English only.')).toBeVisible();
  await needsA.write('Be more present');
  await expect(needsA.coach()).toContainText('A feeling worth naming');
  await a.getByRole('button', { name: 'Use this wording' }).click();
  await expect(a.getByLabel('What would help you feel supported?')).toHaveValue(/^Ask about my day at dinner/);
  await expect(needsA.coach()).toContainText('Clear and doable');
  expect(await seriousViolations(a)).toEqual([]);
  await needsA.saveDraft();

  // The draft is A's alone until shared.
  const draft = needsA.card('Your drafts', 'Ask about my day at dinner');
  await expect(draft.getByText('Only you can see this.')).toBeVisible();
  const needsB = new NeedsPage(b);
  await needsB.open();
  await expect(b.getByRole('main')).not.toContainText('Ask about my day');
  await draft.getByRole('button', { name: 'Share with Kit' }).click();
  await expect(
    needsA.card('Shared and in progress', 'Ask about my day at dinner').getByText('Waiting for Kit to answer.'),
  ).toBeVisible();

  // B proposes a change.
  await needsB.open();
  const toAnswer = needsB.card('Waiting for your answer', 'Ask about my day at dinner');
  await expect(toAnswer.getByText("Rowan's need")).toBeVisible();
  expect(await seriousViolations(b)).toEqual([]);
  await toAnswer.getByRole('button', { name: 'Propose a change' }).click();
  await toAnswer.getByLabel('The wording you would suggest').fill(COUNTER);
  await toAnswer.getByRole('button', { name: 'Send this wording' }).click();
  await expect(
    needsB.card('Shared and in progress', 'Ask about my day at dinner').getByText('Waiting for Rowan to answer.'),
  ).toBeVisible();

  // A's screen, open all along, shows B's proposal without reloading; A accepts B's wording.
  const proposal = needsA.card('Waiting for your answer', 'Ask about my day at dinner');
  await expect(proposal).toContainText(`Kit proposed this wording: ${COUNTER}`);
  expect(await seriousViolations(a)).toEqual([]);
  await proposal.getByRole('button', { name: 'Accept this wording' }).click();
  await expect(needsA.card('Your agreements', COUNTER)).toBeVisible();
  // B's screen, open all along, shows the agreement without reloading.
  await expect(needsB.card('Your agreements', COUNTER)).toBeVisible();

  // Both see the agreement in B's words, with its history.
  for (const [page, other, whose] of [
    [a, 'Kit', "Kit's words"],
    [b, 'Rowan', 'your words'],
  ] as const) {
    const needs = new NeedsPage(page);
    await needs.open();
    const agreement = needs.card('Your agreements', COUNTER);
    await expect(agreement.locator('.agreed-words')).toHaveText(COUNTER);
    await expect(agreement).toContainText(whose);
    await agreement.getByText(/How you got here/).click();
    await expect(agreement.getByRole('listitem').filter({ hasText: 'shared the need' })).toBeVisible();
    await expect(agreement.getByRole('listitem').filter({ hasText: 'proposed:' })).toContainText(COUNTER);
    await expect(agreement.getByRole('listitem').filter({ hasText: 'accepted.' })).toContainText(page === a ? 'You' : other);
    expect(await seriousViolations(page)).toEqual([]);
  }

  await a.context().close();
  await b.context().close();
});
