// [ADMIN][USERS] An admin invites someone, who signs up with the link in a browser of their own; a
// role change ends their session at once, and once disabled they cannot sign in. Addresses carry a
// fresh token, so runs don't collide.
import { expect, test } from '@playwright/test';
import { LoginPage, demo } from '../pages/login-page';
import { SignUpPage, UsersPage } from '../pages/users-page';
import { uniqueToken } from '../support/make-files';

const password = 'invited-password-2026';

test('[ADMIN][USERS]: invite, sign up with the link, role change ends the session, disabled cannot sign in', async ({
  page,
  browser,
}) => {
  const email = `invitee-${uniqueToken()}@example.com`;
  await new LoginPage(page).signInAs(demo.admin, '/admin/users');
  const users = new UsersPage(page);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  // The e2e server runs the default mode.
  await expect(page.getByTestId('signup-mode')).toHaveAttribute('data-mode', 'invite');

  const link = await users.invite(email, 'USER', 'Support EMEA');
  expect(link).toMatch(/\/signup\?invite=[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId('new-invite')).toContainText('no email is sent');
  await expect(page.locator(`[data-testid="pending-invite"][data-email="${email}"]`)).toBeVisible();
  // Shown once: after Done, or a reload, the link is nowhere on the page.
  await page.getByTestId('new-invite-done').click();
  await page.reload();
  expect(await page.content()).not.toContain(link.split('invite=')[1]);

  // The invitee, in a browser of their own.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  const signUp = new SignUpPage(invitee);
  await expect(signUp.email()).toHaveValue(email);
  await expect(signUp.email()).toHaveAttribute('readonly', '');
  await signUp.fill({ name: 'Ivy Invitee', password, confirm: 'not the same password' });
  await expect(signUp.error()).toHaveText('The two passwords are not the same.');
  await signUp.fill({ name: 'Ivy Invitee', password });
  await expect(invitee).toHaveURL(/\/$/);
  await expect(invitee.getByTestId('settings-keys-link')).toBeVisible();
  // The link is used up, for anyone.
  const stranger = await browser.newContext();
  const reuse = await stranger.newPage();
  await reuse.goto(link);
  await expect(new SignUpPage(reuse).notice()).toContainText('This invitation link does not work');
  await stranger.close();

  // The admin sees them with the invitation's role and group, and a live session.
  await users.goto(email);
  const row = users.row(email);
  await expect(row.getByTestId('user-role')).toHaveValue('USER');
  await expect(row.getByTestId('user-group')).toHaveText('Support EMEA');
  await expect(row.getByTestId('user-sessions')).toHaveText('1');
  await expect(page.locator(`[data-testid="pending-invite"][data-email="${email}"]`)).toHaveCount(0);

  // A role change ends their session: their next request is signed out.
  await users.changeRole(email, 'COMPLIANCE');
  await expect(users.notice()).toContainText('their sessions have ended');
  await expect(row.getByTestId('user-role')).toHaveValue('COMPLIANCE');
  await expect(row.getByTestId('user-sessions')).toHaveText('0');
  await invitee.goto('/');
  await expect(invitee).toHaveURL(/\/login/);

  // Disabled, they cannot sign in.
  await users.disable(email);
  await expect(row).toHaveAttribute('data-status', 'disabled');
  const login = new LoginPage(invitee);
  await login.goto();
  await login.signIn(email, password);
  await expect(login.error()).toHaveText('Email or password is incorrect.');
  await expect(invitee).toHaveURL(/\/login/);
  await inviteeContext.close();
});

test('[ADMIN][USERS]: an admin cannot demote themself; the error is shown inline', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.admin, '/admin/users');
  const users = new UsersPage(page);
  await users.goto(demo.admin);
  await expect(users.row(demo.admin).getByTestId('user-disable')).toBeDisabled();
  await users.changeRole(demo.admin, 'USER');
  await expect(users.error()).toContainText('You cannot remove your own admin role.');
  await expect(users.row(demo.admin).getByTestId('user-role')).toHaveValue('ADMIN');
});

test('[ADMIN][USERS]: sign-up without an invitation says it is by invitation; a bad link says so', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByTestId('signup-link')).toHaveCount(0);
  await page.goto('/signup');
  const signUp = new SignUpPage(page);
  await expect(signUp.notice()).toContainText('Sign-up is by invitation');
  await page.goto(`/signup?invite=${'A'.repeat(43)}`);
  await expect(signUp.notice()).toContainText('This invitation link does not work');
  await signUp.notice().getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('[USERS]: a signed-out visitor cannot reach /admin/users; a user is denied it', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await new LoginPage(page).signIn(demo.user, demo.password);
  await expect(page).not.toHaveURL(/\/login/);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await page.goto('/settings/usage');
  await expect(page.getByTestId('usage-summary')).toContainText('tokens');
});
