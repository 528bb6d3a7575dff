// Page object for the admin Documents page at /admin/documents.
import type { Page } from '@playwright/test';
import type { TestFile } from '../support/make-files';

export class DocumentsPage {
  constructor(private readonly page: Page) {}

  goto() {
    return this.page.goto('/admin/documents');
  }

  dropZone() {
    return this.page.getByTestId('document-drop-zone');
  }

  /** Chooses files with the file picker (the hidden input behind the drop zone). */
  async choose(files: TestFile[]) {
    await this.page.getByTestId('document-file-input').setInputFiles(files);
  }

  /** Drops files on the drop zone the way a browser does: drag events carrying a DataTransfer. */
  async drop(files: TestFile[]) {
    const dataTransfer = await this.page.evaluateHandle(
      (items) => {
        const transfer = new DataTransfer();
        for (const item of items) {
          const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], item.name, { type: item.mimeType }));
        }
        return transfer;
      },
      files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })),
    );
    for (const type of ['dragenter', 'dragover', 'drop']) {
      await this.dropZone().dispatchEvent(type, { dataTransfer });
    }
  }

  async setTags(tags: string) {
    await this.page.getByRole('textbox', { name: 'Tags' }).fill(tags);
  }

  upload(name: string) {
    return this.page.getByTestId('upload-item').filter({ hasText: name });
  }

  rows() {
    return this.page.getByTestId('document-row');
  }

  row(fileName: string) {
    return this.rows().filter({
      has: this.page.getByTestId('document-name').getByText(fileName, { exact: true }),
    });
  }

  liveStatus() {
    return this.page.getByTestId('documents-live');
  }

  async delete(fileName: string, { confirm = true } = {}) {
    await this.row(fileName).getByTestId('document-delete').click();
    const dialog = this.page.getByRole('dialog', { name: `Delete ${fileName}?` });
    await dialog.getByRole('button', { name: confirm ? 'Delete' : 'Cancel' }).click();
  }
}
