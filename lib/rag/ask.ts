// The one answer path every door uses (chat, /api/v1/query, /stream, /async): conversation context,
// retrieval, the grounded prompt, the streamed model call, and the record of the answer (query log,
// conversation messages). Doors differ only in how they deliver `run.result` to the caller.
import 'server-only';
import { generateText } from 'ai';
import { costUsd } from '@/lib/ai/cost';
import {
  generate,
  replayGeneration,
  type Generation,
  type GenerationAttempt,
  type ModelRef,
} from '@/lib/ai/generation/generate';
import { createLocalChatModel } from '@/lib/ai/local/extractive-model';
import { getModels, type ChatModelInfo } from '@/lib/ai/models';
import { routeQuestion, type ModelTier, type Route } from '@/lib/ai/routing';
import { countTokens } from '@/lib/ai/tokens';
import {
  lookupCachedAnswer,
  storeCachedAnswer,
  type AnswerCacheRequest,
  type CachedAnswer,
} from '@/lib/cache/answer-cache';
import { answers } from '@/lib/config';
import { getCorpusVersion } from '@/lib/db/corpus';
import {
  addAssistantMessage,
  addUserMessage,
  getConversation,
  openConversation,
  recentTurns,
  rewindToLastQuestion,
} from '@/lib/db/conversations';
import { createQueryLog } from '@/lib/db/query-logs';
import { createReviewItem } from '@/lib/db/review-items';
import { AppError } from '@/lib/http/errors';
import { log } from '@/lib/observability/logger';
import type { AnswerMetadata, Turn } from './answer-metadata';
import { assessConfidence, explain, NO_RELIABLE_ANSWER, type Confidence } from './confidence';
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

let lastResortModel: ChatModelInfo | undefined;

/** The built-in extractive answerer, the last resort after every provider model failed. */
function lastResort(): ChatModelInfo {
  const model = createLocalChatModel();
  lastResortModel ??= { model, id: model.modelId, local: true, provider: 'local' };
  return lastResortModel;
}

/** The passages that fit the prompt's context budget (o200k tokens), best first; at least one. */
function withinContextBudget(sources: AnswerSource[]): AnswerSource[] {
  const kept: AnswerSource[] = [];
  let used = 0;
  for (const source of sources) {
    const tokens = countTokens(source.text) + 20;
    if (kept.length > 0 && used + tokens > answers.contextTokenBudget) break;
    used += tokens;
    kept.push(source);
  }
  return kept;
}

const describeFallback = (attempts: GenerationAttempt[], degraded: boolean): string | null => {
  const failed = attempts.filter((attempt) => attempt.outcome !== 'ok');
  if (failed.length === 0) return null;
  const tried = failed.map((attempt) => `${attempt.model} ${attempt.outcome}`).join(', ');
  return degraded
    ? `every model failed (${tried}): extractive answer`
    : `retried or fell back after ${tried}`;
};

/**
 * Starts answering: throws (an AppError, before anything streams) for an unknown conversation; a
 * failure of retrieval is recorded on the query log and rethrown. Everything after that point is
 * reported through `generation` and `finished`.
 */
export async function ask(input: AskInput): Promise<AnswerRun> {
  const started = performance.now();
  const models = getModels();
  const timings: Record<string, number> = {};
  const lap = (() => {
    let last = started;
    return (stage: string) => {
      const now = performance.now();
      timings[stage] = Math.round((now - last) * 10) / 10;
      last = now;
    };
  })();
  const { question, history } = await conversationContext(input);
  lap('conversation');
  const conversationId = input.conversationId ?? null;
  const baseLog = {
    requestId: input.requestId,
    userId: input.user.id,
    apiKeyId: input.apiKeyId ?? null,
    conversationId,
    route: input.route,
    question,
  };

  const turns = turnsWithinBudget(history, answers.historyTokenBudget);
  let standalone = question;
  let sources: AnswerSource[];
  let cacheRequest: AnswerCacheRequest;
  let cached: CachedAnswer | null = null;
  try {
    // The cache is keyed by the route the question alone earns; retrieval may still move it up.
    const questionRoute = routeQuestion({
      question,
      contextTokens: 0,
      historyTurns: turns.length,
      override: input.modelTier ?? null,
    });
    const routeModel = questionRoute.tier === 'large' ? models.chatLarge : models.chat;
    cacheRequest = {
      question,
      viewer: { userId: input.user.id },
      filters: input.filters,
      modelRoute: routeModel.local ? routeModel.id : `${questionRoute.tier}:${routeModel.id}`,
      followUp: history.some((turn) => turn.role === 'user'),
      corpusVersion: await getCorpusVersion(),
    };
    cached = input.regenerate ? null : await lookupCachedAnswer(cacheRequest);
    lap('cache');
    if (cached) sources = cached.sources;
    else {
      standalone = await standaloneQuestion(question, history, models.chat, input.abortSignal);
      lap('condense');
      const { passages } = await retrievePassages({
        question: standalone,
        viewer: { userId: input.user.id },
        filters: input.filters,
      });
      sources = withinContextBudget(passages.map(toAnswerSource));
      lap('retrieve');
    }
  } catch (error) {
    const aborted = input.abortSignal?.aborted === true;
    await createQueryLog({
      ...baseLog,
      model: models.chat.id,
      provider: models.chat.provider,
      latencyMs: Math.round(performance.now() - started),
      status: 'ERROR',
      errorCode: aborted ? 'client_aborted' : 'retrieval_failed',
    }).catch((logError: unknown) => log().error({ err: logError }, 'could not write query log'));
    throw error;
  }

  const routed = routeQuestion({
    question,
    contextTokens: sources.reduce((sum, source) => sum + countTokens(source.text), 0),
    historyTurns: turns.length,
    override: input.modelTier ?? null,
  });
  const route: Route = cached
    ? { tier: routed.tier, reason: `answered from the cache (${cached.kind} match)` }
    : routed;
  const primary = route.tier === 'large' ? models.chatLarge : models.chat;
  const chain = [primary, ...models.chatFallbacks.filter((model) => model.id !== primary.id)];
  const passages = sources.map(({ n, title, headingPath, text }) => ({ n, title, headingPath, text }));
  // The built-in model cannot read the conversation: it answers the standalone question instead.
  const prompt = primary.local
    ? buildPrompt({ question: standalone, passages })
    : buildPrompt({ question, passages, history: turns });
  const lastResortPrompt = primary.local ? null : buildPrompt({ question: standalone, passages }).prompt;

  const metadata: AnswerMetadata = { requestId: input.requestId, model: primary.id, local: primary.local };
  const generation = cached
    ? Promise.resolve(
        replayGeneration(
          {
            id: cached.model,
            provider: 'cache',
            local: cached.model === models.chat.id && models.chat.local,
          },
          cached.answer,
        ),
      )
    : generate({
        chain,
        lastResort: primary.local ? null : { model: lastResort(), prompt: lastResortPrompt! },
        system: prompt.system,
        prompt: prompt.prompt,
        maxOutputTokens: input.maxOutputTokens ?? answers.defaultMaxTokens,
        temperature: input.temperature ?? answers.defaultTemperature,
        abortSignal: input.abortSignal,
      });
  generation.catch(() => {});

  const finished = (async (): Promise<AnswerOutcome> => {
    let status: AnswerOutcome['status'] = 'OK';
    let errorCode: string | null = null;
    let modelAnswer = '';
    let tokensIn = 0;
    let tokensOut = 0;
    let tokensCounted = false;
    let answering: ModelRef = primary;
    let attempts: GenerationAttempt[] = [];
    let degraded = false;
    let firstTokenAt: number | null = null;
    let running: Generation | undefined;
    try {
      running = await generation;
      ({ attempts, degraded, firstTokenAt } = running);
      answering = running.model;
      const result = await running.done;
      modelAnswer = result.text;
      tokensIn = result.usage.inputTokens;
      tokensOut = result.usage.outputTokens;
      tokensCounted = result.usage.counted;
      if (degraded) status = 'DEGRADED';
    } catch (error) {
      status = 'ERROR';
      modelAnswer = running?.textSoFar() ?? '';
      if (running) ({ attempts, degraded } = running);
      const aborted = input.abortSignal?.aborted === true;
      errorCode = aborted ? 'client_aborted' : 'generation_failed';
      if (!aborted) log().error({ err: error }, 'answer generation failed');
    }
    const cost = costUsd(answering.id, tokensIn, tokensOut);
    const latencyMs = Math.round(performance.now() - started);
    const ttftMs = firstTokenAt === null ? null : Math.round(firstTokenAt - started);

    const confidence =
      status === 'ERROR' ? null : assessConfidence({ question: standalone, answer: modelAnswer, sources });
    const explanation = confidence
      ? explain({
          confidence,
          sources,
          route: { model: answering.id, tier: route.tier, reason: route.reason },
          cacheHit: cached !== null,
          fallback: describeFallback(attempts, degraded),
        })
      : undefined;
    const outcomeMetadata: AnswerMetadata = {
      ...metadata,
      model: answering.id,
      local: answering.local,
      ...(errorCode === 'client_aborted' && { stopped: true }),
      ...(degraded && { degraded: true }),
      ...(confidence && {
        confidence: confidence.score,
        lowConfidence: confidence.level === 'low',
        withheld: confidence.level === 'insufficient',
      }),
      ...(explanation && { explanation }),
    };
    const answer = confidence?.level === 'insufficient' ? NO_RELIABLE_ANSWER : modelAnswer;

    let queryLogId: string | null = null;
    try {
      ({ id: queryLogId } = await createQueryLog({
        ...baseLog,
        model: answering.id,
        provider: answering.provider,
        routeTier: route.tier,
        routeReason: route.reason,
        attempts,
        degraded,
        answer: modelAnswer,
        sources: withoutText(sources),
        tokensIn,
        tokensOut,
        tokensCounted,
        costUsd: cost,
        latencyMs,
        ttftMs,
        status,
        errorCode,
        confidence: confidence?.score ?? null,
        explanation: explanation ?? null,
        cacheHit: cached !== null,
        cacheEntryId: cached?.entryId ?? null,
      }));
    } catch (error) {
      log().error({ err: error }, 'could not write query log');
    }
    if (queryLogId) outcomeMetadata.queryLogId = queryLogId;
    // Only answers that passed as they are go into the cache, and never one served from it.
    if (!cached && status === 'OK' && confidence?.level === 'high') {
      await storeCachedAnswer({
        ...cacheRequest,
        answer: modelAnswer,
        sources,
        model: answering.id,
        metadata: { confidence: confidence.score },
      });
    }
    if (queryLogId && confidence?.level === 'low') {
      await createReviewItem({
        queryLogId,
        question,
        answer: modelAnswer,
        confidence: confidence.score,
      }).catch((error: unknown) => log().error({ err: error }, 'could not queue the answer for review'));
    }

    // A failed answer with nothing written leaves the question unanswered, ready to regenerate.
    if (conversationId && (status !== 'ERROR' || modelAnswer)) {
      await addAssistantMessage({
        conversationId,
        content: modelAnswer,
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
      model: answering.id,
      provider: answering.provider,
      tokensIn,
      tokensOut,
      costUsd: cost,
      latencyMs,
      ttftMs,
      status,
      errorCode,
      confidence,
    };
  })();

  return {
    question,
    standaloneQuestion: standalone,
    timings,
    conversationId,
    route,
    sources,
    metadata,
    generation,
    finished,
  };
}

/** Reads the whole answer (for doors that answer in one piece) and returns its recorded outcome. */
export async function completeAnswer(run: AnswerRun): Promise<AnswerOutcome> {
  try {
    const running = await run.generation;
    const reader = running.stream.getReader();
    while (!(await reader.read()).done);
  } catch {
    // The outcome records the failure.
  }
  return run.finished;
}
