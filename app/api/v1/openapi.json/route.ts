// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, public and cacheable (rendered at /docs/api).
import { openApiDocument } from '@/lib/api/openapi';
import { route } from '@/lib/http/handler';

export const GET = route({}, async () =>
  Response.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } }),
);
