// Page object for /admin/review: the queue's items, found by their question, with the claim and
// decision controls and the confirmation dialog.
import { expect, type Page } from '@playwright/test';

export class ReviewPage {
  constructor(private readonly page: Page) {}

  goto(query = '') {
    return this.page.goto(`/admin/review${query}`);
  }

  /** The queued item whose question contains `text`. */
  item(text: string) {
    return this.page.getByTestId('review-item').filter({ hasText: text });
  }

  counts() {
    return this.page.getByTestId('review-counts');
  }

  /** Rejects or approves the item with `note`, confirming in the dialog. */
  async decide(text: string, decision: 'Approve' | 'Reject', note: string) {
    const item = this.item(text);
    await item.getByTestId('review-note').fill(note);
    await item.getByTestId(decision === 'Reject' ? 'review-reject' : 'review-approve').click();
    const dialog = this.page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: decision, exact: true }).click();
  }
}
