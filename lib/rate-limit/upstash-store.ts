// A shared store on Redis: @upstash/ratelimit's sliding window, one atomic Lua script per hit, over
// either @upstash/redis (REST) or a TCP client adapted to the same three calls (redis-client.ts).
import { Ratelimit } from '@upstash/ratelimit';
import type { RateLimitRule, RateLimitStore, StoreResult } from './types';

/** What @upstash/ratelimit calls on its client: EVALSHA, falling back to EVAL on NOSCRIPT. */
export type ScriptClient = {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
};

/** Every key this service writes starts with this. */
export const KEY_PREFIX = 'rag:rl';

export function createScriptStore(
  kind: 'redis' | 'upstash',
  client: ScriptClient,
  close?: () => Promise<void>,
): RateLimitStore {
  const limiters = new Map<string, Ratelimit>();
  const limiterFor = (rule: RateLimitRule): Ratelimit => {
    const cacheKey = `${rule.id}:${rule.limit}:${rule.windowSeconds}`;
    let limiter = limiters.get(cacheKey);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: client as unknown as ConstructorParameters<typeof Ratelimit>[0]['redis'],
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: `${KEY_PREFIX}:${rule.id}`,
        // Timeouts and failures are ours to decide per rule (limiter.ts): the library's timeout
        // would quietly let every request through, and its cache would outlive a reset of the store.
        timeout: 0,
        ephemeralCache: false,
        analytics: false,
        enableTelemetry: false,
      });
      limiters.set(cacheKey, limiter);
    }
    return limiter;
  };

  return {
    kind,
    async hit(key, rule, rate = 1): Promise<StoreResult> {
      const result = await limiterFor(rule).limit(key, { rate });
      return {
        allowed: result.success,
        limit: result.limit,
        remaining: result.remaining,
        resetAtMs: result.reset,
      };
    },
    async peek(key, rule): Promise<StoreResult> {
      const result = await limiterFor(rule).getRemaining(key);
      return {
        allowed: result.remaining > 0,
        limit: result.limit,
        remaining: result.remaining,
        resetAtMs: result.reset,
      };
    },
    close,
  };
}
