// Admin Documents: upload files to the knowledge base, follow their ingestion, re-index or delete them.
// As on /admin, the role check runs before anything streams (a real 307 or 403); the list then
// streams in behind a skeleton while the drop zone is already usable.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { DOCUMENTS_PAGE_SIZE } from '@/components/admin/documents/api';
import { DocumentTable } from '@/components/admin/documents/document-table';
import { DocumentsChangesProvider } from '@/components/admin/documents/documents-context';
import { DocumentsSkeleton } from '@/components/admin/documents/documents-skeleton';
import { PassageIndexNotice } from '@/components/admin/documents/passage-index-notice';
import { UploadPanel } from '@/components/admin/documents/upload-panel';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { textSearchConfigs } from '@/lib/ingest/language';
import { listDocumentViews } from '@/lib/ingest/manage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Documents' };

export default async function DocumentsPage() {
  const user = await requirePageRole(['ADMIN'], '/admin/documents');

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="documents" />
      <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Documents</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            What the assistant answers from. Uploaded files are parsed, split into passages and embedded in
            the background; a document answers questions once it is ready.
          </p>
        </div>
        <Suspense fallback={null}>
          <PassageIndexNotice viewer={user} />
        </Suspense>
        <DocumentsChangesProvider>
          <UploadPanel languages={textSearchConfigs} />
          <Suspense fallback={<DocumentsSkeleton />}>
            <DocumentList viewer={user} />
          </Suspense>
        </DocumentsChangesProvider>
      </main>
    </>
  );
}

async function DocumentList({ viewer }: { viewer: SessionUser }) {
  const page = await listDocumentViews(viewer, { limit: DOCUMENTS_PAGE_SIZE });
  return <DocumentTable initial={page} />;
}
