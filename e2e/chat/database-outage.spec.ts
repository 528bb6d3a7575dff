// [FAIL] While the database is down the service says so clearly and nothing crashes; when the
// database returns, the same session works again. Runs against the app behind e2e/support/outage-server.ts.
import { expect, test } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';

const app = `http://localhost:${process.env.OUTAGE_PORT ?? 3101}`;
const control = `http://127.0.0.1:${process.env.OUTAGE_CONTROL_PORT ?? 3199}`;

test.use({ baseURL: app });

test('[FAIL]: database outage gives 503s and a clear message in the chat, then recovers', async ({
  page,
  request,
}) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);

  await request.post(`${control}/down`);
  const notReady = await request.get(`${app}/api/ready`);
  expect(notReady.status()).toBe(503);
  expect(await notReady.json()).toEqual({
    status: 'unavailable',
    checks: { database: 'database unreachable' },
  });

  const question = 'How do I use my own Postgres database?';
  await chat.ask(question);
  await expect(chat.error()).toContainText('Service unavailable');
  await expect(chat.error()).toContainText('temporarily unavailable');
  await expect(chat.input()).toHaveValue(question);

  await request.post(`${control}/up`);
  await expect
    .poll(async () => (await request.get(`${app}/api/ready`)).status(), { timeout: 20_000 })
    .toBe(200);

  await page.getByTestId('chat-submit').click();
  await expect(chat.lastAnswer()).toContainText('DATABASE_URL');
  await expect(chat.error()).toHaveCount(0);
});
