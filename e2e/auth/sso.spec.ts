// [SSO] Single sign-on through an OpenID Connect provider (a local one speaking the real protocol):
// a verified email signs in as its user; an address the sign-up mode does not admit, or one the
// provider has not verified, is refused with a reason; signing out ends the server-side session, so
// the old cookie no longer works even if someone kept it.
import { expect, test, type Page } from '@playwright/test';
import { demo, LoginPage } from '../pages/login-page';

async function signInWithSso(page: Page, email: string, verified = true) {
  await new LoginPage(page).goto();
  await page.getByTestId('sso-sign-in').click();
  await expect(page).toHaveTitle('Test identity provider');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Email verified').setChecked(verified);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('[SSO]: a verified email of an existing user signs in as that user', async ({ page }) => {
  await signInWithSso(page, demo.compliance);
  await expect(page).not.toHaveURL(/\/login/);
  const me = await page.request.get('/api/conversations');
  expect(me.status()).toBe(200);
});

test('[SSO]: an address without an account or invitation is refused, saying why', async ({ page }) => {
  await signInWithSso(page, 'stranger@elsewhere.example');
  await expect(page).toHaveURL(/\/login\?error=no_invite/);
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    'There is no account for this email. Ask an administrator for an invitation.',
  );
  expect((await page.request.get('/api/conversations')).status()).toBe(401);
});

test('[SSO]: an email the provider has not verified cannot claim an account', async ({ page }) => {
  await signInWithSso(page, demo.admin, false);
  await expect(page).toHaveURL(/\/login\?error=unverified_email/);
  await expect(page.getByTestId('sign-in-error')).toContainText('has not verified this email address');
});

test('[SSO]: signing out ends the session on the server, so a kept cookie stops working', async ({
  page,
  browser,
}) => {
  await new LoginPage(page).signInAs(demo.user);
  const cookies = await page.context().cookies();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await thief.addCookies(cookies);
  const replay = await thief.request.get('/api/conversations');
  expect(replay.status()).toBe(401);
  await thief.close();
});
