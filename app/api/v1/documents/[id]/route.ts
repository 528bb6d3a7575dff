// GET /api/v1/documents/{id}: a document's status and ingestion progress; DELETE removes it with its passages.
import { getDocumentView, removeDocument } from '@/lib/ingest/manage';
import { documentView } from '@/lib/ingest/document-view';
import { route } from '@/lib/http/handler';

export const GET = route({ roles: ['ADMIN'], apiKeyScope: 'ingest' }, async ({ user, params }) =>
  Response.json(await getDocumentView(user!, String(params.id))),
);

export const DELETE = route({ roles: ['ADMIN'], apiKeyScope: 'ingest' }, async ({ user, params }) =>
  Response.json({ deleted: documentView(await removeDocument(user!, String(params.id))) }),
);
