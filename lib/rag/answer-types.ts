// The shapes of the answer path (lib/rag/ask.ts): what a door asks, what it gets back while the
// answer streams, and what is known once it has ended.
import type { Generation } from '@/lib/ai/generation/generate';
import type { ModelTier, Route } from '@/lib/ai/routing';
import type { AnswerMetadata } from './answer-metadata';
import type { Confidence } from './confidence';
import type { RetrievalFilters } from './retrieve';
import type { AnswerSource } from './sources';

/** The door a question came in by, recorded on its query-log row. */
export type AnswerRoute = 'chat' | 'api' | 'api-stream' | 'api-async';

export type AskInput = {
  /** The question, validated (lib/rag/question.ts). Omitted with `regenerate`. */
  question?: string;
  /** Answer the conversation's last question again, replacing the answers given to it. */
  regenerate?: boolean;
  requestId: string;
  route: AnswerRoute;
  user: { id: string };
  apiKeyId?: string | null;
  /** Continue this conversation of the user's (404 when it is not theirs). */
  conversationId?: string | null;
  /** Create the conversation when no conversation has this id yet (the chat names new ones itself). */
  createConversation?: boolean;
  /**
   * The client says this question opens its conversation (the chat's first question). The answer
   * cache is then looked up while the conversation is opened, and the result used only if the
   * conversation had no earlier turns: a wrong claim costs a lookup, never a wrong answer.
   */
  opensConversation?: boolean;
  maxOutputTokens?: number;
  temperature?: number;
  /** A per-user choice of model size that wins over routing (a setting or a feature flag). */
  modelTier?: ModelTier | null;
  filters?: RetrievalFilters;
  abortSignal?: AbortSignal;
};

export type AnswerOutcome = {
  queryLogId: string | null;
  /** What the caller is given: the model's answer, or NO_RELIABLE_ANSWER when it was withheld. */
  answer: string;
  sources: AnswerSource[];
  metadata: AnswerMetadata;
  model: string;
  provider: string;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  latencyMs: number;
  ttftMs: number | null;
  status: 'OK' | 'DEGRADED' | 'ERROR';
  /** client_aborted when the caller went away or pressed Stop; generation_failed otherwise. */
  errorCode: string | null;
  confidence: Confidence | null;
};

export type AnswerRun = {
  question: string;
  /** What retrieval searched for: the question, or its standalone rewrite for a follow-up. */
  standaloneQuestion: string;
  conversationId: string | null;
  route: Route;
  /** Milliseconds spent before generation, by stage (conversation, condense, retrieve): Server-Timing. */
  timings: Record<string, number>;
  sources: AnswerSource[];
  metadata: AnswerMetadata;
  /**
   * The model's answer once its first token is in (after retries and fallbacks). A door reads its
   * `stream` exactly once. Rejects only when the caller went away first.
   */
  generation: Promise<Generation>;
  /** Settles when the answer has ended (complete, stopped or failed) and is recorded. Never rejects. */
  finished: Promise<AnswerOutcome>;
};
