import { type Browser, expect, test } from '@playwright/test';
import { signUpViaApi } from './pages/app';
import { WhyPage } from './pages/why';

/** Two partners in two browser contexts, joined through a real invite (made and accepted via the API for speed). */
async function couple(browser: Browser) {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await signUpViaApi(a.request, 'Rowan');
  await signUpViaApi(b.request, 'Tove');
  const invite = await a.request.post('/api/v1/space/invites');
  const { token } = (await invite.json()) as { token: string };
  expect((await b.request.post(`/api/v1/invites/${token}/accept`)).status()).toBe(200);
  return { a, b, close: () => Promise.all([contextA.close(), contextB.close()]) };
}

for (const order of ['Rowan first', 'Tove first'] as const) {
  test(`two partners mark causes, reveal (${order}), compare and each write their part`, async ({ browser }) => {
    const { a, b, close } = await couple(browser);
    const whyA = new WhyPage(a);
    const whyB = new WhyPage(b);

    // Each marks privately.
    await whyA.open();
    await expect(whyA.privateNote()).toBeVisible();
    await whyA.expectAccessible();
    await whyA.mark(['Feelings that were never voiced', 'Patterns we fall into'], {
      on: 'Patterns we fall into',
      text: 'We both go quiet after a hard day',
    });
    await whyA.addOwnWords('The months after the move');
    await whyA.savePrivately();

    await whyB.open();
    await expect(whyB.privateNote()).toBeVisible();
    await whyB.mark(['Patterns we fall into', 'Stress from outside the relationship']);
    await whyB.addOwnWords('Work took all of me that year');
    await whyB.savePrivately();

    // The first to share waits; the other sees only that they have shared, never what.
    const [first, firstName, second, secondName] =
      order === 'Rowan first' ? [whyA, 'Rowan', whyB, 'Tove'] : [whyB, 'Tove', whyA, 'Rowan'];
    await first.share(secondName);
    await expect(first.page.getByText(`${secondName} can see that you have, but not what`)).toBeVisible();
    await first.expectAccessible();
    // The other's screen learns of it live, without a reload.
    await expect(second.page.getByText(`${firstName} has shared what they marked.`)).toBeVisible();
    // Neither the first one's own words nor their notes reach the other before they share too.
    const firstsWords = order === 'Rowan first' ? 'The months after the move' : 'Work took all of me that year';
    await expect(second.page.getByRole('main')).not.toContainText(firstsWords);
    if (order === 'Rowan first') await expect(b.getByRole('main')).not.toContainText('We both go quiet');

    // The second shares: both see where they agree and differ, side by side.
    await second.share(firstName);
    await expect(second.agreement()).toBeVisible();
    await expect(first.agreement()).toBeVisible();

    for (const [page, partner] of [
      [a, 'Tove'],
      [b, 'Rowan'],
    ] as const) {
      const agreement = new WhyPage(page).agreement();
      await expect(agreement.getByRole('list').first()).toHaveText('Patterns we fall into');
      await expect(agreement).toContainText(`Only ${partner} marked`);
      await expect(page.getByRole('list', { name: `What ${partner} marked` })).toBeVisible();
    }
    await expect(whyA.agreement()).toContainText('Stress from outside the relationship');
    await expect(a.getByRole('list', { name: 'What Tove marked' })).toContainText('Work took all of me that year');
    await expect(b.getByRole('list', { name: 'What Rowan marked' })).toContainText('The months after the move');
    await expect(b.getByRole('list', { name: 'What Rowan marked' })).toContainText('We both go quiet after a hard day');

    // Each writes their own part of the shared understanding; both parts show together.
    await whyA.writeMyPart('I went quiet instead of saying I felt alone.', 'Tove');
    await whyB.writeMyPart('I did not see how much the move took from us.', 'Rowan');
    await a.reload();
    await expect(a.getByText('I did not see how much the move took from us.')).toBeVisible();
    await expect(a.getByLabel('What you understand now')).toHaveValue('I went quiet instead of saying I felt alone.');
    await b.reload();
    await expect(b.getByText('I went quiet instead of saying I felt alone.')).toBeVisible();
    await expect(b.getByLabel('What you understand now')).toHaveValue('I did not see how much the move took from us.');
    await whyB.expectAccessible();

    await close();
  });
}

test('a solo person marks privately, and sharing waits for a partner', async ({ page }) => {
  await signUpViaApi(page.request, 'Lior');
  const why = new WhyPage(page);
  await why.open();
  await why.mark(['Not realising the effect']);
  await why.savePrivately();
  await expect(page.getByText('Sharing waits until your partner has joined your space.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Share with/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Not realising the effect' })).toBeChecked();
  await why.expectAccessible();
});
