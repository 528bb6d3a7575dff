// [AUTH] Sign-in failures say nothing about which part was wrong; unknown pages get a 404 page.
import { expect, test } from '@playwright/test';
import { LoginPage, demo } from '../pages/login-page';

test('[AUTH]: a wrong password and an unknown email get the same generic error', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(demo.user, 'not-the-password');
  await expect(login.error()).toHaveText('Email or password is incorrect.');
  await login.signIn('nobody@demo.local', demo.password);
  await expect(login.error()).toHaveText('Email or password is incorrect.');
  await expect(page).toHaveURL(/\/login/);
});

test('[AUTH]: signing out ends the session', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('[AUTH]: an unknown page shows the 404 page', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('[AUTH]: health and readiness answer, each with a request id', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  expect(health.headers()['x-request-id']).toBeTruthy();
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
});
