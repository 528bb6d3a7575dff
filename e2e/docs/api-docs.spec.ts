// [API DOCS] /docs/api renders the OpenAPI document served at /api/v1/openapi.json, and its try-it
// console sends a real request (with the browser's session when no key is set).
import { expect, test } from '@playwright/test';
import { LoginPage, demo } from '../pages/login-page';
import { ApiDocsPage } from './api-docs-page';

test('[API DOCS]: the reference loads the spec and shows the query operation with a try-it console', async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.user);
  const docs = new ApiDocsPage(page);
  const spec = page.waitForResponse((response) => response.url().endsWith('/api/v1/openapi.json'));
  await docs.goto();
  expect((await spec).status()).toBe(200);

  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the app' })).toHaveAttribute('href', '/');
  await expect(page.getByRole('link', { name: 'Settings → API keys' })).toHaveAttribute(
    'href',
    '/settings/keys',
  );
  await expect(docs.intro()).toContainText('npm run apikey:create');
  await expect(docs.specTitle()).toContainText('Ask the docs API');

  const query = docs.operation('POST', '/api/v1/query');
  await expect(query).toContainText('Ask a question');
  await expect(docs.reference().getByRole('button', { name: 'Authorize' })).toBeVisible();

  await docs.expand(query);
  await docs.tryItOut(query).click();
  await docs.execute(query).click();
  // The answer comes from the local model.
  await expect(docs.liveResponseStatus(query)).toHaveText('200');
  await expect(query.locator('.live-responses-table')).toContainText('"answer"');
});

test('[API DOCS]: the reference is public: a signed-out visitor reads it without being sent to sign in', async ({
  page,
}) => {
  const docs = new ApiDocsPage(page);
  await docs.goto();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(docs.specTitle()).toContainText('Ask the docs API');
  await expect(docs.operation('POST', '/api/v1/query')).toContainText('Ask a question');
});
