// Page object for /admin/kill-switch: the switch's state, the reason and the toggle with its
// confirmation, and the history.
import { expect, type Page } from '@playwright/test';

export class KillSwitchPage {
  constructor(private readonly page: Page) {}

  goto() {
    return this.page.goto('/admin/kill-switch');
  }

  state() {
    return this.page.getByTestId('kill-switch-state');
  }

  reason() {
    return this.page.getByTestId('kill-switch-reason');
  }

  toggle() {
    return this.page.getByTestId('kill-switch-toggle');
  }

  error() {
    return this.page.getByTestId('kill-switch-form').getByRole('alert');
  }

  events() {
    return this.page.getByTestId('kill-switch-event');
  }

  /** Pauses (or resumes, by the button's state) with `reason`, confirming in the dialog. */
  async flip(reason: string, confirmLabel: 'Pause answers' | 'Resume answers') {
    await this.reason().fill(reason);
    await this.toggle().click();
    await this.page.getByTestId('confirm-dialog').getByRole('button', { name: confirmLabel }).click();
    await expect(this.state()).toHaveAttribute(
      'data-engaged',
      confirmLabel === 'Pause answers' ? 'true' : 'false',
    );
  }
}
