// The one answer path every door uses (chat, /api/v1/query, /stream, /async): conversation context,
// retrieval, the grounded prompt, the streamed model call, and the record of the answer (query log,
// conversation messages). Doors differ only in how they deliver `run.result` to the caller.
import 'server-only';
import { generateText, streamText } from 'ai';
import { costUsd } from '@/lib/ai/cost';
import { getModels, type ChatModelInfo } from '@/lib/ai/models';
import { answers } from '@/lib/config';
import {
  addAssistantMessage,
  addUserMessage,
  getConversation,
  openConversation,
  recentTurns,
  rewindToLastQuestion,
} from '@/lib/db/conversations';
import { createQueryLog } from '@/lib/db/query-logs';
import { AppError } from '@/lib/http/errors';
import { log } from '@/lib/observability/logger';
import type { AnswerMetadata, Turn } from './answer-metadata';
import { CONDENSE_INSTRUCTIONS, condensePrompt, rewriteFollowUp, turnsWithinBudget } from './follow-up';
import { buildPrompt } from './prompt';
import { retrievePassages, type RetrievalFilters } from './retrieve';
import { toAnswerSource, withoutText, type AnswerSource } from './sources';

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
  maxOutputTokens?: number;
  temperature?: number;
  filters?: RetrievalFilters;
  abortSignal?: AbortSignal;
};

export type AnswerOutcome = {
  queryLogId: string | null;
  answer: string;
  sources: AnswerSource[];
  metadata: AnswerMetadata;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  latencyMs: number;
  ttftMs: number | null;
  status: 'OK' | 'ERROR';
  /** client_aborted when the caller went away or pressed Stop; generation_failed otherwise. */
  errorCode: string | null;
};

export type AnswerRun = {
  question: string;
  /** What retrieval searched for: the question, or its standalone rewrite for a follow-up. */
  standaloneQuestion: string;
  conversationId: string | null;
  model: { id: string; local: boolean };
  sources: AnswerSource[];
  metadata: AnswerMetadata;
  /** The model's streamed answer. A door consumes one of its streams (`stream` or `textStream`). */
  result: ReturnType<typeof streamText>;
  /** Settles when the answer has ended (complete, stopped or failed) and is recorded. Never rejects. */
  finished: Promise<AnswerOutcome>;
};

async function standaloneQuestion(
  question: string,
  history: Turn[],
  chat: ChatModelInfo,
  abortSignal?: AbortSignal,
): Promise<string> {
  if (!history.some((turn) => turn.role === 'user')) return question;
  if (chat.local) return rewriteFollowUp(question, history);
  try {
    const { text } = await generateText({
      model: chat.model,
      instructions: CONDENSE_INSTRUCTIONS,
      prompt: condensePrompt(question, turnsWithinBudget(history, answers.historyTokenBudget)),
      maxOutputTokens: answers.condenseMaxTokens,
      temperature: 0,
      abortSignal,
    });
    return text.trim() || rewriteFollowUp(question, history);
  } catch (error) {
    if (abortSignal?.aborted) throw error;
    log().warn({ err: error }, 'condensing a follow-up failed; using the deterministic rewrite');
    return rewriteFollowUp(question, history);
  }
}

/** The conversation's context for this question, persisting the question (or rewinding for regenerate). */
async function conversationContext(input: AskInput): Promise<{ question: string; history: Turn[] }> {
  if (!input.conversationId) {
    if (input.regenerate || input.question === undefined)
      throw new AppError('validation_failed', 'Regenerate needs a conversation.');
    return { question: input.question, history: [] };
  }
  const userId = input.user.id;
  if (input.regenerate) {
    await getConversation(userId, input.conversationId);
    const question = await rewindToLastQuestion(input.conversationId);
    if (question === null)
      throw new AppError('validation_failed', 'This conversation has no question to answer again.');
    const turns = await recentTurns(input.conversationId, answers.historyMessages + 1);
    return { question, history: turns.slice(0, -1) };
  }
  if (input.question === undefined) throw new AppError('validation_failed', 'A question is required.');
  if (input.createConversation) await openConversation(userId, input.conversationId, input.question);
  else await getConversation(userId, input.conversationId);
  const history = await recentTurns(input.conversationId, answers.historyMessages);
  await addUserMessage(input.conversationId, input.question);
  return { question: input.question, history };
}

/**
 * Starts answering: throws (an AppError, before anything streams) for an unknown conversation; a
 * failure of retrieval is recorded on the query log and rethrown. Everything after that point is
 * reported through `finished`.
 */
export async function ask(input: AskInput): Promise<AnswerRun> {
  const started = performance.now();
  const { chat } = getModels();
  const { question, history } = await conversationContext(input);
  const conversationId = input.conversationId ?? null;
  const baseLog = {
    requestId: input.requestId,
    userId: input.user.id,
    apiKeyId: input.apiKeyId ?? null,
    conversationId,
    route: input.route,
    question,
    model: chat.id,
  };

  let standalone = question;
  let sources: AnswerSource[];
  try {
    standalone = await standaloneQuestion(question, history, chat, input.abortSignal);
    const { passages } = await retrievePassages({
      question: standalone,
      viewer: { userId: input.user.id },
      filters: input.filters,
    });
    sources = passages.map(toAnswerSource);
  } catch (error) {
    const aborted = input.abortSignal?.aborted === true;
    await createQueryLog({
      ...baseLog,
      latencyMs: Math.round(performance.now() - started),
      status: 'ERROR',
      errorCode: aborted ? 'client_aborted' : 'retrieval_failed',
    }).catch((logError: unknown) => log().error({ err: logError }, 'could not write query log'));
    throw error;
  }

  const { system, prompt } = buildPrompt({
    // The local model cannot read the conversation; it answers the standalone question instead.
    question: chat.local ? standalone : question,
    passages: sources.map(({ n, title, headingPath, text }) => ({ n, title, headingPath, text })),
    history: chat.local ? [] : turnsWithinBudget(history, answers.historyTokenBudget),
  });

  const metadata: AnswerMetadata = { requestId: input.requestId, model: chat.id, local: chat.local };
  let firstTokenAt: number | undefined;
  let partial = '';
  const result = streamText({
    model: chat.model,
    instructions: system,
    prompt,
    maxOutputTokens: input.maxOutputTokens ?? answers.defaultMaxTokens,
    temperature: input.temperature ?? answers.defaultTemperature,
    abortSignal: input.abortSignal,
    onChunk: ({ chunk }) => {
      if (chunk.type !== 'text-delta') return;
      firstTokenAt ??= performance.now();
      partial += chunk.text;
    },
  });

  const finished = (async (): Promise<AnswerOutcome> => {
    let status: 'OK' | 'ERROR' = 'OK';
    let errorCode: string | null = null;
    let answer = '';
    let tokensIn = 0;
    let tokensOut = 0;
    try {
      const [text, usage] = await Promise.all([result.text, result.usage]);
      answer = text;
      tokensIn = usage.inputTokens ?? 0;
      tokensOut = usage.outputTokens ?? 0;
    } catch (error) {
      status = 'ERROR';
      answer = partial;
      const aborted = input.abortSignal?.aborted === true;
      errorCode = aborted ? 'client_aborted' : 'generation_failed';
      if (!aborted) log().error({ err: error }, 'answer generation failed');
    }
    const cost = costUsd(chat.id, tokensIn, tokensOut);
    const latencyMs = Math.round(performance.now() - started);
    const ttftMs = firstTokenAt === undefined ? null : Math.round(firstTokenAt - started);
    const outcomeMetadata: AnswerMetadata = {
      ...metadata,
      ...(errorCode === 'client_aborted' && { stopped: true }),
    };

    let queryLogId: string | null = null;
    try {
      ({ id: queryLogId } = await createQueryLog({
        ...baseLog,
        answer,
        sources: withoutText(sources),
        tokensIn,
        tokensOut,
        costUsd: cost,
        latencyMs,
        ttftMs,
        status,
        errorCode,
      }));
    } catch (error) {
      log().error({ err: error }, 'could not write query log');
    }
    if (queryLogId) outcomeMetadata.queryLogId = queryLogId;

    // A failed answer with nothing written leaves the question unanswered, ready to regenerate.
    if (conversationId && (status === 'OK' || answer)) {
      await addAssistantMessage({
        conversationId,
        content: answer,
        sources,
        metadata: outcomeMetadata,
        queryLogId,
      }).catch((error: unknown) =>
        log().error({ err: error }, 'could not store the answer in its conversation'),
      );
    }
    return {
      queryLogId,
      answer,
      sources,
      metadata: outcomeMetadata,
      tokensIn,
      tokensOut,
      costUsd: cost,
      latencyMs,
      ttftMs,
      status,
      errorCode,
    };
  })();

  return {
    question,
    standaloneQuestion: standalone,
    conversationId,
    model: { id: chat.id, local: chat.local },
    sources,
    metadata,
    result,
    finished,
  };
}

/** Reads the whole answer (for doors that answer in one piece) and returns its recorded outcome. */
export async function completeAnswer(run: AnswerRun): Promise<AnswerOutcome> {
  try {
    await run.result.consumeStream();
  } catch {
    // The outcome records the failure.
  }
  return run.finished;
}
