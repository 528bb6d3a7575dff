// What travels with an answer besides its text: shown by the chat, stored on the assistant message.
// Shared by server and browser code.
import type { UIMessage } from 'ai';
import type { HighRiskTopic } from '@/lib/review/high-risk';
import type { Explanation } from './confidence';
import type { AnswerSource } from './sources';

export type AnswerMetadata = {
  requestId: string;
  /** Model id that wrote the answer. */
  model: string;
  /** True for the built-in local model. */
  local: boolean;
  /** The query-log row of this answer, which feedback is recorded on. Set when the answer is complete. */
  queryLogId?: string;
  /** The asker stopped the answer before it was complete. */
  stopped?: boolean;
  /** Every chosen model failed: the built-in extractive answerer answered from the passages. */
  degraded?: boolean;
  /** 0..1: how well the passages support the answer (lib/rag/confidence.ts). */
  confidence?: number;
  /** Between the thresholds: shown with a note, and queued for review. */
  lowConfidence?: boolean;
  /** Below the answer threshold: the chat shows NO_RELIABLE_ANSWER and the closest sources instead. */
  withheld?: boolean;
  /** The question touches a high-risk topic (config review.highRiskTopics): a person must decide; queued for review. */
  highRisk?: HighRiskTopic;
  /** Why this answer: summary, oversight and the key factors. */
  explanation?: Explanation;
  /** The asker's rating, once given. */
  feedback?: { rating: 1 | -1; comment: string | null } | null;
};

export type Turn = { role: 'user' | 'assistant'; content: string };

/** What the user reads instead of an answer whose confidence is below `confidence.answer`. */
export const NO_RELIABLE_ANSWER =
  'I could not find a reliable answer in the documents. The closest passages are listed below.';

/**
 * A chat message as the browser holds it (AI SDK UI message): text parts, one `data-sources` part
 * with the cited passages, and AnswerMetadata.
 */
export type ChatDataParts = { sources: AnswerSource[] };

export type ChatMessage = UIMessage<AnswerMetadata, ChatDataParts>;

/** A message of a conversation as stored (lib/db/conversations.ts), which the chat turns back into a ChatMessage. */
export type StoredChatMessage = {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  sources: AnswerSource[];
  metadata: Partial<AnswerMetadata>;
  queryLogId: string | null;
};
