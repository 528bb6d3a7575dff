// How the chat talks to POST /api/chat. The conversation lives on the server, so a request carries
// only the new question (or asks to regenerate the last answer). A refused request becomes a
// ChatRequestError that keeps the status and Retry-After, and a stream that ends before its finish
// chunk (the connection dropped) becomes an AnswerInterruptedError, so the partial answer is
// marked incomplete instead of passing for a whole one.
import { DefaultChatTransport, type UIMessageChunk } from 'ai';
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import { parseRetryAfter } from './retry-after';

/** The API refused the request: `message` is the response body (our JSON error shape, usually). */
export class ChatRequestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly responseBody: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(responseBody || `Request failed with status ${statusCode}`);
    this.name = 'ChatRequestError';
  }

  static async from(response: Response): Promise<ChatRequestError> {
    const body = await response.text().catch(() => '');
    return new ChatRequestError(response.status, body, parseRetryAfter(response.headers.get('retry-after')));
  }
}

/** The answer stream ended without its finish chunk: the connection was lost part-way. */
export class AnswerInterruptedError extends Error {
  constructor() {
    super('The connection was lost before the answer was complete.');
    this.name = 'AnswerInterruptedError';
  }
}

type RequestInput = {
  id: string;
  messages: ChatMessage[];
  trigger: 'submit-message' | 'regenerate-message';
};

/**
 * The body /api/chat expects: the new question alone, or a request to answer the last one again. A
 * question with nothing before it opens its conversation, and says so: the server then looks it up
 * in the answer cache while it opens the conversation.
 */
export function chatRequestBody({ id, messages, trigger }: RequestInput): object {
  if (trigger === 'regenerate-message') return { trigger, id };
  const last = messages.at(-1);
  if (!last || last.role !== 'user') throw new Error('The last message must be the question to send.');
  const parts = last.parts.flatMap((part) =>
    part.type === 'text' ? [{ type: 'text', text: part.text }] : [],
  );
  return {
    trigger,
    id,
    message: { role: 'user', parts },
    ...(messages.length === 1 && { opensConversation: true }),
  };
}

/** Passes chunks on; errors the stream when it closes without a finish (or error/abort) chunk. */
export function requireFinish(): TransformStream<UIMessageChunk, UIMessageChunk> {
  let ended = false;
  return new TransformStream({
    transform(chunk, controller) {
      if (chunk.type === 'finish' || chunk.type === 'error' || chunk.type === 'abort') ended = true;
      controller.enqueue(chunk);
    },
    flush(controller) {
      if (!ended) controller.error(new AnswerInterruptedError());
    },
  });
}

async function fetchChat(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (!response.ok) throw await ChatRequestError.from(response);
  return response;
}

class ConversationTransport extends DefaultChatTransport<ChatMessage> {
  protected override processResponseStream(
    stream: ReadableStream<Uint8Array>,
  ): ReadableStream<UIMessageChunk> {
    return super.processResponseStream(stream).pipeThrough(requireFinish());
  }
}

export const chatTransport = new ConversationTransport({
  api: '/api/chat',
  fetch: fetchChat,
  prepareSendMessagesRequest: (options) => ({ body: chatRequestBody(options) }),
});
