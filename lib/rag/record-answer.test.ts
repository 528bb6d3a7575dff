// The record of an answer waits for the answer: nothing it does (the name tagger over the question
// above all) runs before the generation has begun, where it would hold back the first words.
import { describe, expect, it, vi } from 'vitest';
import type { Generation } from '@/lib/ai/generation/generate';
import { redactForStorage } from '@/lib/security/pii';
import { recordAnswer, type AnswerRecord } from './record-answer';

vi.mock('@/lib/security/pii', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/security/pii')>();
  return { ...actual, redactForStorage: vi.fn(actual.redactForStorage) };
});
vi.mock('@/lib/db/query-logs', () => ({ createQueryLog: vi.fn(async () => ({ id: 'log-1' })) }));
vi.mock('./answer-audit', () => ({ auditAnswer: vi.fn(async () => {}) }));

describe('recordAnswer', () => {
  it('redacts the question only once the answer has ended', async () => {
    let fail!: (error: Error) => void;
    const generation = new Promise<Generation>((_, reject) => (fail = reject));
    const record = {
      input: { user: { id: 'u1' }, requestId: 'r1', route: 'api' },
      started: performance.now(),
      question: 'Why did Maria Schmidt call?',
      standalone: 'Why did Maria Schmidt call?',
      conversationId: null,
      sources: [],
      route: { tier: 'small', reason: 'short question → small' },
      primary: { id: 'local-extractive', provider: 'local', local: true },
      metadata: { requestId: 'r1', model: 'local-extractive', local: true },
      generation,
      cached: null,
      cacheRequest: {
        question: 'Why?',
        viewer: { userId: 'u1' },
        modelRoute: 'm',
        followUp: true,
        corpusVersion: 1,
      },
      suspicion: null,
      flags: {},
    } as unknown as AnswerRecord;
    vi.mocked(redactForStorage).mockClear();
    const finished = recordAnswer(record);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(redactForStorage).not.toHaveBeenCalled();
    fail(new Error('the model failed'));
    expect(await finished).toMatchObject({ status: 'ERROR', queryLogId: 'log-1' });
    expect(redactForStorage).toHaveBeenCalledWith('Why did Maria Schmidt call?');
  });
});
