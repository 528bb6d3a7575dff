import type { UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import { AnswerInterruptedError, ChatRequestError, chatRequestBody, requireFinish } from './chat-transport';

const question: ChatMessage = {
  id: 'u1',
  role: 'user',
  parts: [{ type: 'text', text: 'How do I install it?' }],
};

async function drain(chunks: UIMessageChunk[]): Promise<UIMessageChunk[]> {
  const out: UIMessageChunk[] = [];
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  }).pipeThrough(requireFinish());
  for await (const chunk of stream) out.push(chunk);
  return out;
}

describe('chat requests', () => {
  it('sends only the new question', () => {
    const earlier: ChatMessage = { id: 'a0', role: 'assistant', parts: [{ type: 'text', text: 'Earlier' }] };
    expect(
      chatRequestBody({ id: 'conv-1', trigger: 'submit-message', messages: [earlier, question] }),
    ).toEqual({
      trigger: 'submit-message',
      id: 'conv-1',
      message: { role: 'user', parts: [{ type: 'text', text: 'How do I install it?' }] },
    });
  });

  it('says when the question opens its conversation: nothing before it', () => {
    expect(chatRequestBody({ id: 'conv-2', trigger: 'submit-message', messages: [question] })).toEqual({
      trigger: 'submit-message',
      id: 'conv-2',
      message: { role: 'user', parts: [{ type: 'text', text: 'How do I install it?' }] },
      opensConversation: true,
    });
  });

  it('asks to regenerate with the conversation id alone', () => {
    expect(chatRequestBody({ id: 'conv-1', trigger: 'regenerate-message', messages: [question] })).toEqual({
      trigger: 'regenerate-message',
      id: 'conv-1',
    });
  });

  it('keeps status, body and Retry-After of a refused request', async () => {
    const response = new Response('{"error":{"code":"rate_limited"}}', {
      status: 429,
      headers: { 'retry-after': '12' },
    });
    const error = await ChatRequestError.from(response);
    expect(error).toMatchObject({ statusCode: 429, retryAfterSeconds: 12 });
    expect(error.message).toBe('{"error":{"code":"rate_limited"}}');
  });
});

describe('answer streams', () => {
  it('pass a stream that ends with its finish chunk', async () => {
    const chunks: UIMessageChunk[] = [{ type: 'start' }, { type: 'finish' }];
    await expect(drain(chunks)).resolves.toEqual(chunks);
  });

  it('fail a stream that stops before its finish chunk', async () => {
    const chunks: UIMessageChunk[] = [
      { type: 'start' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Half an ans' },
    ];
    await expect(drain(chunks)).rejects.toBeInstanceOf(AnswerInterruptedError);
  });
});
