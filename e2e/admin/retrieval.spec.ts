// [ADMIN][RETRIEVAL] "Why these sources": an admin sees how retrieval ranked the demo corpus for a
// question, stage by stage, with scores, and which chunks became the passages.
import { expect, test } from '@playwright/test';
import { LoginPage, demo } from '../pages/login-page';
import { RetrievalPage } from '../pages/retrieval-page';

test('[ADMIN][RETRIEVAL]: a question about the product shows the vector, full-text and fused lists with scores', async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.admin, '/admin/retrieval');
  const retrieval = new RetrievalPage(page);
  await retrieval.goto();
  await expect(retrieval.hint()).toBeVisible();

  const question = 'How do I use my own Postgres database?';
  await retrieval.explain(question);
  await expect(page).toHaveURL(/\/admin\/retrieval\?q=How\+do\+I\+use/);
  await expect(page.getByTestId('retrieval-question')).toHaveValue(question);

  for (const stage of ['vector', 'text', 'fused'] as const) {
    const first = retrieval.hits(stage).first();
    await expect(first).toBeVisible();
    await expect(first).toContainText('#1');
    await expect(first.getByTestId('hit-score')).toHaveText(/^\d+\.\d+$/);
  }
  // The demo corpus's section on this very question is found by both methods and cited.
  for (const stage of ['vector', 'text', 'fused'] as const) {
    await expect(retrieval.stage(stage)).toContainText('Using your own Postgres database');
  }
  await expect(retrieval.finalPassages().first()).toContainText('Using your own Postgres database');
  await expect(retrieval.hits('fused').getByTestId('hit-passage').first()).toHaveText(/^Passage \[\d+\]$/);
  await expect(retrieval.timing('total')).toContainText(/\d ms/);
  await expect(retrieval.timing('vector')).toBeVisible();
  await expect(retrieval.timing('text')).toBeVisible();
});

test('[ADMIN][RETRIEVAL]: an end user is denied the page', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/admin/retrieval?q=refunds');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByTestId('stage-vector')).toHaveCount(0);
});
