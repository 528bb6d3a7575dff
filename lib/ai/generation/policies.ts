// Resilience per chat model with cockatiel: retries with exponential backoff and jitter on 429/5xx
// (waiting at least what Retry-After asks, within a cap), a circuit breaker with half-open probes
// (one per model, shared by every request of this instance), and a first-token timeout.
import {
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import { generation } from '@/lib/config';
import { CallerAbortedError, classifyProviderError } from './provider-errors';

type Context = IRetryBackoffContext<unknown>;

/** Exponential backoff with decorrelated jitter, never shorter than the provider's Retry-After. */
export class RetryAfterBackoff implements IBackoffFactory<Context> {
  constructor(
    private readonly inner: IBackoffFactory<unknown> = new ExponentialBackoff({
      initialDelay: generation.retry.initialDelayMs,
      maxDelay: generation.retry.maxDelayMs,
    }),
    private readonly maxRetryAfterMs: number = generation.retry.maxRetryAfterMs,
  ) {}

  next(context: Context): IBackoff<Context> {
    const base = this.inner.next(context);
    const error = 'error' in context.result ? context.result.error : undefined;
    const asked = classifyProviderError(error).retryAfterMs;
    const duration =
      asked === undefined ? base.duration : Math.max(base.duration, Math.min(asked, this.maxRetryAfterMs));
    const inner = base as IBackoffFactory<unknown>;
    return {
      duration,
      next: (next: Context) => new RetryAfterBackoff(inner, this.maxRetryAfterMs).next(next),
    };
  }
}

const retryable = handleWhen((error) => classifyProviderError(error).retryable);

type Holder = { ragBreakers?: Map<string, CircuitBreakerPolicy> };
const holder = globalThis as unknown as Holder;

/** The circuit breaker of one model (provider + model id), shared across requests. */
export function breakerFor(key: string): CircuitBreakerPolicy {
  holder.ragBreakers ??= new Map();
  let breaker = holder.ragBreakers.get(key);
  if (!breaker) {
    breaker = circuitBreaker(retryable, {
      halfOpenAfter: generation.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(generation.breaker.consecutiveFailures),
    });
    holder.ragBreakers.set(key, breaker);
  }
  return breaker;
}

/** Forgets every breaker's state (tests, and a configuration change). */
export function resetBreakers(): void {
  holder.ragBreakers?.clear();
}

/**
 * Runs `attempt` for one model under retry( breaker( first-token timeout( attempt ) ) ). A caller who
 * goes away is not the model's failure: once `callerSignal` is aborted, what the attempt throws (the
 * timeout policy reports the abort as a TaskCancelledError) becomes a CallerAbortedError, which
 * neither the retry nor the breaker handles, so Stop buttons and closed tabs never open a circuit.
 */
export function executeWithPolicies<T>(
  key: string,
  attempt: (signal: AbortSignal) => Promise<T>,
  callerSignal?: AbortSignal,
): Promise<T> {
  const firstToken = timeout(generation.firstTokenTimeoutMs, {
    strategy: TimeoutStrategy.Aggressive,
    abortOnReturn: false,
  });
  return wrap(
    retry(retryable, { maxAttempts: generation.retry.maxAttempts, backoff: new RetryAfterBackoff() }),
    breakerFor(key),
  ).execute(async ({ signal }) => {
    try {
      return await firstToken.execute(({ signal: attemptSignal }) => attempt(attemptSignal), signal);
    } catch (error) {
      if (callerSignal?.aborted) throw new CallerAbortedError(error);
      throw error;
    }
  }, callerSignal);
}
