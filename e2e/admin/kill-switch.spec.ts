// [ADMIN][KILL SWITCH] An admin pauses answers with a reason; a user's chat (in a browser of their
// own, on the real server) shows the paused banner with that reason and the API answers 503; the
// admin resumes and the user asks again. Whatever happens, the switch is left off for other specs.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { KillSwitchPage } from '../pages/kill-switch-page';
import { LoginPage, demo } from '../pages/login-page';
import { uniqueToken } from '../support/make-files';

// Its own wording: an answer it caches must not answer another spec's question.
const question = `How do I use my own Postgres database (kill switch ${Date.now()})?`;

async function signedIn(browser: Browser, email: string, callbackUrl?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(email, callbackUrl);
  return page;
}

test.afterEach(async ({ browser }) => {
  // A failed run must not leave every later spec paused.
  const admin = await signedIn(browser, demo.admin, '/admin/kill-switch');
  const killSwitch = new KillSwitchPage(admin);
  await killSwitch.goto();
  if ((await killSwitch.state().getAttribute('data-engaged')) === 'true')
    await killSwitch.flip('Cleanup after the kill switch spec', 'Resume answers');
  await admin.context().close();
});

test('[ADMIN][KILL SWITCH]: pause with a reason → the chat shows it in a banner, the API answers 503 → resume → the user asks again', async ({
  page,
  browser,
  baseURL,
}) => {
  const reason = `Provider incident ${uniqueToken()}: answers may be wrong`;
  await new LoginPage(page).signInAs(demo.admin, '/admin/kill-switch');
  const killSwitch = new KillSwitchPage(page);
  await expect(page.getByRole('heading', { name: 'Kill switch', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Kill switch' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(killSwitch.state()).toHaveAttribute('data-engaged', 'false');

  // A reason is required: too short is refused before anything is asked.
  await killSwitch.reason().fill('no');
  await killSwitch.toggle().click();
  await expect(killSwitch.error()).toHaveText('Give a reason of at least 3 characters.');
  await expect(page.getByTestId('confirm-dialog')).not.toBeVisible();
  // Cancel in the confirmation changes nothing.
  await killSwitch.reason().fill(reason);
  await killSwitch.toggle().click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(killSwitch.state()).toHaveAttribute('data-engaged', 'false');

  await killSwitch.flip(reason, 'Pause answers');
  await expect(killSwitch.state()).toContainText('Answers are paused');
  await expect(page.getByTestId('kill-switch-by')).toHaveText(demo.admin);
  await expect(page.getByTestId('kill-switch-reason-shown')).toHaveText(reason);
  await expect(killSwitch.events().first()).toContainText('Paused');
  await expect(killSwitch.events().first()).toContainText(reason);

  // The user, in a browser of their own: the real /api/chat refuses, the banner carries the reason.
  const userPage = await signedIn(browser, demo.user);
  const chat = new ChatPage(userPage);
  await chat.ask(question);
  const banner = chat.pausedBanner();
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Answers are paused');
  await expect(banner).toContainText(`Answers are paused by an administrator: ${reason}.`);
  await expect(chat.error()).toHaveCount(0);
  await expect(chat.input()).toHaveValue(question);
  // The JSON API says the same, with Retry-After.
  const api = await userPage.request.post('/api/v1/query', {
    data: { query: question },
    headers: { origin: baseURL! },
  });
  expect(api.status()).toBe(503);
  expect(api.headers()['retry-after']).toBe('60');
  expect((await api.json()).error).toMatchObject({
    code: 'service_paused',
    message: `Answers are paused by an administrator: ${reason}.`,
  });
  // The console stays up for admins while answers are paused.
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();

  // The admin resumes, with a reason; the history shows both changes.
  await killSwitch.goto();
  await expect(killSwitch.toggle()).toHaveText('Resume answers');
  await killSwitch.flip('Provider fixed the incident', 'Resume answers');
  await expect(killSwitch.state()).toContainText('Answers are on');
  await expect(killSwitch.events().nth(0)).toContainText('Resumed');
  await expect(killSwitch.events().nth(0)).toContainText('Provider fixed the incident');
  await expect(killSwitch.events().nth(1)).toContainText(reason);

  // The same question, again: answered (every instance sees the change within a second).
  await banner.getByTestId('service-paused-retry').click();
  await chat.waitForAnswer();
  await expect(banner).toHaveCount(0);
  await expect(chat.lastAnswer()).toContainText('DATABASE_URL');
  await userPage.context().close();
});

test('[ADMIN][KILL SWITCH]: the page and its changes are for admins only', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/admin/kill-switch');
  expect(response?.status()).toBe(403);
});
