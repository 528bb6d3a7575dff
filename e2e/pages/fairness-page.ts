// Page object for /admin/fairness: the report's rows by group and each metric's cell.
import type { Page } from '@playwright/test';

export class FairnessPage {
  constructor(private readonly page: Page) {}

  goto(query = '') {
    return this.page.goto(`/admin/fairness${query}`);
  }

  group(label: string) {
    return this.page.locator(`[data-testid="fairness-group"][data-group="${label}"]`);
  }

  /** A metric's cell (answerRate, lowConfidenceRate, fallbackRate, latencyP95Ms, thumbsUpShare) of a group. */
  cell(label: string, metric: string) {
    return this.group(label).getByTestId(`fairness-${metric}`);
  }
}
