// Page object for /admin/flags and a flag's page: the create form, the switch, the stage buttons and
// the evaluation preview.
import { expect, type Page } from '@playwright/test';

export class FlagsPage {
  constructor(private readonly page: Page) {}

  goto() {
    return this.page.goto('/admin/flags');
  }

  row(key: string) {
    return this.page.locator(`[data-testid="flag-row"][data-key="${key}"]`);
  }

  /** Creates a boolean flag and lands on its page. */
  async createBoolean(key: string) {
    await this.page.getByTestId('flag-key').fill(key);
    await this.page.getByTestId('flag-create').click();
    await expect(this.page).toHaveURL(new RegExp(`/admin/flags/${key}$`));
    await expect(this.page.getByRole('heading', { name: key, level: 1 })).toBeVisible();
  }

  state() {
    return this.page.getByTestId('flag-state');
  }

  async toggle(expectEnabled: boolean) {
    await this.page.getByTestId('flag-toggle').click();
    await expect(this.state()).toHaveAttribute('data-enabled', String(expectEnabled));
  }

  stage(percent: number) {
    return this.page.getByTestId(`flag-stage-${percent}`);
  }

  async moveTo(percent: number) {
    await this.stage(percent).click();
    await expect(this.stage(percent)).toHaveAttribute('aria-pressed', 'true');
  }

  preview() {
    return this.page.getByTestId('flag-preview-result');
  }

  async previewFor(user: string) {
    await this.page.getByTestId('flag-preview-user').fill(user);
    await this.page.getByTestId('flag-preview-submit').click();
    await expect(this.preview()).toContainText(user);
  }
}
