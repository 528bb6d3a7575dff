// GET /api/keys: the caller's API keys (`?all=1`: everyone's, for admins). POST: create one; the key
// is in this response only. Sessions only: an API key cannot mint keys.
import { z } from 'zod';
import { expiryFromDays, newApiKeySchema } from '@/lib/auth/api-keys';
import { createApiKey, listAllApiKeys, listOwnApiKeys } from '@/lib/db/api-keys';
import { route } from '@/lib/http/handler';
import { parseSearchParams } from '@/lib/http/search-params';

const roles = ['USER', 'ADMIN', 'COMPLIANCE'] as const;

const listQuery = z.object({ all: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional() });

export const GET = route({ roles }, async ({ request, user }) => {
  const { all } = parseSearchParams(request, listQuery);
  const apiKeys = all === '1' ? await listAllApiKeys(user) : await listOwnApiKeys(user!);
  return Response.json({ apiKeys }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = route({ roles, body: newApiKeySchema }, async ({ user, body }) => {
  const { key, view } = await createApiKey({
    user: user!,
    name: body.name,
    scopes: body.scopes,
    expiresAt: expiryFromDays(body.expiresInDays),
  });
  return Response.json({ key, apiKey: view }, { status: 201, headers: { 'cache-control': 'no-store' } });
});
