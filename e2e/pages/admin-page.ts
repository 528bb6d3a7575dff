// Page object for the admin console's overview at /admin.
import { expect, type Page } from '@playwright/test';

export const OVERVIEW_CHARTS = [
  'requests',
  'latency',
  'cost',
  'tokens',
  'models',
  'spenders',
  'quality',
  'rate-limits',
  'feedback',
] as const;

export class AdminPage {
  constructor(private readonly page: Page) {}

  goto(search = '') {
    return this.page.goto(`/admin${search}`);
  }

  tile(key: string) {
    return this.page.getByTestId(`overview-tile-${key}`).getByTestId('overview-tile-value');
  }

  chart(id: (typeof OVERVIEW_CHARTS)[number]) {
    return this.page.getByTestId(`chart-${id}`);
  }

  /** The chart's drawing (recharts' SVG surface), once it has been measured and drawn. */
  drawing(id: (typeof OVERVIEW_CHARTS)[number]) {
    return this.chart(id).locator('svg.recharts-surface').first();
  }

  topQuestions() {
    return this.page.getByTestId('top-question');
  }

  async chooseRange(label: '1h' | '24h' | '7d' | '30d') {
    await this.page
      .getByRole('navigation', { name: 'Time range' })
      .getByRole('link', { name: label })
      .click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]range=${label}`));
  }

  async chooseDays(from: string, to: string) {
    await this.page.getByLabel('From (UTC)').fill(from);
    await this.page.getByLabel('To (UTC)').fill(to);
    await this.page.getByTestId('overview-range-apply').click();
    await expect(this.page).toHaveURL(/range=custom/);
  }
}
