// POST /api/v1/documents: upload files (multipart) to be ingested; GET: the documents, newest first.
import { listDocumentsQuerySchema } from '@/lib/api/document-schemas';
import { listDocumentViews } from '@/lib/ingest/manage';
import { documentView } from '@/lib/ingest/document-view';
import { readUpload, submitUpload } from '@/lib/ingest/upload';
import { route } from '@/lib/http/handler';
import { parseSearchParams } from '@/lib/http/search-params';

export const POST = route({ roles: ['ADMIN'], apiKeyScope: 'ingest' }, async ({ request, user }) => {
  const results = await submitUpload(user!, await readUpload(request));
  return Response.json(
    { documents: results.map(({ document, unchanged }) => ({ ...documentView(document), unchanged })) },
    { status: 202 },
  );
});

export const GET = route({ roles: ['ADMIN'], apiKeyScope: 'ingest' }, async ({ request, user }) => {
  const query = parseSearchParams(request, listDocumentsQuerySchema);
  return Response.json(await listDocumentViews(user!, query));
});
