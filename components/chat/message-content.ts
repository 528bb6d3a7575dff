// What the chat reads out of a message: its text and the passages an answer cites.
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import type { AnswerSource } from '@/lib/rag/sources';

export function messageText(message: ChatMessage, separator = '\n\n'): string {
  return message.parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join(separator);
}

/** The sources of an answer, in the order it cites them ([1] first). */
export function answerSources(message: ChatMessage): AnswerSource[] {
  const part = message.parts.findLast((p) => p.type === 'data-sources');
  return part ? [...part.data].sort((a, b) => a.n - b.n) : [];
}
