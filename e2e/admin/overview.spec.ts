// [ADMIN][OVERVIEW] The console's overview: after real questions (one asked twice, one rated down with
// a comment), an admin sees every chart drawn with data, switches the time range, and drills down
// from a chart and from the top-questions list to the explorer and one query's detail. End users and
// compliance officers are denied.
import { expect, test } from '@playwright/test';
import { AdminPage, OVERVIEW_CHARTS } from '../pages/admin-page';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';
import { QueriesPage } from '../pages/queries-page';
import { uniqueToken } from '../support/make-files';

test('[ADMIN][OVERVIEW]: charts with data, range switch, drill-down to the explorer and a query', async ({
  page,
}) => {
  const token = uniqueToken();
  const question = `How do I add documents to the ${token} knowledge base?`;
  await new LoginPage(page).signInAs(demo.admin);
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.askAndWait(question);
  const rated = page.waitForResponse((r) => /\/api\/queries\/[^/]+\/feedback$/.test(r.url()));
  await chat.thumbsDown().click();
  await rated;
  const comment = chat.lastAnswer().getByTestId('feedback-comment');
  await comment.fill(`Missing the ${token} steps`);
  const commented = page.waitForResponse((r) => /\/feedback$/.test(r.url()));
  await chat.lastAnswer().getByTestId('feedback-submit').click();
  await commented;
  // The same question again, in a new conversation: the top questions count it twice.
  await chat.goto();
  await chat.askAndWait(question);

  const admin = new AdminPage(page);
  await admin.goto('?range=1h');
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByTestId('overview-period')).toContainText('Last hour');
  await expect(admin.tile('requests')).toHaveText(/^[1-9][\d,]*$/);
  await expect(admin.tile('latency-p95')).toHaveText(/^\d[\d.,]* (ms|s)$/);
  await expect(admin.tile('cache-hit-rate')).toHaveText(/^\d[\d.]* %$/);

  for (const id of OVERVIEW_CHARTS) {
    const chart = admin.chart(id);
    // Each chart is a region named by its heading and described by its summary in words.
    await expect(chart).toHaveAttribute('aria-labelledby', `${id}-title`);
    await expect(page.getByTestId(`chart-${id}-summary`)).not.toBeEmpty();
    if (id === 'rate-limits') {
      // No question in this suite is over a limit (the limits are raised 100-fold for the specs).
      await expect(chart.getByTestId('chart-empty')).toHaveText('No rate-limit rejections in last hour.');
      continue;
    }
    await expect(chart).toHaveAttribute('data-empty', 'false');
    await expect(admin.drawing(id)).toBeVisible();
    // The text alternative: a table of every value, for screen readers.
    await expect(chart.getByTestId(`chart-${id}-table`).locator('tbody tr').first()).toBeAttached();
  }
  await expect(admin.chart('feedback').getByTestId('feedback-comments')).toContainText(
    `Missing the ${token} steps`,
  );
  const top = admin.topQuestions().filter({ hasText: token });
  await expect(top).toHaveCount(1);
  await expect(top).toContainText(/2\s*times$/);

  // Switch the range: presets, then whole days.
  await admin.chooseRange('24h');
  await expect(page.getByTestId('overview-period')).toContainText('Last 24 hours');
  await expect(admin.chart('requests')).toHaveAttribute('data-empty', 'false');
  await admin.chooseRange('7d');
  await expect(page.getByTestId('overview-period')).toContainText('Last 7 days');
  const today = new Date().toISOString().slice(0, 10);
  await admin.chooseDays(today, today);
  await expect(page.getByTestId('overview-period')).toContainText(`${today} (UTC)`);
  await expect(admin.topQuestions().filter({ hasText: token })).toHaveCount(1);
  await admin.goto('?range=custom&from=2026-13-01&to=2026-01-01');
  await expect(page.getByTestId('overview-range-error')).toContainText('from: a real date');
  await expect(page.getByTestId('overview-period')).toContainText('Last 24 hours');

  // Drill down from a chart: the bar of the local model opens the explorer filtered to it.
  await admin.goto('?range=1h');
  await admin.drawing('models').locator('.recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(/\/admin\/queries\?.*model=local-extractive/);
  // The explorer filters by whole UTC days: those the last hour touches (two in the hour after midnight).
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString().slice(0, 10);
  await expect(page).toHaveURL(new RegExp(`from=(${hourAgo}|${today})&to=${today}`));
  const queries = new QueriesPage(page);
  await expect(queries.rows().first()).toBeVisible();

  // Drill down from the top questions to the explorer, then to one query's detail.
  await admin.goto('?range=1h');
  await admin.topQuestions().filter({ hasText: token }).getByRole('link').click();
  await expect(page).toHaveURL(/\/admin\/queries\?q=/);
  await expect(queries.rows()).toHaveCount(2);
  await queries.openRow(0);
  await expect(page.getByText(question).first()).toBeVisible();
});

for (const [who, account] of [
  ['an end user', demo.user],
  ['a compliance officer', demo.compliance],
] as const) {
  test(`[ADMIN][OVERVIEW]: ${who} is denied the overview`, async ({ page }) => {
    await new LoginPage(page).signInAs(account);
    const response = await page.goto('/admin?range=7d');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
    await expect(page.getByTestId('overview-tiles')).toHaveCount(0);
    await expect(page.getByTestId('chart-requests')).toHaveCount(0);
  });
}
