import { describe, expect, it } from 'vitest';
import type { AnswerSource } from '@/lib/rag/sources';
import { answerSources, messageText } from './message-content';
import { toChatMessages } from './stored-messages';

const source = (n: number): AnswerSource => ({
  n,
  chunkId: `c${n}`,
  documentId: `d${n}`,
  title: `Doc ${n}`,
  source: `doc-${n}.md`,
  label: `doc-${n}.md › Setup`,
  headingPath: 'Setup',
  page: null,
  score: 0.5 / n,
  text: `Passage ${n}`,
});

describe('stored messages in the chat', () => {
  const [question, answer] = toChatMessages([
    {
      id: 'm1',
      role: 'user',
      content: 'How do I set it up?',
      sources: [],
      metadata: {},
      queryLogId: null,
    },
    {
      id: 'm2',
      role: 'assistant',
      content: 'Run the installer [1] then configure it [2].',
      sources: [source(2), source(1)],
      metadata: {
        requestId: 'req-9',
        model: 'local-extractive',
        local: true,
        lowConfidence: true,
        feedback: { rating: -1, comment: 'Too short' },
      },
      queryLogId: 'log-7',
    },
  ]);

  it('keeps a question as its text', () => {
    expect(question).toEqual({
      id: 'm1',
      role: 'user',
      parts: [{ type: 'text', text: 'How do I set it up?' }],
    });
  });

  it('gives an answer its text, its sources in citation order and its metadata with the query log', () => {
    expect(messageText(answer!)).toBe('Run the installer [1] then configure it [2].');
    expect(answerSources(answer!).map((s) => s.n)).toEqual([1, 2]);
    expect(answer!.metadata).toEqual({
      requestId: 'req-9',
      model: 'local-extractive',
      local: true,
      lowConfidence: true,
      feedback: { rating: -1, comment: 'Too short' },
      queryLogId: 'log-7',
    });
  });

  it('fills the required metadata of an answer stored without it', () => {
    const [bare] = toChatMessages([
      { id: 'm3', role: 'assistant', content: '', sources: [], metadata: {}, queryLogId: null },
    ]);
    expect(bare!.metadata).toEqual({ requestId: '', model: '', local: false });
    expect(messageText(bare!)).toBe('');
  });
});
