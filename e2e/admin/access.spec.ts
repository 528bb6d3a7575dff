// [ADMIN] The admin console is for admins only: others are denied, signed-out visitors sent to sign in.
import { expect, test } from '@playwright/test';
import { LoginPage, demo } from '../pages/login-page';

test('[ADMIN]: an end user is denied /admin with a 403 page', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByTestId('overview-tiles')).toHaveCount(0);
});

test('[ADMIN]: a compliance officer is denied /admin too', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.compliance);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
});

test('[ADMIN]: a signed-out visitor is sent to sign in and comes back to /admin', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  await new LoginPage(page).signIn(demo.admin, demo.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
});
