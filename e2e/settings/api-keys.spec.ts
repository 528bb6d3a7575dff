// [SETTINGS][API KEYS] Users make keys for programs on their settings page: shown once, scoped,
// revocable; admins see and revoke everyone's. Names carry a fresh token, so runs don't collide.
import { expect, test } from '@playwright/test';
import { ApiKeysPage } from '../pages/api-keys-page';
import { LoginPage, demo } from '../pages/login-page';
import { uniqueToken } from '../support/make-files';

const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

test('[SETTINGS][API KEYS]: a user creates a key, sees it once, and revokes it after confirming', async ({
  page,
  context,
  request,
}) => {
  const name = `laptop script ${uniqueToken()}`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await new LoginPage(page).signInAs(demo.user);
  await page.getByTestId('settings-keys-link').click();
  await expect(page).toHaveURL(/\/settings\/keys$/);
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();

  const keys = new ApiKeysPage(page);
  // Only admins' keys may ingest.
  await expect(keys.scope('query')).toBeVisible();
  await expect(keys.scope('ingest')).toHaveCount(0);

  const key = await keys.create(name, ['query']);
  expect(key).toMatch(/^rag_[A-Za-z0-9_-]{43}$/);
  await expect(keys.newKey()).toContainText('you won’t see it again');
  await keys.newKey().getByRole('button', { name: 'Copy' }).click();
  await expect(keys.newKey().getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = keys.row(name);
  await expect(row).toHaveAttribute('data-status', 'active');
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText('query');
  await expect(row.getByTestId('api-key-last-used')).toHaveText('Never');

  // Once dismissed, or after a reload, the key is nowhere on the page.
  await keys.newKey().getByTestId('new-api-key-done').click();
  await expect(keys.newKey()).toHaveCount(0);
  await page.reload();
  await expect(keys.row(name)).toBeVisible();
  expect(await page.content()).not.toContain(key);

  // The key works as its user: a query key on the documents API lacks the ingest scope.
  const refused = await request.get('/api/v1/documents', bearer(key));
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe('This API key lacks the "ingest" scope.');
  // Keys cannot mint keys.
  const minted = await request.post('/api/keys', { ...bearer(key), data: { name: 'x', scopes: ['query'] } });
  expect(minted.status()).toBe(403);
  // The use is recorded in the background, so the page may need a reload or two to show it.
  await expect(async () => {
    await page.reload();
    await expect(keys.row(name).getByTestId('api-key-last-used')).not.toHaveText('Never', { timeout: 1_000 });
  }).toPass();

  // Cancelling keeps it; confirming revokes it, here and for the API.
  await keys.revoke(name, { confirm: false });
  await expect(keys.row(name)).toHaveAttribute('data-status', 'active');
  await keys.revoke(name);
  await expect(keys.row(name)).toHaveAttribute('data-status', 'revoked');
  await expect(keys.row(name).getByTestId('api-key-status')).toHaveText('revoked');
  const revoked = await request.get('/api/v1/documents', bearer(key));
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.message).toBe('Invalid or missing API key.');

  const listed = await page.request.get('/api/keys');
  const stored = ((await listed.json()) as { apiKeys: Array<{ name: string; status: string }> }).apiKeys;
  expect(stored.find((k) => k.name === name)?.status).toBe('revoked');
  expect(JSON.stringify(stored)).not.toContain(key);
});

test("[ADMIN][API KEYS]: an admin's ingest key lists the documents until an admin revokes it on /admin/keys", async ({
  page,
  request,
}) => {
  const name = `ingest bot ${uniqueToken()}`;
  await new LoginPage(page).signInAs(demo.admin, '/settings/keys');
  const keys = new ApiKeysPage(page);
  await keys.goto();
  const key = await keys.create(name, ['query', 'ingest']);
  await expect(keys.row(name)).toContainText('ingest');

  const ok = await request.get('/api/v1/documents', bearer(key));
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toHaveProperty('documents');

  const admin = new ApiKeysPage(page, '/admin/keys');
  await admin.goto();
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'API keys' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(admin.row(name).getByTestId('api-key-owner')).toHaveText(demo.admin);
  await admin.revoke(name);
  await expect(admin.row(name)).toHaveAttribute('data-status', 'revoked');

  expect((await request.get('/api/v1/documents', bearer(key))).status()).toBe(401);
  expect((await request.get('/api/v1/documents', bearer('rag_not-a-real-key'))).status()).toBe(401);
});

test("[ADMIN][API KEYS]: an end user is denied /admin/keys and the list of everyone's keys", async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/admin/keys');
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId('api-keys-table')).toHaveCount(0);
  expect((await page.request.get('/api/keys?all=1')).status()).toBe(403);
});
