// [ADMIN][QUERIES] The query explorer: an admin finds a question they just asked among all queries,
// narrows by search and status, opens its detail and downloads the filtered rows as CSV; end users
// and compliance officers are refused every page and the export.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';
import { QueriesPage } from '../pages/queries-page';
import { uniqueToken } from '../support/make-files';

test('[ADMIN][QUERIES]: ask, find it in the explorer, open its detail, export the filtered rows', async ({
  page,
}) => {
  const token = uniqueToken();
  const question = `How do I start the app locally? (explorer ${token})`;
  await new LoginPage(page).signInAs(demo.admin);
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.askAndWait(question);

  // From another console page to the explorer through the console's navigation.
  await page.goto('/admin/documents');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Queries' }).click();
  await expect(page).toHaveURL(/\/admin\/queries$/);
  await expect(page.getByRole('heading', { name: 'Queries', level: 1 })).toBeVisible();

  const queries = new QueriesPage(page);
  await queries.search(token);
  await expect(queries.rows()).toHaveCount(1);
  await expect(queries.rows().first()).toContainText(token);
  // A status the question did not end with leaves nothing.
  await queries.filterStatus('ERROR');
  await expect(queries.rows()).toHaveCount(0);
  await expect(page.getByText('No queries match')).toBeVisible();
  await queries.filterStatus('OK');
  await expect(queries.rows()).toHaveCount(1);

  // The CSV of exactly what is shown.
  const downloading = page.waitForEvent('download');
  await queries.exportLink().click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^queries-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^created_at,id,request_id,user_email,route,question,answer,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(token);
  expect(lines[1]).toContain(demo.admin);

  // The detail: question, answer, sources with scores, figures, route and ids.
  await queries.openRow();
  await expect(page.getByTestId('query-question')).toHaveText(question);
  await expect(page.getByTestId('query-answer')).not.toContainText('No answer was given');
  await expect(page.getByTestId('query-source').first()).toBeVisible();
  await expect(page.getByTestId('query-source-score').first()).toHaveText(/^\d\.\d{3}$/);
  await expect(page.getByTestId('query-latency')).toHaveText(/^[\d,]+ ms$/);
  await expect(page.getByTestId('query-tokens')).toHaveText(/\d+ \/ \d+/);
  await expect(page.getByTestId('query-route')).toContainText('Model');
  await expect(page.getByTestId('query-confidence')).toContainText('%');
  await expect(page.getByTestId('query-request-id')).not.toBeEmpty();
});

test('[ADMIN][QUERIES]: a bad filter is named and ignored on the page, and a 400 on the export', async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.admin);
  const response = await new QueriesPage(page).goto('?status=NOPE&from=2026-13-40');
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('queries-ignored')).toContainText('status, from');
  const exported = await page.request.get('/api/admin/queries/export?status=NOPE');
  expect(exported.status()).toBe(400);
  expect((await exported.json()).error.code).toBe('validation_failed');
});

for (const [role, email] of [
  ['an end user', demo.user],
  ['a compliance officer', demo.compliance],
] as const) {
  test(`[ADMIN][QUERIES]: ${role} is denied the explorer, a query's detail and the export`, async ({
    page,
  }) => {
    await new LoginPage(page).signInAs(email);
    const list = await page.goto('/admin/queries');
    expect(list?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
    await expect(page.getByTestId('query-log-table')).toHaveCount(0);
    const detail = await page.goto('/admin/queries/any-query-id');
    expect(detail?.status()).toBe(403);
    const exported = await page.request.get('/api/admin/queries/export');
    expect(exported.status()).toBe(403);
  });
}
