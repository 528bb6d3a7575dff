// GET /api/v1/query/{id}: an async query's status and, once answered, the same body as POST /api/v1/query.
import { readAsyncQuery } from '@/lib/api/async-query';
import { route } from '@/lib/http/handler';
import { AppError } from '@/lib/http/errors';

export const GET = route(
  { roles: ['USER', 'ADMIN', 'COMPLIANCE'], apiKeyScope: 'query' },
  async ({ requestId, user, apiKey, params }) => {
    const id = params.id;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
      throw new AppError('not_found', 'Query not found.');
    const status = await readAsyncQuery({ user: user!, apiKeyId: apiKey?.id ?? null, requestId }, id);
    return Response.json(status, { headers: { 'cache-control': 'no-store' } });
  },
);
