// Admin actions on stored documents: retry a failed one, re-index a ready one, delete.
// Each takes the acting user and checks the role here, in the data path, not only in the route.
import 'server-only';
import { assertRole } from '@/lib/auth/roles';
import {
  deleteDocument,
  getDocument,
  listDocuments,
  readDocumentFile,
  requeueFailedDocument,
  type DocumentRecord,
} from '@/lib/db/documents';
import { liveBulkImports, passageIndexStatus } from '@/lib/db/passage-index';
import type { SessionUser } from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';
import { documentView, type DocumentView } from './document-view';
import { enqueueIngestion } from './enqueue';
import { passageIndexNotice } from './passage-index-notice';
import { submitDocument } from './submit';

function notFound(): AppError {
  return new AppError('not_found', 'No document with this id.');
}

/**
 * Ingests a document again. A failed one is queued again in place with a fresh set of attempts; a
 * ready one is ingested again as a new version from its stored file (e.g. after a chunking change),
 * and the current version keeps answering until the new one replaces it.
 */
export async function reindexDocument(actor: SessionUser, id: string): Promise<DocumentRecord> {
  assertRole(actor, ['ADMIN']);
  const doc = await getDocument(id);
  if (!doc) throw notFound();
  if (doc.status === 'FAILED') {
    if (!(await requeueFailedDocument(id)))
      throw new AppError('bad_request', 'The document is no longer failed.');
    await enqueueIngestion(id);
    return (await getDocument(id))!;
  }
  if (doc.status !== 'READY') {
    throw new AppError(
      'bad_request',
      'The document is being ingested already; wait until it is ready or failed.',
    );
  }
  const bytes = await readDocumentFile(id);
  if (!bytes) throw notFound();
  const { document } = await submitDocument(
    {
      fileName: doc.fileName || doc.source,
      bytes,
      declaredType: doc.mimeType,
      visibility: doc.visibility,
      tags: doc.tags,
      language: doc.language,
      createdById: doc.createdById,
      source: doc.source,
    },
    { force: true },
  );
  return document;
}

export async function removeDocument(actor: SessionUser, id: string): Promise<DocumentRecord> {
  assertRole(actor, ['ADMIN']);
  const deleted = await deleteDocument(id, { actor });
  if (!deleted) throw notFound();
  return deleted;
}

export async function getDocumentView(actor: SessionUser, id: string): Promise<DocumentView> {
  assertRole(actor, ['ADMIN']);
  const doc = await getDocument(id);
  if (!doc) throw notFound();
  return documentView(doc);
}

export async function listDocumentViews(
  actor: SessionUser,
  query: { status?: DocumentView['status']; limit: number; cursor?: string },
): Promise<{ documents: DocumentView[]; nextCursor: string | null }> {
  assertRole(actor, ['ADMIN']);
  const rows = await listDocuments({
    limit: query.limit + 1,
    cursor: query.cursor,
    status: query.status ? (query.status.toUpperCase() as DocumentRecord['status']) : undefined,
  });
  const page = rows.slice(0, query.limit);
  return {
    documents: page.map(documentView),
    nextCursor: rows.length > query.limit ? page.at(-1)!.id : null,
  };
}

/** The Documents page's notice while the passage search index is not in place, or null. */
export async function passageIndexNoticeFor(viewer: SessionUser): Promise<string | null> {
  assertRole(viewer, ['ADMIN']);
  const [status, imports] = await Promise.all([passageIndexStatus(), liveBulkImports()]);
  return passageIndexNotice(status, imports);
}
