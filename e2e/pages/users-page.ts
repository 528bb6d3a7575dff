// Page objects for /admin/users (the admin's list and invitations) and /signup (an invitee's form).
import { expect, type Page } from '@playwright/test';

export class UsersPage {
  constructor(private readonly page: Page) {}

  goto(search?: string) {
    return this.page.goto(search ? `/admin/users?q=${encodeURIComponent(search)}` : '/admin/users');
  }

  /** Invites the address and returns the link the page shows, once. */
  async invite(email: string, role: 'USER' | 'ADMIN' | 'COMPLIANCE', group?: string): Promise<string> {
    await this.page.getByTestId('invite-email').fill(email);
    await this.page.getByTestId('invite-role').selectOption(role);
    if (group) await this.page.getByTestId('invite-group').fill(group);
    await this.page.getByTestId('invite-submit').click();
    await expect(this.page.getByTestId('new-invite')).toBeVisible();
    return this.page.getByTestId('new-invite-link').inputValue();
  }

  row(email: string) {
    return this.page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  }

  async changeRole(email: string, role: 'USER' | 'ADMIN' | 'COMPLIANCE') {
    await this.row(email).getByTestId('user-role').selectOption(role);
    await this.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Change role' }).click();
  }

  async disable(email: string) {
    await this.row(email).getByTestId('user-disable').click();
    await this.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Disable' }).click();
  }

  notice() {
    return this.page.getByTestId('users-notice');
  }

  error() {
    return this.page.getByTestId('users-error');
  }
}

export class SignUpPage {
  constructor(private readonly page: Page) {}

  email() {
    return this.page.getByTestId('signup-email');
  }

  async fill(fields: { name?: string; password: string; confirm?: string; email?: string }) {
    if (fields.email) await this.email().fill(fields.email);
    if (fields.name) await this.page.getByTestId('signup-name').fill(fields.name);
    await this.page.getByTestId('signup-password').fill(fields.password);
    await this.page.getByTestId('signup-confirm').fill(fields.confirm ?? fields.password);
    await this.page.getByTestId('signup-submit').click();
  }

  notice() {
    return this.page.getByTestId('signup-notice');
  }

  error() {
    return this.page.getByTestId('signup-error');
  }
}
