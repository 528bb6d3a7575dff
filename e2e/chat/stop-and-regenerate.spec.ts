// [CHAT] Stopping an answer on its way (button and Esc) and answering the last question again.
import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';

const question = 'How do I use my own Postgres database?';

/**
 * The local model answers in milliseconds: slow the browser's network so a stop lands mid-answer.
 * The throttle holds for every request of the page, so slow it only once nothing else is loading.
 */
async function slowNetwork(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: 1500,
    uploadThroughput: -1,
  });
  return () =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
}

test('[CHAT]: Stop ends an answer part-way; what arrived is kept and marked as stopped', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  // A first answer, at full speed, loads everything showing an answer takes (scripts, styles) and
  // refreshes the conversation list: under the throttle only the next answer's stream is left.
  await chat.askAndWait('What does npm test run?');
  await page.waitForLoadState('networkidle');
  const restore = await slowNetwork(page);

  await chat.ask(question);
  await expect(chat.stopButton()).toBeVisible();
  // Part of the second answer is on screen, and more is still coming.
  await expect(chat.answers()).toHaveCount(2, { timeout: 30_000 });
  await expect(chat.answers().nth(1).locator('.markdown')).toBeVisible({ timeout: 30_000 });
  await chat.stopButton().click();
  await restore();

  await expect(chat.stopButton()).toHaveCount(0);
  await expect(chat.note('stopped')).toHaveText('Stopped. This answer may be incomplete.');
  await expect(page.getByTestId('chat-streaming')).toHaveCount(0);
  await expect(chat.error()).toHaveCount(0);
  // The chat is ready for the next question.
  await chat.askAndWait('What does npm test run?');
  await expect(chat.answers()).toHaveCount(3);
  await expect(chat.answers().nth(1).getByTestId('answer-stopped')).toHaveCount(1);
  await expect(chat.answers().last().getByTestId('answer-stopped')).toHaveCount(0);
});

test('[CHAT]: Esc stops an answer while it is being looked up', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  // Hold the request, as a slow retrieval would.
  await page.route('/api/chat', () => {});

  await chat.ask(question);
  await expect(chat.stopButton()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(chat.stopButton()).toHaveCount(0);
  await expect(page.getByTestId('chat-submit')).toBeVisible();
  await expect(page.getByTestId('chat-streaming')).toHaveCount(0);
  await expect(chat.error()).toHaveCount(0);
});

test('[CHAT]: Regenerate answers the last question again in place of the last answer', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  await chat.askAndWait(question);
  const id = await chat.conversationId();
  const first = await chat.lastAnswer().locator('.markdown').innerText();

  // Only the last answer can be regenerated.
  await chat.askAndWait('What does npm test run?');
  await expect(chat.answers().first().getByTestId('answer-regenerate')).toHaveCount(0);
  await expect(chat.regenerate()).toBeVisible();

  const request = page.waitForRequest((r) => r.url().endsWith('/api/chat') && r.method() === 'POST');
  await chat.regenerate().click();
  expect((await request).postDataJSON()).toEqual({ trigger: 'regenerate-message', id });
  await chat.waitForAnswer();
  await expect(chat.answers()).toHaveCount(2);
  await expect(chat.questions()).toHaveCount(2);

  // The server replaced the answer rather than adding one: a reload shows two of each.
  await page.reload();
  await expect(chat.questions()).toHaveCount(2);
  await expect(chat.answers()).toHaveCount(2);
  await expect(chat.answers().first().locator('.markdown')).toHaveText(first);
});
