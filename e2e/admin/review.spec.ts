// [ADMIN][REVIEW] The human review queue: a user asks about a legal decision and the answer says a
// person must decide; an admin finds the question in /admin/review, claims it, is refused a decision
// without a note, rejects it with one, and sees it among the rejected items with the note, linked to
// its query detail. A user is refused the page.
import { expect, test } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';
import { ReviewPage } from '../pages/review-page';
import { uniqueToken } from '../support/make-files';

test('[ADMIN][REVIEW]: a high-risk question carries the notice, is queued, claimed and rejected with a note', async ({
  page,
  browser,
}) => {
  // Its own wording and number: no cached answer from another spec may answer it.
  const token = uniqueToken();
  const question = `Should I sue my landlord over the deposit, a legal decision? (review ${token} ${Date.now()})`;

  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await new LoginPage(userPage).signInAs(demo.user);
  const chat = new ChatPage(userPage);
  await chat.goto();
  await chat.askAndWait(question);
  const notice = chat.lastAnswer().getByTestId('answer-high-risk');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('A person must decide.');
  await expect(notice).toContainText('legal decision');
  await userContext.close();

  await new LoginPage(page).signInAs(demo.admin, '/admin/documents');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Review' }).click();
  await expect(page).toHaveURL(/\/admin\/review$/);
  await expect(page.getByRole('heading', { name: 'Review queue', level: 1 })).toBeVisible();
  const review = new ReviewPage(page);
  const item = review.item(token);
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-status', 'PENDING');
  await expect(item.getByTestId('review-reason')).toHaveText('High-risk topic');
  await expect(item.getByTestId('review-query-link')).toHaveAttribute('href', /^\/admin\/queries\/[^/?]+$/);

  await item.getByTestId('review-claim').click();
  await expect(item.getByTestId('review-claimed-by')).toContainText('you');

  // A note is required: too short is refused before anything is sent.
  await item.getByTestId('review-note').fill('no');
  await item.getByTestId('review-reject').click();
  await expect(item.getByRole('alert')).toHaveText('Write a note of at least 3 characters.');
  await expect(page.getByTestId('confirm-dialog')).not.toBeVisible();

  const note = `Legal advice is out of scope (${token}).`;
  await review.decide(token, 'Reject', note);
  // Gone from the pending queue, listed among the rejected with the note.
  await expect(review.item(token)).toHaveCount(0);
  await review.goto('?status=REJECTED');
  const rejected = review.item(token);
  await expect(rejected).toHaveAttribute('data-status', 'REJECTED');
  await expect(rejected.getByTestId('review-status')).toHaveText('Rejected');
  await expect(rejected.getByTestId('review-decision-note')).toHaveText(note);
  await expect(rejected.getByTestId('review-claim')).toHaveCount(0);

  // The link opens the query's full detail.
  await rejected.getByTestId('review-query-link').click();
  await expect(page).toHaveURL(/\/admin\/queries\/[^/?]+$/);
  await expect(page.getByText(token).first()).toBeVisible();

  // The console's overview counts the outcome.
  await page.goto('/admin');
  const rejectedCount = page.getByTestId('review-count-status-REJECTED').locator('dd');
  await expect(rejectedCount).toHaveText(/^[1-9]\d*$/);
});

test('[ADMIN][REVIEW]: the page is for admins only', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/admin/review');
  expect(response?.status()).toBe(403);
});
