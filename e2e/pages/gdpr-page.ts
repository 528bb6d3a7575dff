// Page object for /admin/gdpr: find a person, export, erase, and the request history.
import { expect, type Page } from '@playwright/test';

export class GdprPage {
  constructor(private readonly page: Page) {}

  goto(search?: string) {
    return this.page.goto(search ? `/admin/gdpr?q=${encodeURIComponent(search)}` : '/admin/gdpr');
  }

  async find(search: string) {
    await this.page.getByTestId('gdpr-search').fill(search);
    await this.page.getByTestId('gdpr-search-submit').click();
    await expect(this.page).toHaveURL(/\/admin\/gdpr\?q=/);
  }

  subject() {
    return this.page.getByTestId('gdpr-subject');
  }

  holding(kind: string) {
    return this.page.getByTestId(`gdpr-holding-${kind}`);
  }

  exportLink() {
    return this.page.getByTestId('gdpr-export');
  }

  confirmField() {
    return this.page.getByTestId('gdpr-erase-confirm');
  }

  eraseButton() {
    return this.page.getByTestId('gdpr-erase-submit');
  }

  historyRows(type?: 'EXPORT' | 'ERASURE') {
    const rows = this.page.getByTestId('gdpr-history-row');
    return type ? rows.and(this.page.locator(`[data-type="${type}"]`)) : rows;
  }
}
