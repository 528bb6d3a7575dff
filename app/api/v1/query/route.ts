// POST /api/v1/query: ask a question, get the whole answer with its sources and usage as JSON.
import { answerQuery } from '@/lib/api/query';
import { queryRequestSchema } from '@/lib/api/schemas';
import { route } from '@/lib/http/handler';

export const POST = route(
  {
    roles: ['USER', 'ADMIN', 'COMPLIANCE'],
    apiKeyScope: 'query',
    rateLimit: 'question',
    body: queryRequestSchema,
  },
  async ({ request, requestId, user, apiKey, body }) =>
    Response.json(
      await answerQuery(
        { user: user!, apiKeyId: apiKey?.id ?? null, requestId },
        body,
        'api',
        request.signal,
      ),
    ),
);
