// POST /api/chat: the browser's front door (AI SDK UI message stream). The conversation lives on the
// server: the browser sends only the new question (or asks to regenerate the last answer).
import { z } from 'zod';
import { route } from '@/lib/http/handler';
import { ask } from '@/lib/rag/ask';
import { chatResponse } from '@/lib/rag/answer-stream';
import { conversationIdSchema } from '@/lib/rag/conversation-id';
import { questionSchema } from '@/lib/rag/question';

const textOf = (parts: Array<{ type: string; text?: unknown }>): unknown =>
  parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');

const chatBody = z.discriminatedUnion('trigger', [
  z.object({
    trigger: z.literal('submit-message'),
    id: conversationIdSchema,
    // The client's word that nothing comes before this question (lib/rag/answer-types.ts).
    opensConversation: z.boolean().optional(),
    message: z
      .object({
        role: z.literal('user', { error: 'The new message must be from the user.' }),
        parts: z.array(z.looseObject({ type: z.string(), text: z.unknown().optional() })).max(50),
      })
      .loose(),
  }),
  z.object({ trigger: z.literal('regenerate-message'), id: conversationIdSchema }),
]);

export const POST = route(
  { roles: ['USER', 'ADMIN', 'COMPLIANCE'], rateLimit: 'question', body: chatBody },
  async ({ request, requestId, user, body }) => {
    const question =
      body.trigger === 'submit-message' ? questionSchema.parse(textOf(body.message.parts)) : undefined;
    const run = await ask({
      question,
      regenerate: body.trigger === 'regenerate-message',
      requestId,
      route: 'chat',
      user: user!,
      conversationId: body.id,
      createConversation: true,
      opensConversation: body.trigger === 'submit-message' && body.opensConversation === true,
      abortSignal: request.signal,
    });
    return chatResponse(run);
  },
);
