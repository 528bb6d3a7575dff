// [CHAT] A follow-up question is answered from the conversation: "it" means what was asked before.
import { expect, test } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';

test('[CHAT]: a follow-up that needs the previous turn is answered in its context', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  const followUp = 'And what if it lacks pgvector?';

  await chat.askAndWait('How do I use my own Postgres database?');
  await chat.askAndWait(followUp);
  // Read with the first question, the follow-up finds the passages about using one's own database.
  await expect(chat.lastAnswer()).toContainText('lacks pgvector');
  await expect(chat.lastAnswer()).toContainText('DATABASE_URL');
  await expect(chat.sources().filter({ hasText: 'Using your own Postgres database' })).not.toHaveCount(0);

  // The same words alone, in a new chat, do not say how to point the app at a database.
  await chat.newChatButton().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.answers()).toHaveCount(0);
  await chat.askAndWait(followUp);
  await expect(chat.questions()).toHaveText([followUp]);
  await expect(chat.lastAnswer()).not.toContainText('DATABASE_URL');
});
