// The public API's answers: one pipeline (lib/rag/ask.ts), delivered as JSON or as Server-Sent Events.
import 'server-only';
import { AppError } from '@/lib/http/errors';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { SERVER_TIMING_HEADER, serverTiming } from '@/lib/http/server-timing';
import { log } from '@/lib/observability/logger';
import { ask, completeAnswer, type AnswerOutcome, type AnswerRoute, type AnswerRun } from '@/lib/rag/ask';
import type { QueryRequest, QueryResponse } from './schemas';

export type ApiCaller = { user: { id: string }; apiKeyId: string | null; requestId: string };

export function toQueryResponse(run: AnswerRun, outcome: AnswerOutcome): QueryResponse {
  return {
    answer: outcome.answer,
    sources: outcome.sources.map((source) => ({
      n: source.n,
      chunk_id: source.chunkId,
      document_id: source.documentId,
      title: source.title,
      source: source.source,
      heading_path: source.headingPath,
      page: source.page,
      score: source.score,
      text: source.text,
    })),
    tokens_used: outcome.tokensIn + outcome.tokensOut,
    input_tokens: outcome.tokensIn,
    output_tokens: outcome.tokensOut,
    model: outcome.model,
    confidence: outcome.confidence?.score ?? null,
    degraded: outcome.status === 'DEGRADED',
    explanation: outcome.metadata.explanation ?? null,
    latency_ms: outcome.latencyMs,
    cost_usd: outcome.costUsd,
    request_id: run.metadata.requestId,
    query_id: outcome.queryLogId,
    conversation_id: run.conversationId,
  };
}

export function startApiAnswer(
  caller: ApiCaller,
  body: QueryRequest,
  route: AnswerRoute,
  abortSignal?: AbortSignal,
): Promise<AnswerRun> {
  return ask({
    question: body.query,
    requestId: caller.requestId,
    route,
    user: caller.user,
    apiKeyId: caller.apiKeyId,
    conversationId: body.conversation_id ?? null,
    maxOutputTokens: body.max_tokens,
    temperature: body.temperature,
    filters: { documentIds: body.filters?.documents, tags: body.filters?.tags },
    abortSignal,
  });
}

/** The error a caller gets when the model failed mid-answer. */
export const generationFailed = () =>
  new AppError('service_unavailable', 'The answer could not be generated. Please try again.');

/** Answers in one piece: the body of POST /api/v1/query (and of a completed async query). */
export async function answerQuery(
  caller: ApiCaller,
  body: QueryRequest,
  route: AnswerRoute,
  abortSignal?: AbortSignal,
): Promise<QueryResponse> {
  const run = await startApiAnswer(caller, body, route, abortSignal);
  const outcome = await completeAnswer(run);
  if (outcome.status === 'ERROR') throw generationFailed();
  return toQueryResponse(run, outcome);
}

const encoder = new TextEncoder();

/** One Server-Sent Event; JSON data never contains a raw newline, so one data line is enough. */
export function sseEvent(data: unknown, event?: string): Uint8Array {
  return encoder.encode(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
}

/**
 * POST /api/v1/query/stream: `data: {"text": …}` events as the answer is written, then one
 * `event: done` with the whole response body (sources, usage), or `event: error` with the error
 * shape. A client that disconnects aborts generation; the query is still logged.
 */
export function sseResponse(run: AnswerRun, onCancel: () => void): Response {
  const requestId = run.metadata.requestId;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: Uint8Array) => {
        try {
          controller.enqueue(chunk);
        } catch {
          // The client is gone; generation is aborted through the request's signal.
        }
      };
      try {
        const generation = await run.generation;
        for await (const part of generation.stream)
          if (part.type === 'text-delta' && part.text) send(sseEvent({ text: part.text }));
      } catch {
        // Reported through the outcome below.
      }
      const outcome = await run.finished;
      if (outcome.status === 'OK') send(sseEvent(toQueryResponse(run, outcome), 'done'));
      else if (outcome.errorCode !== 'client_aborted') {
        const error = generationFailed();
        send(sseEvent({ error: { code: error.code, message: error.message, requestId } }, 'error'));
      }
      try {
        controller.close();
      } catch {
        // Already closed by a disconnect.
      }
    },
    cancel() {
      log().debug({ requestId }, 'stream reader went away');
      onCancel();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      [REQUEST_ID_HEADER]: requestId,
      [SERVER_TIMING_HEADER]: serverTiming(run.timings),
    },
  });
}
