// GET /api/documents/{id}/file: the original file of a cited document (?download=1 to save it).
import { route } from '@/lib/http/handler';
import { documentFileResponse } from '@/lib/ingest/document-file';

export const GET = route({ roles: ['USER', 'ADMIN', 'COMPLIANCE'] }, async ({ request, user, params }) =>
  documentFileResponse(user!, String(params.id), new URL(request.url).searchParams.get('download') === '1'),
);
