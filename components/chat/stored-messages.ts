// A resumed conversation: messages as the server stored them, turned into the messages useChat holds
// (text, the cited sources as a `data-sources` part, and the answer's metadata).
import type { AnswerMetadata, ChatMessage, StoredChatMessage } from '@/lib/rag/answer-metadata';

/** What this needs of a stored message (lib/db/conversations.ts StoredMessage). */
export type StoredMessageLike = StoredChatMessage;

export function toChatMessage(stored: StoredMessageLike): ChatMessage {
  if (stored.role === 'user') {
    return { id: stored.id, role: 'user', parts: [{ type: 'text', text: stored.content }] };
  }
  const { requestId = '', model = '', local = false, ...rest } = stored.metadata;
  const metadata: AnswerMetadata = { ...rest, requestId, model, local };
  const queryLogId = stored.queryLogId ?? stored.metadata.queryLogId;
  if (queryLogId) metadata.queryLogId = queryLogId;
  return {
    id: stored.id,
    role: 'assistant',
    metadata,
    parts: [
      { type: 'data-sources', data: stored.sources },
      ...(stored.content ? [{ type: 'text' as const, text: stored.content, state: 'done' as const }] : []),
    ],
  };
}

export function toChatMessages(stored: readonly StoredMessageLike[]): ChatMessage[] {
  return stored.map(toChatMessage);
}
