// [FAIL] Retrieval that fails while a chat question is being answered: the question stays in the
// conversation (as it does when answered), the query log records the failure, and the caller gets
// the error, not an answer.
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { db } from '../../lib/db/client';
import { getConversationMessages } from '../../lib/db/conversations';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { ask } from '../../lib/rag/ask';

vi.mock('../../lib/rag/retrieve', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/rag/retrieve')>()),
  retrievePassages: vi.fn(async () => {
    throw new Error('the passage search failed');
  }),
}));

// The question's write is held back a moment, so the test fails unless ask() waits for it before
// giving up on the question (the write starts before retrieval and would otherwise win the race).
vi.mock('../../lib/db/conversations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/db/conversations')>();
  return {
    ...actual,
    addUserMessage: vi.fn(async (...args: Parameters<typeof actual.addUserMessage>) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return actual.addUserMessage(...args);
    }),
  };
});

describe(`[FAIL] retrieval fails mid-question on ${inject('database')}`, () => {
  let user: SessionUser;

  beforeAll(async () => {
    user = await upsertUser({ email: 'retrieval-fails@example.test', role: 'USER', passwordHash: 'x' });
  });

  it('keeps the question in the conversation and logs the failure', async () => {
    const question = 'Which refund window applies to annual plans bought in March?';
    const error = await ask({
      question,
      requestId: 'req-retrieval-fails',
      route: 'chat',
      user,
      conversationId: 'conv-retrieval-fails',
      createConversation: true,
    }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('the passage search failed');

    const { messages } = await getConversationMessages(user.id, 'conv-retrieval-fails');
    expect(messages.map((m) => [m.role, m.content])).toEqual([['user', question]]);
    const log = await db().queryLog.findFirstOrThrow({ where: { requestId: 'req-retrieval-fails' } });
    expect(log).toMatchObject({
      status: 'ERROR',
      errorCode: 'retrieval_failed',
      conversationId: 'conv-retrieval-fails',
      userId: user.id,
    });
  });
});
