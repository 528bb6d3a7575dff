// POST /api/v1/documents: upload files (multipart) to be ingested; GET: the documents, newest first.
import { z } from 'zod';
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

const listQuery = z.object({
  status: z.enum(['queued', 'parsing', 'embedding', 'ready', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});

export const GET = route({ roles: ['ADMIN'], apiKeyScope: 'ingest' }, async ({ request, user }) => {
  const query = parseSearchParams(request, listQuery);
  return Response.json(await listDocumentViews(user!, query));
});
