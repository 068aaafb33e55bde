import { expect, test } from '@playwright/test';
import { AppShell, PASSWORD, uniqueEmail } from './pages/app';
import { SignUpForm } from './pages/auth';
import { HomePage, InvitePage, JoinPage, SettingsPage } from './pages/space';

test('two partners share a space, and one leaves it', async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();

  // A signs up through the form and makes an invite link.
  await a.goto('/sign-up');
  const signUpA = new SignUpForm(a);
  await signUpA.fill('Alex', uniqueEmail('alex'), PASSWORD);
  await signUpA.submit();
  const shellA = new AppShell(a);
  await expect(shellA.heading()).toHaveText('Hello, Alex');
  await expect(a.getByText('This space is yours for now.')).toBeVisible();
  await shellA.goTo('Invite');
  const joinPath = await new InvitePage(a).makeLink();
  await expect(a.getByText('This link works once')).toBeVisible();

  // B opens the link signed out, signs up right there, and joins.
  await b.goto(joinPath);
  await new JoinPage(b).expectInvitedBy('Alex');
  const signUpB = new SignUpForm(b);
  await signUpB.fill('Sam', uniqueEmail('sam'), PASSWORD);
  await signUpB.submit();
  await expect(new AppShell(b).heading()).toHaveText('Hello, Sam');
  await new HomePage(b).expectSharedWith('Alex');

  // A sees Sam named at home.
  await shellA.goTo('Home');
  await new HomePage(a).expectSharedWith('Sam');

  // A leaves from settings.
  await shellA.goTo('Settings');
  await new SettingsPage(a).leaveSharedSpace(PASSWORD);
  await shellA.goTo('Home');
  await expect(a.getByText('This space is yours for now.')).toBeVisible();

  // B sees only the neutral notice, and can dismiss it.
  await b.reload();
  const homeB = new HomePage(b);
  await expect(homeB.closedNotice()).toBeVisible();
  await expect(b.getByText('This space is yours for now.')).toBeVisible();
  await expect(b.getByRole('main')).not.toContainText('Alex');
  await homeB.dismissNotice();
  await expect(homeB.closedNotice()).toBeHidden();
  await b.reload();
  await expect(b.getByText('This space is yours for now.')).toBeVisible();
  await expect(homeB.closedNotice()).toBeHidden();

  await contextA.close();
  await contextB.close();
});
