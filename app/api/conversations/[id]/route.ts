// GET /api/conversations/{id}: one conversation with its messages; PATCH renames it; DELETE removes it.
// Another user's conversation is 404, as if it did not exist.
import { z } from 'zod';
import {
  deleteConversation,
  getConversationMessages,
  renameConversation,
  TITLE_MAX_CHARS,
} from '@/lib/db/conversations';
import { route } from '@/lib/http/handler';
import { conversationIdSchema } from '@/lib/rag/conversation-id';

const roles = ['USER', 'ADMIN', 'COMPLIANCE'] as const;
const idOf = (params: Record<string, string | string[]>) => conversationIdSchema.parse(params.id);

export const GET = route({ roles }, async ({ user, params }) =>
  Response.json(await getConversationMessages(user!.id, idOf(params))),
);

const renameBody = z
  .object({
    title: z
      .string({ error: 'title must be text.' })
      .trim()
      .min(1, 'title must not be empty.')
      .max(TITLE_MAX_CHARS, `title must be at most ${TITLE_MAX_CHARS} characters.`),
  })
  .strict();

export const PATCH = route({ roles, body: renameBody }, async ({ user, params, body }) =>
  Response.json(await renameConversation(user!.id, idOf(params), body.title)),
);

export const DELETE = route({ roles }, async ({ user, params }) => {
  await deleteConversation(user!.id, idOf(params));
  return new Response(null, { status: 204 });
});
