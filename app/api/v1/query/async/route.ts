// POST /api/v1/query/async: accept a question now (202), answer it on the job queue; poll GET /api/v1/query/{id}.
import { submitAsyncQuery } from '@/lib/api/async-query';
import { queryRequestSchema } from '@/lib/api/schemas';
import { assertServiceAvailable } from '@/lib/governance/kill-switch';
import { route } from '@/lib/http/handler';

export const POST = route(
  {
    roles: ['USER', 'ADMIN', 'COMPLIANCE'],
    apiKeyScope: 'query',
    rateLimit: 'question',
    body: queryRequestSchema,
  },
  async ({ requestId, user, apiKey, body }) => {
    // Paused: refused now (503), not accepted and failed later; the job's ask() checks again.
    await assertServiceAvailable();
    const accepted = await submitAsyncQuery({ user: user!, apiKeyId: apiKey?.id ?? null, requestId }, body);
    return Response.json(accepted, {
      status: 202,
      headers: { location: `/api/v1/query/${accepted.query_id}` },
    });
  },
);
