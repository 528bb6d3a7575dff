// [CHAT] Citations that open: [n] and each source card show the cited passage, where it is from,
// its retrieval score, and the whole document.
import { expect, test } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';

test('[CHAT]: a citation opens its passage in a side panel that gives focus back when closed', async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  await chat.askAndWait('How do I use my own Postgres database?');

  const citation = chat.citations().first();
  await expect(citation).toHaveText('[1]');
  await citation.click();
  const panel = chat.sourcePanel();
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('source-panel-title')).toHaveText(/Ask the docs/);
  await expect(panel.getByTestId('source-panel-file')).toHaveText('README.md');
  await expect(panel.getByTestId('source-panel-section')).toHaveText('Using your own Postgres database');
  await expect(panel.getByTestId('source-panel-retrieval-score')).toHaveText(/^\d\.\d{3} /);
  await expect(panel.getByTestId('source-panel-passage')).toContainText(
    'Set DATABASE_URL to a Postgres server',
  );
  // Focus moved into the panel; Esc closes it and focus returns to the citation.
  await expect(panel.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(citation).toBeFocused();

  // A source card opens its passage too; the document itself opens and downloads.
  await chat.sources().nth(1).getByRole('button').click();
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Source 2', { exact: true })).toBeVisible();
  const open = panel.getByTestId('source-panel-open');
  await expect(open).toHaveAttribute('target', '_blank');
  const file = await page.request.get((await open.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toMatch(/^inline/);
  expect(await file.text()).toContain('# ');
  const download = await page.request.get(
    (await panel.getByTestId('source-panel-download').getAttribute('href'))!,
  );
  expect(download.headers()['content-disposition']).toMatch(/^attachment/);

  await panel.getByTestId('source-panel-close').click();
  await expect(panel).toBeHidden();
  await expect(chat.sources().nth(1).getByRole('button')).toBeFocused();
});

test('[CHAT]: answers render markdown safely, with highlighted code blocks', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  // Hand the browser an answer with code and HTML, as a model might write it.
  const answer = [
    'Run this [1]:',
    '',
    '```ts',
    'const port = 3000; // the default',
    '```',
    '',
    '<img src=x onerror="window.__xss = 1"> <script>window.__xss = 2</script>',
  ].join('\n');
  await page.route('/api/chat', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
      body: [
        { type: 'start', messageMetadata: { requestId: 'r-md', model: 'local-extractive', local: true } },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: answer },
        { type: 'text-end', id: 't' },
        { type: 'finish' },
      ]
        .map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`)
        .join(''),
    }),
  );
  await chat.ask('How do I start it?');
  const code = chat.lastAnswer().locator('pre code.hljs.language-ts');
  await expect(code).toContainText('const port = 3000; // the default');
  await expect(code.locator('.hljs-keyword')).toHaveText('const');
  await expect(code.locator('.hljs-comment')).toHaveText('// the default');
  await expect(chat.lastAnswer().locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});
