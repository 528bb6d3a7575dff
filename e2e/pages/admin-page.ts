// Page object for the admin console at /admin.
import type { Page } from '@playwright/test';

export class AdminPage {
  constructor(private readonly page: Page) {}

  goto() {
    return this.page.goto('/admin');
  }

  rows() {
    return this.page.getByTestId('query-log-row');
  }
}
