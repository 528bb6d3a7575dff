// [ADMIN][FAIRNESS] The fairness report: with a month of questions from two user groups (one answered
// every time, one half the time) in the database, an admin opens Fairness from the console's
// navigation and sees the second group's answer rate marked under 0.8 in words, not by colour alone;
// exports the report as CSV and JSON; a bad period is refused. A user and a compliance officer are
// denied the page and the export.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { FairnessPage } from '../pages/fairness-page';
import { LoginPage, demo } from '../pages/login-page';
import { withDatabase } from '../support/database';
import { uniqueToken } from '../support/make-files';

const token = uniqueToken();
const served = `Fair served ${token}`;
const unserved = `Fair unserved ${token}`;

/** Two users in their own groups, each with 20 questions over the last days: all answered, and half. */
async function seedGroups() {
  await withDatabase(async (client) => {
    for (const [group, answered] of [
      [served, 20],
      [unserved, 10],
    ] as const) {
      const userId = `fair-${randomUUID()}`;
      await client.query(
        `INSERT INTO users (id, email, role, "group", created_at, updated_at) VALUES ($1, $2, 'USER', $3, now(), now())`,
        [userId, `${userId}@example.com`, group],
      );
      for (let i = 0; i < 20; i += 1)
        await client.query(
          `INSERT INTO query_logs (id, request_id, user_id, route, question, answer, status, confidence, latency_ms, model, attempts, created_at)
           VALUES ($1, $2, $3, 'chat', $4, 'An answer.', 'OK', $5, 300, 'local-extractive', '[{"model":"local-extractive","outcome":"ok","ms":10}]', now() - make_interval(hours => $6))`,
          [
            randomUUID(),
            `req-${userId}-${i}`,
            userId,
            `fairness ${token} ${i}`,
            i < answered ? 0.95 : 0.2,
            i + 1,
          ],
        );
    }
  });
}

test('[ADMIN][FAIRNESS]: an admin sees a group under four fifths highlighted, and exports the report', async ({
  page,
}) => {
  await seedGroups();
  await new LoginPage(page).signInAs(demo.admin, '/admin');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Fairness' }).click();
  await expect(page).toHaveURL(/\/admin\/fairness$/);
  await expect(page.getByRole('heading', { name: 'Fairness', level: 1 })).toBeVisible();
  await expect(page.getByTestId('fairness-ratio-rule')).toContainText('under 0.8 means worse');
  await expect(page.getByRole('heading', { name: 'the last 30 days', level: 2 })).toBeVisible();

  const report = new FairnessPage(page);
  const low = report.cell(unserved, 'answerRate');
  await expect(low).toHaveAttribute('data-below', 'true');
  await expect(low).toContainText('50.0 %');
  // Marked in words and with an icon, not by colour alone.
  await expect(low.getByTestId('fairness-ratio')).toHaveText(/^▼ ratio 0\.\d\d, under 0\.8$/);
  const high = report.cell(served, 'answerRate');
  await expect(high).toHaveAttribute('data-below', 'false');
  await expect(high).toContainText('100.0 %');
  // Nobody rated these answers: too little data for a ratio.
  await expect(report.cell(served, 'thumbsUpShare').getByTestId('fairness-insufficient')).toHaveText(
    'insufficient data (0 rated answers)',
  );
  await expect(page.getByTestId('fairness-summary')).toContainText('under 0.8');

  // Another period keeps the choice in the URL.
  await page.getByLabel('Period', { exact: true }).selectOption('7');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/period=7/);
  await expect(page.getByRole('heading', { name: 'the last 7 days', level: 2 })).toBeVisible();
  await expect(report.cell(unserved, 'answerRate')).toHaveAttribute('data-below', 'true');

  // CSV: a download with a row per group.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('fairness-export-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^fairness-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  const line = csv.split('\r\n').find((row) => row.startsWith(`${unserved},`));
  expect(line).toMatch(new RegExp(`^${unserved},20,false,0\\.5,20,0\\.\\d+,true,`));

  // JSON: the same figures.
  const json = await page.request.get((await page.getByTestId('fairness-export-json').getAttribute('href'))!);
  expect(json.status()).toBe(200);
  expect(json.headers()['content-type']).toContain('application/json');
  const body = (await json.json()) as {
    groups: Array<{ label: string; metrics: { answerRate: { value: number; belowThreshold: boolean } } }>;
  };
  expect(body.groups.find((group) => group.label === unserved)?.metrics.answerRate).toMatchObject({
    value: 0.5,
    belowThreshold: true,
  });

  // A period that does not parse is refused with the one error shape.
  const bad = await page.request.get(
    '/api/admin/fairness/export?format=csv&period=custom&from=2026-12-01&to=2026-11-01',
  );
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: 'validation_failed' });
});

for (const [who, email] of [
  ['a user', demo.user],
  ['a compliance officer', demo.compliance],
] as const) {
  test(`[ADMIN][FAIRNESS]: ${who} is denied the report and its export`, async ({ page }) => {
    await new LoginPage(page).signInAs(email);
    const response = await page.goto('/admin/fairness');
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('fairness-table')).toHaveCount(0);
    const exported = await page.request.get('/api/admin/fairness/export?format=json');
    expect(exported.status()).toBe(403);
    expect((await exported.json()).error).toMatchObject({ code: 'forbidden' });
  });
}
