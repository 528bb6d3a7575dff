// POST /api/chat: the browser's front door (AI SDK UI message stream).
import { z } from 'zod';
import { limits } from '@/lib/config';
import { AppError, describeZodError } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { questionSchema } from '@/lib/rag/question';
import { streamAnswer } from '@/lib/rag/answer-stream';

const chatBody = z.object({
  id: z.string().max(200).optional(),
  messages: z
    .array(
      z
        .object({
          role: z.enum(['user', 'assistant', 'system']),
          parts: z.array(z.looseObject({ type: z.string() })),
        })
        .loose(),
    )
    .min(1, 'messages must not be empty')
    .max(limits.chatHistoryMaxMessages, `at most ${limits.chatHistoryMaxMessages} messages`),
});

function lastUserText(messages: z.infer<typeof chatBody>['messages']): unknown {
  const last = messages.at(-1);
  if (last?.role !== 'user')
    throw new AppError('validation_failed', 'The last message must be from the user.');
  return last.parts
    .filter((part) => part.type === 'text')
    .map((part) => (part as { text?: unknown }).text)
    .join('');
}

export const POST = route(
  { roles: ['USER', 'ADMIN', 'COMPLIANCE'], body: chatBody },
  async ({ request, requestId, user, body }) => {
    const parsed = questionSchema.safeParse(lastUserText(body.messages));
    if (!parsed.success) throw new AppError('validation_failed', describeZodError(parsed.error));
    return streamAnswer({
      question: parsed.data,
      requestId,
      userId: user?.id ?? null,
      route: 'chat',
      abortSignal: request.signal,
    });
  },
);
