// The one way the service calls a chat model. The routed model first, then each fallback in the
// chain, each behind its retries, circuit breaker and first-token timeout (policies.ts); when every
// one fails, the built-in extractive answerer answers from the same passages, marked degraded.
// Nothing is retried once text has been streamed to the caller.
import 'server-only';
import { streamText, type LanguageModelUsage, type TextStreamPart, type ToolSet } from 'ai';
import { countTokens } from '@/lib/ai/tokens';
import type { ChatModelInfo } from '@/lib/ai/models';
import { generation as settings } from '@/lib/config';
import { log } from '@/lib/observability/logger';
import { executeWithPolicies } from './policies';
import { classifyProviderError } from './provider-errors';

export type StreamPart = TextStreamPart<ToolSet>;

/** One call of one model, as the query log records it. */
export type GenerationAttempt = {
  model: string;
  provider: string;
  /** ok, or what went wrong: http_429, http_503, timeout, network, circuit_open, error. */
  outcome: string;
  ms: number;
};

export type GenerationUsage = {
  inputTokens: number;
  outputTokens: number;
  /** True when the provider reported no usage and the tokens were counted with the tokenizer. */
  counted: boolean;
};

export type GenerationResult = { text: string; usage: GenerationUsage; finishReason: string };

/** Which model answered, as the query log records it. */
export type ModelRef = { id: string; provider: string; local: boolean };

export type Generation = {
  /** The model that is answering. */
  model: ModelRef;
  /** The answer comes from the last-resort extractive answerer, not a chosen model. */
  degraded: boolean;
  attempts: GenerationAttempt[];
  /** performance.now() when the first token arrived (null when the answer has no text). */
  firstTokenAt: number | null;
  /** The answer's parts, for exactly one reader. Cancelling it stops the model. */
  stream: ReadableStream<StreamPart>;
  /** Settles when the stream has ended: the whole text and usage, or the error / abort that ended it. */
  done: Promise<GenerationResult>;
  /** The text streamed so far (what a stopped answer keeps). */
  textSoFar(): string;
};

export type GenerationInput = {
  /** The routed model first, then the fallbacks, in order. */
  chain: ChatModelInfo[];
  /**
   * The last resort, answering degraded, with its own prompt (the built-in model reads a standalone
   * question, not the conversation); null when the chain already is the built-in model.
   */
  lastResort: { model: ChatModelInfo; prompt: string } | null;
  system: string;
  prompt: string;
  maxOutputTokens: number;
  temperature: number;
  abortSignal?: AbortSignal;
};

/** Thrown when every model failed and there was no last resort. */
export class GenerationFailedError extends Error {
  constructor(readonly attempts: GenerationAttempt[]) {
    super(`every model failed: ${attempts.map((a) => `${a.model} ${a.outcome}`).join(', ')}`);
    this.name = 'GenerationFailedError';
  }
}

const abortError = () => Object.assign(new Error('The request was aborted.'), { name: 'AbortError' });

/**
 * Starts one model and waits for its first token (or its end, for an empty answer). Throws what
 * stopped it before that, so the policy can retry or the chain can move on.
 */
async function startModel(
  model: ChatModelInfo,
  input: GenerationInput,
  attemptSignal: AbortSignal,
  prompt: string = input.prompt,
): Promise<Omit<Generation, 'model' | 'degraded' | 'attempts'>> {
  const signals = [attemptSignal, AbortSignal.timeout(settings.totalTimeoutMs)];
  if (input.abortSignal) signals.push(input.abortSignal);
  const result = streamText({
    model: model.model,
    instructions: input.system,
    prompt,
    maxOutputTokens: input.maxOutputTokens,
    temperature: input.temperature,
    // Retries are the policy's, with Retry-After and a circuit breaker; the SDK's own would hide failures.
    maxRetries: 0,
    abortSignal: AbortSignal.any(signals),
    onError: () => {},
  });
  const reader = result.stream.getReader();
  const buffered: StreamPart[] = [];
  let text = '';
  let firstTokenAt: number | null = null;
  let ended = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    if (value.type === 'error') throw value.error;
    if (value.type === 'abort') throw abortError();
    buffered.push(value);
    if (value.type === 'text-delta') {
      text += value.text;
      firstTokenAt = performance.now();
      break;
    }
  }

  let usage: LanguageModelUsage | undefined;
  let finishReason = 'unknown';
  let failure: unknown;
  let settle!: { resolve: (result: GenerationResult) => void; reject: (error: unknown) => void };
  const done = new Promise<GenerationResult>((resolve, reject) => (settle = { resolve, reject }));
  // The caller reads `done` when it wants it; until then a rejection is not an unhandled one.
  done.catch(() => {});
  const observe = (part: StreamPart) => {
    if (part.type === 'text-delta') text += part.text;
    else if (part.type === 'finish') {
      usage = part.totalUsage;
      finishReason = part.finishReason;
    } else if (part.type === 'error') failure ??= part.error;
    else if (part.type === 'abort') failure ??= abortError();
  };
  const finish = () => {
    if (failure !== undefined) return settle.reject(failure);
    settle.resolve({
      text,
      finishReason,
      usage: {
        inputTokens: usage?.inputTokens ?? countTokens(`${input.system}\n${prompt}`),
        outputTokens: usage?.outputTokens ?? countTokens(text),
        counted: usage?.inputTokens === undefined || usage?.outputTokens === undefined,
      },
    });
  };
  for (const part of buffered) if (part.type === 'finish') observe(part);
  if (ended) finish();
  // A caller who leaves ends the answer at once, whether or not anyone is still reading the stream.
  input.abortSignal?.addEventListener(
    'abort',
    () => {
      failure ??= abortError();
      finish();
    },
    { once: true },
  );

  const stream = new ReadableStream<StreamPart>({
    start(controller) {
      for (const part of buffered) controller.enqueue(part);
      if (ended) controller.close();
    },
    async pull(controller) {
      try {
        const { done: over, value } = await reader.read();
        if (over) {
          controller.close();
          finish();
          return;
        }
        observe(value);
        controller.enqueue(value);
      } catch (error) {
        failure ??= error;
        controller.error(error);
        finish();
      }
    },
    async cancel(reason) {
      failure ??= abortError();
      finish();
      await reader.cancel(reason).catch(() => {});
    },
  });
  return { stream, done, firstTokenAt, textSoFar: () => text };
}

/** An answer already written (a cache hit) as a generation: the same stream parts a model sends. */
export function replayGeneration(model: ModelRef, text: string): Generation {
  const id = 'replay';
  const parts: StreamPart[] = [
    { type: 'start' },
    { type: 'text-start', id },
    // A few words at a time, as a model streams: readers of the stream see no difference.
    ...(text.match(/(?:\S+\s*){1,4}|\s+/g) ?? []).map((piece): StreamPart => ({
      type: 'text-delta',
      id,
      text: piece,
    })),
    { type: 'text-end', id },
    {
      type: 'finish',
      finishReason: 'stop',
      rawFinishReason: 'stop',
      totalUsage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 } as LanguageModelUsage,
    },
  ];
  return {
    model,
    degraded: false,
    attempts: [],
    firstTokenAt: performance.now(),
    stream: new ReadableStream<StreamPart>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    }),
    done: Promise.resolve({
      text,
      finishReason: 'stop',
      usage: { inputTokens: 0, outputTokens: 0, counted: false },
    }),
    textSoFar: () => text,
  };
}

export async function generate(input: GenerationInput): Promise<Generation> {
  const attempts: GenerationAttempt[] = [];
  for (const model of input.chain) {
    const key = `${model.provider}:${model.id}`;
    try {
      const started = await executeWithPolicies(
        key,
        async (signal) => {
          const t0 = performance.now();
          try {
            const running = await startModel(model, input, signal);
            attempts.push({
              model: model.id,
              provider: model.provider,
              outcome: 'ok',
              ms: Math.round(performance.now() - t0),
            });
            return running;
          } catch (error) {
            if (!input.abortSignal?.aborted) {
              attempts.push({
                model: model.id,
                provider: model.provider,
                // The first-token timeout aborts the call from outside; what the call throws is the abort.
                outcome: signal.aborted ? 'timeout' : classifyProviderError(error).code,
                ms: Math.round(performance.now() - t0),
              });
            }
            throw error;
          }
        },
        input.abortSignal,
      );
      return { ...started, model, degraded: false, attempts };
    } catch (error) {
      if (input.abortSignal?.aborted) throw abortError();
      const failure = classifyProviderError(error);
      if (failure.code === 'circuit_open')
        attempts.push({ model: model.id, provider: model.provider, outcome: 'circuit_open', ms: 0 });
      log().warn(
        { model: model.id, provider: model.provider, code: failure.code },
        'chat model failed; trying the next',
      );
    }
  }
  if (!input.lastResort) throw new GenerationFailedError(attempts);
  const { model, prompt } = input.lastResort;
  const t0 = performance.now();
  const started = await startModel(model, input, new AbortController().signal, prompt);
  attempts.push({
    model: model.id,
    provider: model.provider,
    outcome: 'ok',
    ms: Math.round(performance.now() - t0),
  });
  return { ...started, model, degraded: true, attempts };
}
