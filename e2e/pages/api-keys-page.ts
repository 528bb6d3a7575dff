// Page objects for the API key pages: /settings/keys (one's own keys) and /admin/keys (everyone's).
import { expect, type Page } from '@playwright/test';

export class ApiKeysPage {
  constructor(
    private readonly page: Page,
    private readonly path: '/settings/keys' | '/admin/keys' = '/settings/keys',
  ) {}

  goto() {
    return this.page.goto(this.path);
  }

  scope(scope: 'query' | 'ingest') {
    return this.page.getByTestId(`api-key-scope-${scope}`);
  }

  newKey() {
    return this.page.getByTestId('new-api-key');
  }

  /** Creates a key with the scopes given and returns it as the page shows it, once. */
  async create(name: string, scopes: Array<'query' | 'ingest'>): Promise<string> {
    await this.page.getByTestId('api-key-name-input').fill(name);
    for (const scope of ['query', 'ingest'] as const) {
      const box = this.scope(scope);
      if ((await box.count()) > 0) await box.setChecked(scopes.includes(scope));
    }
    await this.page.getByTestId('api-key-create').click();
    await expect(this.newKey()).toBeVisible();
    return this.newKey().getByTestId('new-api-key-value').inputValue();
  }

  rows() {
    return this.page.getByTestId('api-key-row');
  }

  row(name: string) {
    return this.rows().filter({
      has: this.page.getByTestId('api-key-name').getByText(name, { exact: true }),
    });
  }

  async revoke(name: string, { confirm = true } = {}) {
    await this.row(name).getByTestId('api-key-revoke').click();
    const dialog = this.page.getByRole('dialog', { name: `Revoke “${name}”?` });
    await dialog.getByRole('button', { name: confirm ? 'Revoke' : 'Cancel' }).click();
  }
}
