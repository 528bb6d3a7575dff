// Page object for /login.
import { expect, type Page } from '@playwright/test';

export const demo = {
  password: 'demo-password-2026',
  user: 'user@demo.local',
  admin: 'admin@demo.local',
  compliance: 'compliance@demo.local',
} as const;

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login');
  }

  async signIn(email: string, password: string) {
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** Signs in and waits until the app has left the sign-in page. */
  async signInAs(email: string, callbackUrl?: string) {
    await this.goto(callbackUrl);
    await this.signIn(email, demo.password);
    await expect(this.page).not.toHaveURL(/\/login/);
  }

  error() {
    return this.page.getByTestId('login-error');
  }
}
