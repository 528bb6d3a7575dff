// [CHAT] The thin slice: a signed-in user asks about the product and gets a streamed, cited answer,
// and an admin sees that question in the query log.
import { expect, test } from '@playwright/test';
import { AdminPage } from '../pages/admin-page';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';

test('[CHAT]: end user gets a streamed answer with citations and sources; admin sees it in /admin', async ({
  page,
  browser,
}) => {
  const question = 'How do I use my own Postgres database?';
  await new LoginPage(page).signInAs(demo.user);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('local-model-label')).toBeVisible();

  const chat = new ChatPage(page);
  const responsePromise = page.waitForResponse(
    (r) => r.url().endsWith('/api/chat') && r.request().method() === 'POST',
  );
  await chat.ask(question);
  const response = await responsePromise;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/event-stream');
  expect(response.headers()['x-request-id']).toBeTruthy();

  await expect(page.getByTestId('message-user').last()).toContainText(question);
  const answer = chat.lastAnswer();
  await expect(answer).toContainText('DATABASE_URL');
  await expect(answer.getByRole('link', { name: /1/ }).first()).toBeVisible();
  await expect(chat.sources().first()).toContainText('Using your own Postgres database');
  await expect(page.getByTestId('chat-streaming')).toHaveCount(0);

  // The answer arrived as a stream of many text deltas, not one block.
  const body = await response.text();
  expect(body.match(/"type":"text-delta"/g)?.length ?? 0).toBeGreaterThan(3);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await new LoginPage(adminPage).signInAs(demo.admin, '/admin');
  const admin = new AdminPage(adminPage);
  await admin.goto();
  const row = admin.rows().filter({ hasText: question }).first();
  await expect(row).toBeVisible();
  await expect(row.getByTestId('query-log-model')).toHaveText('local-extractive');
  await expect(row.getByTestId('query-log-latency')).toHaveText(/^[\d,]+$/);
  await expect(row.getByTestId('query-log-ttft')).toHaveText(/^[\d,]+$/);
  await expect(row.getByTestId('query-log-tokens')).toHaveText(/^[1-9][\d,]* \/ [1-9][\d,]*$/);
  await adminContext.close();
});

test('[CHAT]: a question the server refuses shows its message inline and keeps the question', async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  const bad = 'Why does this contain a bell\u0007 character?';
  await chat.ask(bad);
  await expect(chat.error()).toContainText('Question must not contain control characters.');
  await expect(chat.error()).toHaveAttribute('role', 'alert');
  // Nothing the user typed is lost: the question is still there to fix and resend.
  await expect(chat.input()).toHaveValue(bad);
});

test('[CHAT]: the chat API refuses an empty question and a signed-out caller with the one error shape', async ({
  page,
  request,
}) => {
  const signedOut = await request.post('/api/chat', { data: { messages: [] } });
  expect(signedOut.status()).toBe(401);
  const unauthorised = await signedOut.json();
  expect(unauthorised.error).toMatchObject({ code: 'unauthorized' });
  expect(unauthorised.error.requestId).toBe(signedOut.headers()['x-request-id']);

  await new LoginPage(page).signInAs(demo.user);
  const empty = await page.request.post('/api/chat', {
    data: { id: 'c', messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: '   ' }] }] },
  });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error).toMatchObject({
    code: 'validation_failed',
    message: 'Question must not be empty.',
  });

  const tooLong = await page.request.post('/api/chat', {
    data: {
      id: 'c',
      messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 'x'.repeat(2001) }] }],
    },
  });
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).error.message).toBe('Question must be at most 2000 characters.');
});
