// POST /api/v1/documents/{id}/reindex: retry a failed document, or ingest a ready one again.
import { documentView } from '@/lib/ingest/document-view';
import { reindexDocument } from '@/lib/ingest/manage';
import { route } from '@/lib/http/handler';

export const POST = route({ roles: ['ADMIN'], apiKeyScope: 'ingest' }, async ({ user, params }) =>
  Response.json(documentView(await reindexDocument(user!, String(params.id))), { status: 202 }),
);
