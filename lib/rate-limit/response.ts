// How a rate-limit decision reads on the wire: the IETF draft RateLimit-* headers, Retry-After, and the
// one error shape with code rate_limited.
import { AppError } from '@/lib/http/errors';
import type { RateLimitResult, RateLimitRule } from './types';

/** RateLimit-Limit, -Remaining and -Reset (seconds until the window ends), for any response. */
export function rateLimitHeaders(result: RateLimitResult, now = Date.now()): Record<string, string> {
  if (result.storeUnavailable) return {};
  return {
    'RateLimit-Limit': String(result.limit),
    'RateLimit-Remaining': String(result.remaining),
    'RateLimit-Reset': String(Math.max(0, Math.ceil((result.resetAt.getTime() - now) / 1000))),
  };
}

/** "42 seconds", "1 minute", "2 hours": how long to wait, rounded up to a unit people read. */
export function describeWait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(Math.max(1, seconds), 'second');
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

/** "a minute", "an hour", "15 minutes": a rule's window in words. */
export function describeWindow(seconds: number): string {
  if (seconds === 60) return 'a minute';
  if (seconds === 3600) return 'an hour';
  if (seconds === 86_400) return 'a day';
  if (seconds % 3600 === 0) return `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/**
 * The refusal for a request over its limit: 429 rate_limited saying when to retry (503 when the store
 * was down and the rule fails closed). The route wrapper turns `retryAfterSeconds` into Retry-After.
 */
export function rateLimitedError(result: RateLimitResult, rule: RateLimitRule, what = 'requests'): AppError {
  if (result.storeUnavailable)
    return new AppError(
      'service_unavailable',
      'The service is temporarily unavailable. Please try again shortly.',
      {
        retryAfterSeconds: result.retryAfterSeconds,
      },
    );
  return new AppError(
    'rate_limited',
    `Too many ${what}: the limit is ${result.limit} ${describeWindow(rule.windowSeconds)}. Try again in ${describeWait(result.retryAfterSeconds)}.`,
    { retryAfterSeconds: result.retryAfterSeconds, rule: rule.id },
  );
}
