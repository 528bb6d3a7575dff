// What a failed model call means for the next step: retry it (429, 5xx, timeouts, dropped
// connections), or move on (a 400 will fail the same way again), and how long the provider asked to wait.
import { APICallError } from '@ai-sdk/provider';
import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';

export type ProviderFailure = {
  /** Short code for logs and the query log: http_429, http_503, timeout, network, circuit_open, … */
  code: string;
  retryable: boolean;
  status?: number;
  /** From the provider's Retry-After header (seconds or an HTTP date), in milliseconds. */
  retryAfterMs?: number;
};

/** A stream that produced no token within the first-token timeout. */
export class FirstTokenTimeoutError extends Error {
  constructor(ms: number) {
    super(`no first token within ${ms} ms`);
    this.name = 'FirstTokenTimeoutError';
  }
}

/** The caller went away (Stop, a closed tab, a dropped connection): not the model's failure. */
export class CallerAbortedError extends Error {
  constructor(cause?: unknown) {
    super('The caller went away.', { cause });
    this.name = 'CallerAbortedError';
  }
}

/** Parses Retry-After: delta seconds, or an HTTP date. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const NETWORK =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|socket hang up|fetch failed|terminated|other side closed/i;

export function classifyProviderError(error: unknown): ProviderFailure {
  if (error instanceof BrokenCircuitError) return { code: 'circuit_open', retryable: false };
  if (error instanceof CallerAbortedError) return { code: 'client_aborted', retryable: false };
  if (error instanceof TaskCancelledError || error instanceof FirstTokenTimeoutError)
    return { code: 'timeout', retryable: true };
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const headers = error.responseHeaders ?? {};
    const retryAfterMs = parseRetryAfter(headers['retry-after'] ?? headers['Retry-After']);
    const retryable =
      status === undefined ? true : status === 408 || status === 409 || status === 429 || status >= 500;
    return { code: status === undefined ? 'network' : `http_${status}`, retryable, status, retryAfterMs };
  }
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { message, code } = current as { message?: unknown; code?: unknown };
    if (
      (typeof message === 'string' && NETWORK.test(message)) ||
      (typeof code === 'string' && NETWORK.test(code))
    )
      return { code: 'network', retryable: true };
    current = (current as { cause?: unknown }).cause;
  }
  return { code: 'error', retryable: false };
}
