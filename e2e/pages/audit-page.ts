// Page object for /admin/audit: filters, the event table, chain verification and the exports.
import type { Page } from '@playwright/test';

export class AuditPage {
  constructor(private readonly page: Page) {}

  goto(filter: Record<string, string> = {}) {
    const query = new URLSearchParams(filter).toString();
    return this.page.goto(query ? `/admin/audit?${query}` : '/admin/audit');
  }

  async filterByAction(prefix: string) {
    await this.page.getByLabel('Action starts with').fill(prefix);
    await this.page.getByTestId('audit-filter-submit').click();
  }

  rows(action?: string) {
    return this.page.locator(
      action ? `[data-testid="audit-row"][data-action="${action}"]` : '[data-testid="audit-row"]',
    );
  }

  async verify() {
    await this.page.getByTestId('audit-verify').click();
    return this.page.getByTestId('audit-verify-result');
  }

  exportLink(format: 'csv' | 'json') {
    return this.page.getByTestId(`audit-export-${format}`);
  }
}
