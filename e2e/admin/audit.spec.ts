// [ADMIN][AUDIT] An admin's act shows in the audit log, the chain verifies and the filtered rows
// download as CSV; compliance officers reach the audit log and nothing else of the console; end
// users are denied it, page and export alike.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AuditPage } from '../pages/audit-page';
import { LoginPage, demo } from '../pages/login-page';
import { uniqueToken } from '../support/make-files';

test('[ADMIN][AUDIT]: an invitation shows in the audit log, the chain verifies, the rows export as CSV', async ({
  page,
}) => {
  const email = `audited-${uniqueToken()}@example.com`;
  await new LoginPage(page).signInAs(demo.admin, '/admin/users');
  await page.getByTestId('invite-email').fill(email);
  await page.getByTestId('invite-role').selectOption('USER');
  await page.getByTestId('invite-submit').click();
  await expect(page.getByTestId('new-invite')).toBeVisible();

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const audit = new AuditPage(page);
  await audit.filterByAction('invite.created');
  await expect(page).toHaveURL(/action=invite.created/);
  await expect(audit.rows('invite.created').first()).toBeVisible();
  await expect(audit.rows()).toHaveCount(await audit.rows('invite.created').count());

  const result = await audit.verify();
  await expect(result).toContainText('Chain intact');
  await expect(result).toHaveAttribute('data-ok', 'true');

  const [download] = await Promise.all([page.waitForEvent('download'), audit.exportLink('csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'seq,at,actorId,actorRole,action,targetType,targetId,reason,ip,requestId,metadata,hash',
  );
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain(',invite.created,');
  // The verification and the export are themselves in the trail.
  await audit.goto({ action: 'audit.' });
  await expect(audit.rows('audit.verified').first()).toBeVisible();
  await expect(audit.rows('audit.exported').first()).toBeVisible();
});

test('[ADMIN][AUDIT]: a compliance officer opens the audit log but not the rest of the console', async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.compliance);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Admin' });
  await expect(nav.getByRole('link')).toHaveText(['Audit log', 'GDPR']);
  await expect(await new AuditPage(page).verify()).toContainText('Chain intact');
  expect((await page.goto('/admin/users'))?.status()).toBe(403);
});

test('[ADMIN][AUDIT]: an end user is denied the audit log and its export', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/admin/audit');
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId('audit-table')).toHaveCount(0);
  const exported = await page.request.get('/api/admin/audit/export?format=json');
  expect(exported.status()).toBe(403);
});
