// [ADMIN][GDPR] A compliance officer finds a person who has used the chat, downloads everything held
// about them, erases them after typing their email, and sees them gone: from the search, from the
// request history (a pseudonym instead) and signed out. End users are denied the page and the export
// route; compliance officers are denied the rest of the console. Addresses carry a fresh token.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { GdprPage } from '../pages/gdpr-page';
import { LoginPage, demo } from '../pages/login-page';
import { SignUpPage, UsersPage } from '../pages/users-page';
import { uniqueToken } from '../support/make-files';

test('[ADMIN][GDPR]: a compliance officer exports and erases a user and sees them gone', async ({
  page,
  browser,
}) => {
  const token = uniqueToken();
  const email = `gdpr-${token}@example.com`;
  const name = `Perpetua Gdpr${token}`;

  // An admin invites them; they sign up and ask a question in a browser of their own.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await new LoginPage(adminPage).signInAs(demo.admin, '/admin/users');
  const link = await new UsersPage(adminPage).invite(email, 'USER');
  await adminContext.close();
  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await person.goto(link);
  await new SignUpPage(person).fill({ name, password: 'gdpr-person-password-2026' });
  await expect(person).toHaveURL(/\/$/);
  await new ChatPage(person).askAndWait(`What does the handbook say about quokka${token} onboarding?`);

  // The officer finds them and sees what is held.
  await new LoginPage(page).signInAs(demo.compliance);
  await page.goto('/admin/audit');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'GDPR' }).click();
  await expect(page.getByRole('heading', { name: 'GDPR', level: 1 })).toBeVisible();
  const gdpr = new GdprPage(page);
  await gdpr.find(email.toUpperCase());
  await expect(gdpr.subject()).toContainText(email);
  await expect(gdpr.subject()).toContainText(name);
  await expect(gdpr.holding('queryLogs')).toHaveText('1');
  await expect(gdpr.holding('conversations')).toHaveText('1');
  await expect(gdpr.holding('sessions')).toHaveText('1');

  // Export: one JSON file in the documented format.
  const [download] = await Promise.all([page.waitForEvent('download'), gdpr.exportLink().click()]);
  expect(download.suggestedFilename()).toMatch(/^gdpr-export-[A-Za-z0-9_-]+-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    format: string;
    version: number;
    profile: { id: string; email: string; name: string };
    queryLogs: Array<{ question: string }>;
    conversations: Array<{ messages: unknown[] }>;
  };
  expect(exported).toMatchObject({ format: 'rag-gdpr-export', version: 1, profile: { email, name } });
  expect(exported.queryLogs.map((log) => log.question)).toEqual([
    `What does the handbook say about quokka${token} onboarding?`,
  ]);
  expect(exported.conversations[0]!.messages).toHaveLength(2);
  await page.reload();
  await expect(gdpr.historyRows('EXPORT').first()).toHaveAttribute('data-status', 'DONE');
  await expect(gdpr.historyRows('EXPORT').first().getByTestId('gdpr-history-subject')).toHaveText(email);

  // Erase: only the exact email (any case) enables the button.
  await expect(gdpr.eraseButton()).toBeDisabled();
  await gdpr.confirmField().fill(`someone-else-${token}@example.com`);
  await expect(gdpr.eraseButton()).toBeDisabled();
  await gdpr.confirmField().fill(email);
  await gdpr.eraseButton().click();
  await expect(page).toHaveURL(/\/admin\/gdpr\?erased=/);
  await expect(page.getByTestId('gdpr-erased')).toContainText('erased:');

  // Gone: the history names a pseudonym for both requests, the search finds nobody.
  const erasure = gdpr.historyRows('ERASURE').first();
  await expect(erasure).toHaveAttribute('data-status', 'DONE');
  const pseudonym = await erasure.getByTestId('gdpr-history-subject').innerText();
  expect(pseudonym).toMatch(/^erased:[0-9a-f]{24}$/);
  await expect(gdpr.historyRows('EXPORT').first().getByTestId('gdpr-history-subject')).toHaveText(pseudonym);
  // What the page shows (the document still holds the flight data of the page as first loaded).
  expect(await page.locator('main').innerText()).not.toContain(email);
  await gdpr.find(email);
  await expect(page.getByTestId('gdpr-not-found')).toBeVisible();
  await expect(gdpr.subject()).toHaveCount(0);

  // Their session ended with them; the audit log has both acts, under the pseudonym.
  await person.reload();
  await expect(person).toHaveURL(/\/login/);
  await personContext.close();
  await page.goto(`/admin/audit?action=gdpr.&target=${encodeURIComponent(pseudonym)}`);
  await expect(page.locator('[data-testid="audit-row"][data-action="gdpr.erased"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="audit-row"][data-action="gdpr.exported"]')).toHaveCount(1);
});

test('[ADMIN][GDPR]: an end user is denied the GDPR page and the export route', async ({ page, request }) => {
  const anonymous = await request.get('/api/admin/gdpr/export?user=admin@demo.local');
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error).toMatchObject({ code: 'unauthorized' });

  await new LoginPage(page).signInAs(demo.user);
  expect((await page.goto('/admin/gdpr'))?.status()).toBe(403);
  await expect(page.getByTestId('gdpr-history')).toHaveCount(0);
  const exported = await page.request.get('/api/admin/gdpr/export?user=admin@demo.local');
  expect(exported.status()).toBe(403);
  const body = (await exported.json()) as { error: { code: string; message: string; requestId: string } };
  expect(body.error).toMatchObject({ code: 'forbidden', requestId: expect.any(String) });
});

test('[ADMIN][GDPR]: a compliance officer gets clear errors from the export route and no other console page', async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.compliance);
  const nav = page.getByRole('navigation', { name: 'Admin' });
  await page.goto('/admin/gdpr');
  await expect(nav.getByRole('link')).toHaveText(['Audit log', 'GDPR']);

  const missing = await page.request.get('/api/admin/gdpr/export');
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error).toMatchObject({ code: 'validation_failed' });
  expect((await missing.json()).error.message).toContain('user');
  const unknown = await page.request.get(`/api/admin/gdpr/export?user=nobody-${uniqueToken()}@example.com`);
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toMatchObject({ code: 'not_found' });

  for (const path of ['/admin', '/admin/users', '/admin/documents', '/admin/kill-switch'])
    expect((await page.goto(path))?.status(), path).toBe(403);
});
