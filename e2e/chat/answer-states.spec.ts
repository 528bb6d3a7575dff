// [CHAT] Each state of an answer says what happened in its own words: rate-limited (and when to
// ask again), paused by an admin, low confidence, degraded, and cut off by a lost connection.
import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';
import {
  UI_MESSAGE_STREAM_HEADERS,
  cutOffHalfWay,
  formatUIMessageStream,
  parseUIMessageStream,
  streamedText,
  withFinishMetadata,
} from './ui-message-stream';

const question = 'How do I use my own Postgres database?';

const errorBody = (code: string, message: string) => ({ error: { code, message, requestId: `req-${code}` } });

async function signedInChat(page: Page): Promise<ChatPage> {
  await new LoginPage(page).signInAs(demo.user);
  return new ChatPage(page);
}

test('[CHAT]: rate-limited: says when to ask again (Retry-After), keeps the question, then retries', async ({
  page,
}) => {
  const chat = await signedInChat(page);
  await page.route('/api/chat', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'retry-after': '3' },
      json: errorBody('rate_limited', 'Too many requests. Please slow down.'),
    }),
  );
  await chat.ask(question);
  await expect(chat.error()).toHaveAttribute('data-kind', 'rate-limited');
  await expect(chat.error()).toContainText('Too many questions');
  await expect(chat.error()).toContainText('Too many requests. Please slow down.');
  await expect(page.getByTestId('chat-retry-after')).toHaveText(/You can ask again in [1-3] seconds?\./);
  await expect(page.getByTestId('chat-retry')).toBeDisabled();
  await expect(chat.error()).toContainText('req-rate_limited');
  await expect(chat.input()).toHaveValue(question);

  // When the wait is over, Try again sends the same question (once the limit has lifted).
  await expect(page.getByTestId('chat-retry-after')).toHaveText('You can ask again now.', { timeout: 6_000 });
  await page.unroute('/api/chat');
  await page.getByTestId('chat-retry').click();
  await chat.waitForAnswer();
  await expect(chat.questions()).toHaveCount(1);
  await expect(chat.lastAnswer()).toContainText('DATABASE_URL');
  await expect(chat.input()).toHaveValue('');
});

test('[CHAT]: service paused: a banner says answers are paused and the question is kept', async ({
  page,
}) => {
  const chat = await signedInChat(page);
  await page.route('/api/chat', (route) =>
    route.fulfill({
      status: 503,
      json: errorBody('service_paused', 'The assistant is paused by an administrator.'),
    }),
  );
  await chat.ask(question);
  const banner = chat.pausedBanner();
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Answers are paused');
  await expect(banner).toContainText('The assistant is paused by an administrator.');
  await expect(chat.error()).toHaveCount(0);
  await expect(chat.input()).toHaveValue(question);

  await page.unroute('/api/chat');
  await banner.getByTestId('service-paused-retry').click();
  await chat.waitForAnswer();
  await expect(banner).toHaveCount(0);
});

test('[CHAT]: a low-confidence answer and a degraded one each carry their note', async ({ page }) => {
  const chat = await signedInChat(page);
  let metadata: Record<string, unknown> = { lowConfidence: true, confidence: 0.62, degraded: false };
  // The real answer, with the metadata the confidence check and the fallback path would add.
  await page.route('/api/chat', async (route) => {
    const response = await route.fetch();
    const chunks = withFinishMetadata(parseUIMessageStream(await response.text()), metadata);
    await route.fulfill({
      response,
      headers: UI_MESSAGE_STREAM_HEADERS,
      body: formatUIMessageStream(chunks),
    });
  });

  await chat.askAndWait(question);
  await expect(chat.note('low-confidence')).toContainText('Low confidence.');
  await expect(chat.note('low-confidence')).toContainText('check the sources');
  await expect(chat.note('degraded')).toHaveCount(0);

  metadata = { degraded: true, lowConfidence: false, confidence: 0.95 };
  await chat.askAndWait('What does npm test run?');
  await expect(chat.note('degraded')).toContainText('Degraded answer.');
  await expect(chat.note('low-confidence')).toHaveCount(0);
  // The earlier answer keeps its own note.
  await expect(chat.answers().first().getByTestId('answer-low-confidence')).toBeVisible();
});

test('[CHAT]: network lost mid-stream: the partial answer is kept, marked incomplete, and Retry answers again', async ({
  page,
}) => {
  const chat = await signedInChat(page);
  let full = '';
  // The server answers in full; the browser receives only the first half, then the stream ends.
  await page.route('/api/chat', async (route) => {
    const response = await route.fetch();
    const chunks = parseUIMessageStream(await response.text());
    full = streamedText(chunks);
    const partial = cutOffHalfWay(chunks);
    await route.fulfill({
      response,
      headers: UI_MESSAGE_STREAM_HEADERS,
      body: formatUIMessageStream(partial, { done: false }),
    });
  });

  await chat.ask(question);
  await expect(chat.note('incomplete')).toBeVisible();
  await expect(chat.note('incomplete')).toContainText('Incomplete answer.');
  const partial = await chat.lastAnswer().locator('.markdown').innerText();
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.length).toBeLessThan(full.length);
  await expect(chat.error()).toHaveAttribute('data-kind', 'interrupted');
  await expect(chat.error()).toContainText('The answer was cut off');
  // The question was not lost, so it is not put back in the box.
  await expect(chat.input()).toHaveValue('');

  await page.unroute('/api/chat');
  const retried = page.waitForRequest((r) => r.url().endsWith('/api/chat') && r.method() === 'POST');
  await chat.error().getByRole('button', { name: 'Retry' }).click();
  expect((await retried).postDataJSON()).toMatchObject({ trigger: 'regenerate-message' });
  await chat.waitForAnswer();
  await expect(chat.note('incomplete')).toHaveCount(0);
  await expect(chat.error()).toHaveCount(0);
  await expect(chat.answers()).toHaveCount(1);
  await expect(chat.lastAnswer()).toContainText('DATABASE_URL');
});
