// POST /api/v1/query/stream: the answer as Server-Sent Events (works with `curl -N`).
import { sseResponse, startApiAnswer } from '@/lib/api/query';
import { queryRequestSchema } from '@/lib/api/schemas';
import { route } from '@/lib/http/handler';

export const POST = route(
  {
    roles: ['USER', 'ADMIN', 'COMPLIANCE'],
    apiKeyScope: 'query',
    rateLimit: 'question',
    body: queryRequestSchema,
  },
  async ({ request, requestId, user, apiKey, body }) => {
    // Generation stops when the client disconnects, whichever way the runtime reports it.
    const stop = new AbortController();
    const run = await startApiAnswer(
      { user: user!, apiKeyId: apiKey?.id ?? null, requestId },
      body,
      'api-stream',
      AbortSignal.any([request.signal, stop.signal]),
    );
    return sseResponse(run, () => stop.abort());
  },
);
