// [CHAT] Thumbs up or down on an answer, with an optional comment, kept with the answer.
import { expect, test } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';

test('[CHAT]: thumbs down with a comment is recorded and still shown after a reload', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const chat = new ChatPage(page);
  await chat.askAndWait('How do I use my own Postgres database?');

  const recorded = page.waitForResponse((r) => /\/api\/queries\/[^/]+\/feedback$/.test(r.url()));
  await chat.thumbsDown().click();
  expect((await recorded).request().postDataJSON()).toEqual({ rating: 'down' });
  await expect(chat.thumbsDown()).toHaveAttribute('aria-pressed', 'true');

  // The comment form opens with focus in it.
  const comment = chat.lastAnswer().getByTestId('feedback-comment');
  await expect(comment).toBeFocused();
  await comment.fill('It does not say which Postgres versions work.');
  const withComment = page.waitForResponse((r) => /\/feedback$/.test(r.url()));
  await chat.lastAnswer().getByTestId('feedback-submit').click();
  expect((await withComment).request().postDataJSON()).toEqual({
    rating: 'down',
    comment: 'It does not say which Postgres versions work.',
  });
  await expect(chat.lastAnswer().getByTestId('feedback-form')).toHaveCount(0);
  await expect(chat.lastAnswer().getByTestId('feedback-recorded')).toContainText('unhelpful');

  await page.reload();
  await expect(chat.thumbsDown()).toHaveAttribute('aria-pressed', 'true');
  await expect(chat.thumbsUp()).toHaveAttribute('aria-pressed', 'false');
  await expect(chat.lastAnswer().getByTestId('feedback-recorded-comment')).toHaveText(
    'It does not say which Postgres versions work.',
  );

  // Changing one's mind replaces the rating (and its comment); Esc closes the form.
  await chat.thumbsUp().click();
  await expect(chat.thumbsUp()).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(chat.lastAnswer().getByTestId('feedback-form')).toHaveCount(0);
  await expect(chat.thumbsUp()).toBeFocused();
  await page.reload();
  await expect(chat.thumbsUp()).toHaveAttribute('aria-pressed', 'true');
  await expect(chat.lastAnswer().getByTestId('feedback-recorded')).toHaveText(
    'You rated this answer helpful.',
  );
});
