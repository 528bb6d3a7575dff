// The record of an answer once it has ended (complete, stopped or failed): its confidence and
// explanation, the bias screen, the query-log row, a review item when confidence is low (or the
// answer is flagged), the answer cache, and the assistant message of its conversation. Never throws:
// a failed write is logged.
import 'server-only';
import { costUsd } from '@/lib/ai/cost';
import type { Generation, GenerationAttempt, ModelRef } from '@/lib/ai/generation/generate';
import type { Route } from '@/lib/ai/routing';
import { storeCachedAnswer, type AnswerCacheRequest, type CachedAnswer } from '@/lib/cache/answer-cache';
import { addAssistantMessage } from '@/lib/db/conversations';
import { answerCache, bias } from '@/lib/config';
import { createQueryLog } from '@/lib/db/query-logs';
import { createReviewItem } from '@/lib/db/review-items';
import { biasReviewNote, ownWords, screenAnswerForBias, type BiasFlag } from '@/lib/fairness/bias-screen';
import { log } from '@/lib/observability/logger';
import { observeAnswer } from '@/lib/observability/metrics';
import { inSpan, startSpan } from '@/lib/observability/tracing';
import { matchHighRiskTopic } from '@/lib/review/high-risk';
import { redactForStorage } from '@/lib/security/pii';
import { auditAnswer } from './answer-audit';
import type { AnswerMetadata } from './answer-metadata';
import type { AnswerOutcome, AskInput } from './answer-types';
import { assessConfidence, explain, NO_RELIABLE_ANSWER, storedConfidence } from './confidence';
import { withoutText, type AnswerSource } from './sources';

const describeFallback = (attempts: GenerationAttempt[], degraded: boolean): string | null => {
  const failed = attempts.filter((attempt) => attempt.outcome !== 'ok');
  if (failed.length === 0) return null;
  const tried = failed.map((attempt) => `${attempt.model} ${attempt.outcome}`).join(', ');
  return degraded
    ? `every model failed (${tried}): extractive answer`
    : `retried or fell back after ${tried}`;
};

/** A question the injection screen flagged (flag or allow mode): kept with the answer. */
export type Suspicion = { score: number; categories: string[]; action: 'flag' | 'allow' };

export type AnswerRecord = {
  input: AskInput;
  /** performance.now() when the request began. */
  started: number;
  question: string;
  standalone: string;
  conversationId: string | null;
  sources: AnswerSource[];
  route: Route;
  primary: ModelRef;
  metadata: AnswerMetadata;
  generation: Promise<Generation>;
  cached: CachedAnswer | null;
  cacheRequest: AnswerCacheRequest;
  suspicion: Suspicion | null;
  /** The variant of every feature flag the answer was served with. */
  flags: Record<string, string>;
};

export async function recordAnswer(record: AnswerRecord): Promise<AnswerOutcome> {
  const { input, started, question, standalone, conversationId, sources, route, primary, metadata } = record;
  const { generation, cached, cacheRequest, suspicion } = record;
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
  // The query log and the review queue keep questions and answers with their PII redacted; redacted
  // once the answer has ended, so the name tagger never holds back the first words.
  const storedQuestion = redactForStorage(question).text;
  const baseLog = {
    requestId: input.requestId,
    userId: input.user.id,
    apiKeyId: input.apiKeyId ?? null,
    conversationId,
    route: input.route,
    question: storedQuestion,
  };
  const cost = costUsd(answering.id, tokensIn, tokensOut);
  const latencyMs = Math.round(performance.now() - started);
  const ttftMs = firstTokenAt === null ? null : Math.round(firstTokenAt - started);

  // An exact hit replays an answer to the same question from the same passages: its stored assessment stands.
  const confidence =
    status === 'ERROR'
      ? null
      : ((cached?.kind === 'exact' ? storedConfidence(cached.metadata) : null) ??
        assessConfidence({ question: standalone, answer: modelAnswer, sources }));
  const explanation = confidence
    ? explain({
        confidence,
        sources,
        route: { model: answering.id, tier: route.tier, reason: route.reason },
        cacheHit: cached !== null,
        fallback: describeFallback(attempts, degraded),
        injection: suspicion,
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
  const biasFlags = screenForBias({ answer: modelAnswer, sources, cached, confidence });
  const biased = ownWords(biasFlags ?? []);

  observeAnswer({
    status: errorCode ?? status.toLowerCase(),
    model: answering.id,
    tokensIn,
    tokensOut,
    costUsd: cost,
    ttftMs,
    cacheHit: cached !== null,
    cacheLookedUp: answerCache.enabled && !cacheRequest.followUp,
    fallback: degraded ? 'degraded' : answering.id !== primary.id ? 'model' : null,
  });

  const storedAnswer = redactForStorage(modelAnswer).text;
  let queryLogId: string | null = null;
  try {
    ({ id: queryLogId } = await inSpan('rag.record', { 'rag.status': status }, () =>
      createQueryLog({
        ...baseLog,
        model: answering.id,
        provider: answering.provider,
        routeTier: route.tier,
        routeReason: route.reason,
        attempts,
        degraded,
        answer: storedAnswer,
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
        biasFlags,
        cacheHit: cached !== null,
        cacheEntryId: cached?.entryId ?? null,
        flags: record.flags,
      }),
    ));
  } catch (error) {
    log().error({ err: error }, 'could not write query log');
  }
  if (queryLogId) outcomeMetadata.queryLogId = queryLogId;
  // Only answers that passed as they are go into the cache (so no bias hit, quoted or not), and never
  // one served from it. Stored in the background: the caller need not wait for the question's embedding.
  if (!cached && status === 'OK' && confidence?.level === 'high' && !biasFlags?.length) {
    void storeCachedAnswer({
      ...cacheRequest,
      answer: modelAnswer,
      sources,
      model: answering.id,
      metadata: {
        confidence: confidence.score,
        assessment: {
          score: confidence.score,
          retrieval: confidence.retrieval,
          grounding: confidence.grounding,
          supportedSentences: confidence.supportedSentences,
          sentences: confidence.sentences,
        },
      },
      queryLogId,
    });
  }
  // Low confidence, a question flagged as a possible prompt injection, biased language in the
  // answer's own words, or a question on a high-risk topic (whose answer says a person must decide):
  // an admin looks at it. One item per answer, queued for the first of these reasons.
  const flagged = suspicion?.action === 'flag';
  const highRisk = status === 'ERROR' ? null : matchHighRiskTopic(question);
  if (highRisk) outcomeMetadata.highRisk = highRisk.topic;
  const queued = Boolean(confidence && (confidence.level === 'low' || flagged || biased.length || highRisk));
  if (queryLogId && confidence && queued) {
    await createReviewItem({
      queryLogId,
      question: storedQuestion,
      answer: storedAnswer,
      confidence: confidence.score,
      reason: flagged ? 'INJECTION' : biased.length ? 'BIAS' : highRisk ? 'HIGH_RISK' : 'LOW_CONFIDENCE',
      note: flagged
        ? `Possible prompt injection (score ${suspicion.score.toFixed(2)}: ${suspicion.categories.join(', ')})`
        : biased.length
          ? biasReviewNote(biased)
          : highRisk
            ? `High-risk topic: ${highRisk.topic} ("${highRisk.term}")`
            : null,
    }).catch((error: unknown) => log().error({ err: error }, 'could not queue the answer for review'));
  }

  // The AI decision goes to the audit trail, linked to its query-log row.
  if (queryLogId) {
    await auditAnswer({
      queryLogId,
      userId: input.user.id,
      apiKeyId: input.apiKeyId ?? null,
      requestId: input.requestId,
      door: input.route,
      model: answering,
      route,
      status,
      errorCode,
      confidence: confidence?.score ?? null,
      withheld: confidence?.level === 'insufficient',
      reviewed: queued,
      degraded,
      cacheHit: cached !== null,
      costUsd: cost,
      tokensIn,
      tokensOut,
      latencyMs,
      sources,
      flags: record.flags,
    });
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
}

/**
 * The bias screen (lib/fairness/bias-screen.ts) over an answer the user is shown: not a failed or
 * withheld one, and not one replayed from the cache, which was screened when it was generated (only
 * answers without a hit are cached). Null when not screened.
 */
function screenForBias(input: {
  answer: string;
  sources: AnswerSource[];
  cached: CachedAnswer | null;
  confidence: ReturnType<typeof assessConfidence> | null;
}): BiasFlag[] | null {
  if (!bias.enabled || input.cached || !input.confidence || input.confidence.level === 'insufficient')
    return null;
  const span = startSpan('rag.bias');
  try {
    const flags = screenAnswerForBias(input.answer, input.sources);
    span.setAttributes({ 'rag.bias.flags': flags.length });
    return flags;
  } catch (error) {
    // A screen that fails must not lose the answer's record: logged, and recorded as not screened.
    log().error({ err: error }, 'the bias screen failed');
    return null;
  } finally {
    span.end();
  }
}
