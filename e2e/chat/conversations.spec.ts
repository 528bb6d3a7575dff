// [CHAT] Conversations: resumed from the sidebar after a reload, renamed inline, deleted with
// confirmation, private to their owner, and within reach on a phone.
import { expect, test } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';

test('[CHAT]: a past conversation is resumed from the sidebar after a reload, and goes on', async ({
  page,
}) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  await chat.askAndWait('How do I use my own Postgres database?');
  const id = await chat.conversationId();

  await chat.newChatButton().click();
  await expect(page).toHaveURL(/\/$/);
  await page.reload();
  await expect(chat.answers()).toHaveCount(0);

  await chat.conversationById(id).getByTestId('conversation-link').click();
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`));
  await expect(page).toHaveTitle(/How do I use my own Postgres database\?/);
  await expect(chat.conversationById(id).getByTestId('conversation-link')).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(chat.questions()).toHaveText(['How do I use my own Postgres database?']);
  await expect(chat.lastAnswer()).toContainText('DATABASE_URL');
  await expect(chat.sources().first()).toContainText('Using your own Postgres database');
  await chat.citations().first().click();
  await expect(chat.sourcePanel().getByTestId('source-panel-passage')).toContainText('DATABASE_URL');
  await page.keyboard.press('Escape');

  // The resumed conversation goes on, and moves to the top of the list.
  await chat.askAndWait('And what if it lacks pgvector?');
  await expect(chat.answers()).toHaveCount(2);
  await expect(chat.conversations().first()).toHaveAttribute('data-id', id);
});

test('[CHAT]: a conversation is renamed inline and deleted after confirmation', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  await chat.askAndWait('How do I create users?');
  const id = await chat.conversationId();
  const item = chat.conversationById(id);
  await expect(item).toContainText('How do I create users?');

  await item.getByTestId('conversation-rename').click();
  const title = item.getByTestId('conversation-title-input');
  await expect(title).toBeFocused();
  await title.fill('Creating users');
  await title.press('Enter');
  await expect(item.getByTestId('conversation-link')).toHaveText('Creating users');
  await expect(item.getByTestId('conversation-link')).toBeFocused();

  // Esc leaves the title as it was.
  await item.getByTestId('conversation-rename').click();
  await title.fill('Not this');
  await title.press('Escape');
  await expect(item.getByTestId('conversation-link')).toHaveText('Creating users');
  await page.reload();
  await expect(chat.conversationById(id).getByTestId('conversation-link')).toHaveText('Creating users');

  // Delete asks first; Cancel keeps it.
  await chat.conversationById(id).getByTestId('conversation-delete').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('“Creating users” and all its messages will be deleted.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(chat.conversationById(id)).toHaveCount(1);

  await chat.conversationById(id).getByTestId('conversation-delete').click();
  await page.getByTestId('confirm-dialog-confirm').click();
  await expect(chat.conversationById(id)).toHaveCount(0);
  // It was the open conversation: the chat starts afresh.
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.answers()).toHaveCount(0);
  await page.goto(`/c/${id}`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test("[CHAT]: another user's conversation is not found", async ({ page, browser }) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  await chat.askAndWait('How do I add documents?');
  const id = await chat.conversationId();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await new LoginPage(other).signInAs(demo.admin, '/admin');
  const response = await other.goto(`/c/${id}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(new ChatPage(other).conversationById(id)).toHaveCount(0);
  await otherContext.close();
});

test('[CHAT]: on a phone the conversations are a drawer', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  await chat.askAndWait('What does npm test run?');
  const id = await chat.conversationId();
  await expect(page.getByTestId('conversation-sidebar')).toBeHidden();
  await expect(page.getByTestId('chat-title')).toHaveText('What does npm test run?');

  await page.getByRole('link', { name: 'New chat' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByTestId('open-conversations').click();
  const drawer = page.getByTestId('conversation-drawer');
  await expect(drawer).toBeVisible();
  await drawer
    .locator(`[data-testid=conversation-item][data-id="${id}"]`)
    .getByTestId('conversation-link')
    .click();
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`));
  await expect(drawer).toBeHidden();
  await expect(chat.questions()).toHaveText(['What does npm test run?']);
  await expect(chat.answers()).toHaveCount(1);
  // Nothing is wider than the screen: neither the page nor the conversation scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const messages = page.getByTestId('message-scroll');
  expect(await messages.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
});
