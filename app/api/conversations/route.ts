// GET /api/conversations: the signed-in user's conversations, most recently active first.
import { z } from 'zod';
import { listConversations } from '@/lib/db/conversations';
import { route } from '@/lib/http/handler';
import { parseSearchParams } from '@/lib/http/search-params';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(64).optional(),
});

export const GET = route({ roles: ['USER', 'ADMIN', 'COMPLIANCE'] }, async ({ request, user }) =>
  Response.json(await listConversations(user!.id, parseSearchParams(request, listQuery))),
);
