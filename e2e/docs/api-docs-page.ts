// Page object for /docs/api: the Swagger UI reference of the OpenAPI document and its try-it console.
import type { Locator, Page } from '@playwright/test';

export class ApiDocsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/docs/api');
  }

  /** The page's own introduction: how to get a key. */
  intro(): Locator {
    return this.page.getByTestId('api-docs-intro');
  }

  reference(): Locator {
    return this.page.getByTestId('api-reference');
  }

  /** The document's title as Swagger UI renders it (present once the spec has loaded). */
  specTitle(): Locator {
    return this.reference().locator('.info .title');
  }

  /** One operation's block, by method and exact path. */
  operation(method: string, path: string): Locator {
    return this.reference().locator(
      `.opblock-${method.toLowerCase()}:has(.opblock-summary-path[data-path="${path}"])`,
    );
  }

  async expand(operation: Locator) {
    await operation.locator('.opblock-summary-control').click();
  }

  tryItOut(operation: Locator): Locator {
    return operation.getByRole('button', { name: 'Try it out' });
  }

  execute(operation: Locator): Locator {
    return operation.getByRole('button', { name: 'Execute' });
  }

  /** The status code of the response the console got. */
  liveResponseStatus(operation: Locator): Locator {
    return operation.locator('.live-responses-table tr.response .response-col_status');
  }
}
