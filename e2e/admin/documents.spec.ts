// [ADMIN][DOCUMENTS] Admins add documents to the knowledge base and manage them; the chat answers
// from them with page-level citations. Files carry a fresh token each run, so no test depends on
// what an earlier run left behind.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { DocumentsPage } from '../pages/documents-page';
import { LoginPage, demo } from '../pages/login-page';
import { makeDocx, makePdf, uniqueToken, type TestFile } from '../support/make-files';

type ApiDocument = { id: string; fileName: string; status: string; chunkCount: number; tags: string[] };

async function listDocuments(request: APIRequestContext): Promise<ApiDocument[]> {
  const response = await request.get('/api/v1/documents?limit=200');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { documents: ApiDocument[] }).documents;
}

// Small documents are parsed and embedded by the local model in a few seconds.
const INGEST_TIMEOUT = 30_000;

test('[ADMIN][DOCUMENTS]: an uploaded PDF and Word file become ready and a user is answered from page 2 of the PDF', async ({
  page,
  browser,
}) => {
  const token = uniqueToken();
  const [pdf, docx] = await Promise.all([makePdf(token), makeDocx(token)]);
  await new LoginPage(page).signInAs(demo.admin, '/admin/documents');
  const documents = new DocumentsPage(page);
  await documents.goto();
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();

  await documents.setTags('e2e, Handbook');
  // One through the file picker, one dropped on the zone.
  await documents.choose([pdf]);
  await expect(documents.upload(pdf.name)).toHaveAttribute('data-state', 'accepted');
  await documents.drop([docx]);
  await expect(documents.upload(docx.name)).toHaveAttribute('data-state', 'accepted');
  for (const file of [pdf, docx]) {
    await expect(documents.upload(file.name).getByTestId('upload-status')).toContainText('Uploaded');
  }
  for (const file of [pdf, docx]) {
    const row = documents.row(file.name);
    await expect(row).toHaveAttribute('data-status', 'ready', { timeout: INGEST_TIMEOUT });
    await expect(row.getByTestId('document-status')).toHaveText('ready');
    await expect(row.getByTestId('document-passages')).toHaveText(/^[1-9]\d*$/);
    await expect(row).toContainText('e2e');
    await expect(row).toContainText('handbook');
    await expect(row.getByTestId('document-visibility')).toHaveText('Shared');
  }
  await expect(documents.row(pdf.name)).toContainText('pdf');
  await expect(documents.row(docx.name)).toContainText('docx');

  // The API agrees: both stored once, ready, with passages and the tags given (normalised).
  const stored = (await listDocuments(page.request)).filter((d) => d.fileName.includes(token));
  expect(stored.map((d) => d.fileName).sort()).toEqual([docx.name, pdf.name].sort());
  for (const doc of stored) {
    expect(doc).toMatchObject({ status: 'ready', tags: ['e2e', 'handbook'] });
    expect(doc.chunkCount).toBeGreaterThan(0);
  }

  // With nothing left in progress the page stops polling.
  await expect(documents.liveStatus()).toHaveText('');
  let polls = 0;
  const countPolls = (request: { url: () => string }) => {
    if (new URL(request.url()).pathname === '/api/v1/documents') polls += 1;
  };
  page.on('request', countPolls);
  await page.waitForTimeout(2_500);
  page.off('request', countPolls);
  expect(polls).toBe(0);

  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await new LoginPage(userPage).signInAs(demo.user);
  const chat = new ChatPage(userPage);
  await chat.ask(`How many working days do refunds for the ${token} lantern take?`);
  await expect(chat.lastAnswer()).toContainText('11 working days');
  const cited = chat.sources().filter({ hasText: pdf.name }).first();
  await expect(cited).toContainText('p. 2');
  await expect(cited).toContainText('Refunds');
  await userContext.close();
});

test('[ADMIN][DOCUMENTS]: an unsupported file is refused with the supported formats and never listed', async ({
  page,
}) => {
  const exe: TestFile = {
    name: `setup-${uniqueToken()}.exe`,
    mimeType: 'application/x-msdownload',
    buffer: Buffer.from('MZ\x90\x00 not a document'),
  };
  await new LoginPage(page).signInAs(demo.admin, '/admin/documents');

  // The server's answer, which the page repeats word for word before sending anything.
  const response = await page.request.post('/api/v1/documents', { multipart: { file: exe } });
  expect(response.status()).toBe(415);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe('unsupported_media_type');
  expect(error.message).toContain('Unsupported file type (.exe). Supported: Markdown (.md, .markdown)');

  const documents = new DocumentsPage(page);
  await documents.goto();
  await documents.choose([exe]);
  await expect(documents.upload(exe.name)).toHaveAttribute('data-state', 'refused');
  await expect(documents.upload(exe.name).getByTestId('upload-error')).toHaveText(error.message);
  await expect(documents.row(exe.name)).toHaveCount(0);
  expect((await listDocuments(page.request)).some((d) => d.fileName === exe.name)).toBe(false);
});

test('[ADMIN][DOCUMENTS]: deleting a document asks first, then removes its row and the document', async ({
  page,
}) => {
  const note: TestFile = {
    name: `note-${uniqueToken()}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from('# A short note\n\nThis note exists to be deleted by a test.\n'),
  };
  await new LoginPage(page).signInAs(demo.admin, '/admin/documents');
  const documents = new DocumentsPage(page);
  await documents.goto();
  await documents.choose([note]);
  const row = documents.row(note.name);
  await expect(row).toHaveAttribute('data-status', 'ready', { timeout: INGEST_TIMEOUT });
  const id = await row.getAttribute('data-document-id');

  await documents.delete(note.name, { confirm: false });
  await expect(row).toHaveCount(1);

  await documents.delete(note.name);
  await expect(row).toHaveCount(0);
  expect((await page.request.get(`/api/v1/documents/${id}`)).status()).toBe(404);
  await page.reload();
  await expect(documents.rows().first()).toBeVisible();
  await expect(documents.row(note.name)).toHaveCount(0);
});

test('[ADMIN][DOCUMENTS]: re-indexing a ready document replaces it with a new version', async ({ page }) => {
  const note: TestFile = {
    name: `reindex-${uniqueToken()}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Re-index me\n\nThis note is ingested twice by a test.\n'),
  };
  await new LoginPage(page).signInAs(demo.admin, '/admin/documents');
  const documents = new DocumentsPage(page);
  await documents.goto();
  await documents.choose([note]);
  const row = documents.row(note.name);
  await expect(row).toHaveAttribute('data-status', 'ready', { timeout: INGEST_TIMEOUT });
  const oldId = await row.getAttribute('data-document-id');

  const reindexed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/documents/${oldId}/reindex`));
  await row.getByTestId('document-reindex').click();
  expect((await reindexed).status()).toBe(202);

  // The new version takes the old one's place once it is ready: one document, a new id.
  await expect
    .poll(
      async () =>
        (await listDocuments(page.request))
          .filter((d) => d.fileName === note.name)
          .map((d) => ({ isNew: d.id !== oldId, status: d.status })),
      { timeout: INGEST_TIMEOUT },
    )
    .toEqual([{ isNew: true, status: 'ready' }]);
  await expect(row).toHaveCount(1);
  await expect(row).not.toHaveAttribute('data-document-id', oldId!);
  await expect(row).toHaveAttribute('data-status', 'ready');
  expect((await page.request.get(`/api/v1/documents/${oldId}`)).status()).toBe(404);
});

test('[ADMIN][DOCUMENTS]: an end user is denied the Documents page and its API', async ({ page }) => {
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/admin/documents');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByTestId('document-drop-zone')).toHaveCount(0);
  expect((await page.request.get('/api/v1/documents')).status()).toBe(403);
});

test('[ADMIN][DOCUMENTS]: a signed-out visitor is sent to sign in and comes back', async ({ page }) => {
  await page.goto('/admin/documents');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fdocuments/);
  await new LoginPage(page).signIn(demo.admin, demo.password);
  await expect(page).toHaveURL(/\/admin\/documents$/);
  await expect(page.getByTestId('document-drop-zone')).toBeVisible();
});
