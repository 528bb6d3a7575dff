// Page object for the query explorer: /admin/queries and /admin/queries/{id}.
import { expect, type Page } from '@playwright/test';

export class QueriesPage {
  constructor(private readonly page: Page) {}

  goto(search = '') {
    return this.page.goto(`/admin/queries${search}`);
  }

  rows() {
    return this.page.getByTestId('query-log-row');
  }

  /** Searches the question text with the filter form, as an admin would. */
  async search(text: string) {
    await this.page.getByLabel('Question contains').fill(text);
    await this.page.getByTestId('queries-filter-submit').click();
    await expect(this.page).toHaveURL(/[?&]q=/);
  }

  async filterStatus(status: string) {
    await this.page.getByLabel('Status').selectOption(status);
    await this.page.getByTestId('queries-filter-submit').click();
  }

  async openRow(index = 0) {
    await this.rows().nth(index).getByTestId('query-log-detail-link').click();
    await expect(this.page).toHaveURL(/\/admin\/queries\/[^/?]+$/);
  }

  exportLink() {
    return this.page.getByTestId('queries-export-csv');
  }
}
