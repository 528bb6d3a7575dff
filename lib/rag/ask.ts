// The one answer path every door uses (chat, /api/v1/query, /stream, /async): the conversation
// (conversation-context.ts), the answer cache, retrieval, routing, the grounded prompt and the model
// call with its fallbacks; the record of the answer is record-answer.ts. Doors differ only in how
// they deliver `run.generation` to the caller.
import 'server-only';
import { SpanStatusCode } from '@opentelemetry/api';
import { generate, replayGeneration, type Generation } from '@/lib/ai/generation/generate';
import { createLocalChatModel } from '@/lib/ai/local/extractive-model';
import { getModels, type ChatModelInfo } from '@/lib/ai/models';
import { routeQuestion, type Route } from '@/lib/ai/routing';
import { countTokens } from '@/lib/ai/tokens';
import {
  countCachedAnswerHit,
  lookupCachedAnswer,
  type AnswerCacheRequest,
  type CachedAnswer,
} from '@/lib/cache/answer-cache';
import { answers } from '@/lib/config';
import { answerCacheScope } from '@/lib/db/answer-cache';
import { createQueryLog } from '@/lib/db/query-logs';
import { pipelineFlags } from '@/lib/flags/flags';
import { FLAG_KEYS } from '@/lib/flags/keys';
import { assertServiceAvailable, noteAnswerOutcome } from '@/lib/governance/kill-switch';
import { AppError } from '@/lib/http/errors';
import { log } from '@/lib/observability/logger';
import { inSpan, startSpan } from '@/lib/observability/tracing';
import { budgetExceededError, checkBudget } from '@/lib/rate-limit/budget';
import { injectionVerdict, screenText } from '@/lib/security/injection';
import { screenQuestion } from '@/lib/security/injection/screen-question';
import { injectionBlockedError, type InjectionMode } from '@/lib/security/injection/verdict';
import { redactForProvider, redactForStorage } from '@/lib/security/pii';
import type { AnswerMetadata, Turn } from './answer-metadata';
import type { AnswerOutcome, AnswerRun, AskInput } from './answer-types';
import { conversationContext, standaloneQuestion } from './conversation-context';
import { turnsWithinBudget } from './follow-up';
import { buildPrompt } from './prompt';
import { recordAnswer, type Suspicion } from './record-answer';
import { retrievePassages } from './retrieve';
import { toAnswerSource, type AnswerSource } from './sources';

export type { AnswerOutcome, AnswerRoute, AnswerRun, AskInput } from './answer-types';

let lastResortModel: ChatModelInfo | undefined;

/** The built-in extractive answerer, the last resort after every provider model failed. */
function lastResort(): ChatModelInfo {
  const model = createLocalChatModel();
  lastResortModel ??= { model, id: model.modelId, local: true, provider: 'local' };
  return lastResortModel;
}

/**
 * Retrieved passages that carry instructions aimed at the model (indirect injection): in block mode
 * they are left out of the prompt, since the asker did not write them; otherwise they stay inside the
 * prompt's delimiters and are logged.
 */
// A passage's text never changes under its chunk id (re-ingestion writes new ids), so its screen is
// kept: the same popular passages are retrieved question after question.
const passageScreens = new Map<string, ReturnType<typeof screenText>>();
const PASSAGE_SCREENS_MAX = 5_000;

function screenPassage(source: AnswerSource): ReturnType<typeof screenText> {
  let screened = passageScreens.get(source.chunkId);
  if (!screened) {
    screened = screenText(source.text, { source: 'passage' });
    if (passageScreens.size >= PASSAGE_SCREENS_MAX) passageScreens.clear();
    passageScreens.set(source.chunkId, screened);
  }
  return screened;
}

function withoutInjectedPassages(sources: AnswerSource[], mode: InjectionMode): AnswerSource[] {
  return sources.filter((source) => {
    const screened = screenPassage(source);
    const verdict = injectionVerdict(screened, mode);
    if (verdict.action === 'none') return true;
    log().warn(
      {
        chunkId: source.chunkId,
        score: screened.score,
        categories: screened.categories,
        action: verdict.action,
      },
      'retrieved passage looks like a prompt injection',
    );
    return verdict.action !== 'block';
  });
}

// A passage's token count, kept by chunk id for the same reason as its screen: the context budget and
// the router both need it, question after question, and tokenizing is the costlier part of both.
const passageTokens = new Map<string, number>();

function tokensOf(source: AnswerSource): number {
  let tokens = passageTokens.get(source.chunkId);
  if (tokens === undefined) {
    tokens = countTokens(source.text);
    if (passageTokens.size >= PASSAGE_SCREENS_MAX) passageTokens.clear();
    passageTokens.set(source.chunkId, tokens);
  }
  return tokens;
}

/** The passages that fit the prompt's context budget (o200k tokens), best first; at least one. */
function withinContextBudget(sources: AnswerSource[]): AnswerSource[] {
  const kept: AnswerSource[] = [];
  let used = 0;
  for (const source of sources) {
    const tokens = tokensOf(source) + 20;
    if (kept.length > 0 && used + tokens > answers.contextTokenBudget) break;
    used += tokens;
    kept.push(source);
  }
  return kept;
}

/**
 * Starts answering: throws (an AppError, before anything streams) for an unknown conversation; a
 * failure of retrieval is recorded on the query log and rethrown. Everything after that point is
 * reported through `generation` and `finished`.
 */
export function ask(input: AskInput): Promise<AnswerRun> {
  // Every stage below is a child span of rag.ask (lib/observability/tracing.ts).
  return inSpan('rag.ask', { 'rag.door': input.route }, () => answer(input));
}

async function answer(input: AskInput): Promise<AnswerRun> {
  // The kill switch: a paused service refuses before any work (and before a query log row).
  await assertServiceAvailable();
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
  // What the answer cache's key needs of the asker (corpus version, their private documents) is read
  // while the flags and the conversation are; a failure surfaces where it is awaited, below.
  const scope = answerCacheScope(input.user.id);
  scope.catch(() => {});
  // Feature flags for this user (lib/flags/): each one's default is today's configured behaviour.
  const flags = await inSpan('rag.flags', {}, () => pipelineFlags(input.user));
  lap('flags');
  // A model tier the request asks for wins over the new-model rollout.
  const override = input.modelTier
    ? { override: input.modelTier }
    : { override: flags.modelTier, overrideSource: `flag ${FLAG_KEYS.modelRollout}` };
  // The daily budget is read while the semantic lookup runs, once there is no exact hit: a miss
  // needs it, and a hit of either kind costs nothing.
  let budgetCheck: ReturnType<typeof checkBudget> | undefined;
  const readBudget = () => {
    budgetCheck ??= checkBudget(input.user.id);
    budgetCheck.catch(() => {}); // awaited below when it matters
    return budgetCheck;
  };
  // The answer cache's request for a question after `turns`: keyed by the route the question alone
  // earns (retrieval may still move it up) and by what the asker may see.
  const cacheRequestFor = async (
    text: string,
    turns: Turn[],
    tokens: number,
  ): Promise<AnswerCacheRequest> => {
    const questionRoute = routeQuestion({
      question: text,
      questionTokens: tokens,
      contextTokens: 0,
      historyTurns: turns.length,
      ...override,
    });
    const routeModel = questionRoute.tier === 'large' ? models.chatLarge : models.chat;
    return {
      question: text,
      viewer: { userId: input.user.id },
      filters: input.filters,
      modelRoute: routeModel.local ? routeModel.id : `${questionRoute.tier}:${routeModel.id}`,
      followUp: turns.some((turn) => turn.role === 'user'),
      ...(await scope),
    };
  };
  const lookUp = (request: AnswerCacheRequest, countHit: boolean) =>
    inSpan('rag.cache', {}, async (span) => {
      const hit = await lookupCachedAnswer(request, {
        semantic: flags.semanticCache,
        onExactMiss: readBudget,
        countHit,
      });
      span.setAttributes({ 'rag.cache_hit': hit !== null, ...(hit && { 'rag.cache_match': hit.kind }) });
      return hit;
    });
  // A question the client says opens its conversation has no earlier turns: its cache lookup runs
  // while the conversation is opened, and is used (its hit counted) only if that holds.
  const early =
    input.opensConversation && input.conversationId && !input.regenerate && input.question !== undefined
      ? (() => {
          const tokens = countTokens(input.question);
          const request = cacheRequestFor(input.question, [], tokens);
          const hit = request.then((r) => lookUp(r, false));
          hit.catch(() => {}); // awaited below when it is used
          return { question: input.question, tokens, request, hit };
        })()
      : null;
  const { question, history, stored } = await conversationContext(input);
  lap('conversation');
  const conversationId = input.conversationId ?? null;

  const turns = turnsWithinBudget(history, answers.historyTokenBudget);
  let standalone = question;
  let sources: AnswerSource[];
  let cacheRequest: AnswerCacheRequest;
  let cached: CachedAnswer | null = null;
  let suspicion: Suspicion | null = null;
  let questionTokens: number | undefined;
  try {
    // A question that tries to change how the assistant behaves: refused, flagged or logged (setting).
    await inSpan('rag.guard', {}, async (span) => {
      const screened = screenQuestion(question);
      const verdict = injectionVerdict(screened, flags.injectionMode);
      span.setAttributes({ 'rag.injection.score': screened.score, 'rag.injection.action': verdict.action });
      if (verdict.action === 'block') throw injectionBlockedError(screened);
      if (verdict.action !== 'none') {
        suspicion = { score: screened.score, categories: screened.categories, action: verdict.action };
        log().warn({ ...suspicion }, 'question looks like a prompt injection');
      }
    });
    if (early && history.length === 0 && early.question === question) {
      questionTokens = early.tokens;
      cacheRequest = await early.request;
      cached = await early.hit;
      if (cached) countCachedAnswerHit(cached);
    } else {
      questionTokens = countTokens(question);
      cacheRequest = await cacheRequestFor(question, turns, questionTokens);
      cached = input.regenerate ? null : await lookUp(cacheRequest, true);
    }
    lap('cache');
    if (cached) sources = cached.sources;
    else {
      // The daily budget is checked before anything costs: a cached answer costs nothing.
      const budget = await readBudget();
      if (!budget.allowed) throw budgetExceededError(budget);
      standalone = await standaloneQuestion(
        question,
        history,
        models.chat,
        input.abortSignal,
        flags.redactBeforeProvider,
      );
      lap('condense');
      const retrievalQuestion = standalone;
      const { passages } = await inSpan('rag.retrieve', {}, async (span) => {
        const found = await retrievePassages(
          { question: retrievalQuestion, viewer: { userId: input.user.id }, filters: input.filters },
          // The `reranking` flag off: the fused order stands even where a reranker is configured.
          flags.reranking ? {} : { reranker: null },
        );
        span.setAttributes({
          'rag.passages': found.passages.length,
          'rag.embedding_tokens': found.embeddingTokens,
        });
        return found;
      });
      sources = withinContextBudget(
        withoutInjectedPassages(passages.map(toAnswerSource), flags.injectionMode),
      );
      lap('retrieve');
    }
  } catch (error) {
    await stored.catch(() => {}); // the question stays in the conversation, as when answered
    const aborted = input.abortSignal?.aborted === true;
    const refused = error instanceof AppError && error.status < 500;
    const errorCode = aborted ? 'client_aborted' : refused ? error.code : 'retrieval_failed';
    await createQueryLog({
      requestId: input.requestId,
      userId: input.user.id,
      apiKeyId: input.apiKeyId ?? null,
      conversationId,
      route: input.route,
      question: redactForStorage(question).text,
      model: models.chat.id,
      provider: models.chat.provider,
      latencyMs: Math.round(performance.now() - started),
      status: refused ? 'REJECTED' : 'ERROR',
      errorCode,
      flags: flags.variants,
    })
      .then(() => noteAnswerOutcome({ status: refused ? 'REJECTED' : 'ERROR', errorCode }))
      .catch((logError: unknown) => log().error({ err: logError }, 'could not write query log'));
    throw error;
  }
  // The question is in the conversation before its answer starts.
  await stored;

  const routeSpan = startSpan('rag.route');
  const routed = routeQuestion({
    question,
    questionTokens,
    contextTokens: sources.reduce((sum, source) => sum + tokensOf(source), 0),
    historyTurns: turns.length,
    ...override,
  });
  const route: Route = cached
    ? { tier: routed.tier, reason: `answered from the cache (${cached.kind} match)` }
    : routed;
  const primary = route.tier === 'large' ? models.chatLarge : models.chat;
  routeSpan.setAttributes({
    'rag.route.tier': route.tier,
    'rag.route.reason': route.reason,
    'rag.model': primary.id,
  });
  routeSpan.end();
  const chain = [primary, ...models.chatFallbacks.filter((model) => model.id !== primary.id)];
  const passages = sources.map(({ n, title, headingPath, text }) => ({ n, title, headingPath, text }));
  // The built-in model cannot read the conversation: it answers the standalone question instead.
  // A provider gets the text with PII redacted when the `pii-redact-provider` flag (by default
  // `pii.redactBeforeProvider`) says so.
  const toProvider = (text: string) => redactForProvider(text, flags.redactBeforeProvider).text;
  const ownPrompt = () => buildPrompt({ question: standalone, passages });
  const providerPrompt = () =>
    buildPrompt({
      question: toProvider(question),
      passages: passages.map((passage) => ({ ...passage, text: toProvider(passage.text) })),
      history: turns.map((turn) => ({ ...turn, content: toProvider(turn.content) })),
    });

  const metadata: AnswerMetadata = { requestId: input.requestId, model: primary.id, local: primary.local };
  // A cached answer is replayed as it was written: no prompt is built, no model called.
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
    : (() => {
        const prompt = primary.local ? ownPrompt() : providerPrompt();
        return generate({
          chain,
          lastResort: primary.local ? null : { model: lastResort(), prompt: ownPrompt().prompt },
          system: prompt.system,
          prompt: prompt.prompt,
          maxOutputTokens: input.maxOutputTokens ?? answers.defaultMaxTokens,
          temperature: input.temperature ?? answers.defaultTemperature,
          abortSignal: input.abortSignal,
        });
      })();
  generation.catch(() => {});
  traceGeneration(generation, { primary: primary.id, cacheHit: cached !== null });

  const finished = recordAnswer({
    input,
    started,
    question,
    standalone,
    conversationId,
    sources,
    route,
    primary,
    metadata,
    generation,
    cached,
    cacheRequest,
    suspicion,
    flags: flags.variants,
  });
  // Failed answers feed the kill switch's error-rate check once their query log is written.
  void finished.then(noteAnswerOutcome, () => {});

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

/** A span from the first model call to the generation's end, with the model that answered and its tokens. */
function traceGeneration(
  generation: Promise<Generation>,
  info: { primary: string; cacheHit: boolean },
): void {
  const span = startSpan('rag.generate', { 'rag.model': info.primary, 'rag.cache_hit': info.cacheHit });
  generation
    .then(async (running) => {
      const { usage } = await running.done;
      span.setAttributes({
        'rag.model': running.model.id,
        'rag.attempts': running.attempts.length,
        'rag.degraded': running.degraded,
        'gen_ai.usage.input_tokens': usage.inputTokens,
        'gen_ai.usage.output_tokens': usage.outputTokens,
      });
    })
    .catch((error: unknown) => {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
    })
    .finally(() => span.end());
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
