// limit(key, rule): one hit against a rule in the store this deployment shares (in process, Redis over
// TCP or Upstash over REST), with the rule deciding what happens when that store is down.
import 'server-only';
import { Redis as UpstashRedis } from '@upstash/redis';
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  handleAll,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { withStoreChaos } from '@/lib/chaos/rate-limit-store';
import { rateLimits } from '@/lib/config';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/logger';
import { createMemoryStore } from './memory-store';
import { connectRedis } from './redis-client';
import type { RateLimitResult, RateLimitRule, RateLimitStore, StoreResult } from './types';
import { createScriptStore } from './upstash-store';

export type { RateLimitResult, RateLimitRule } from './types';

/** The store named by the settings: REDIS_URL, else UPSTASH_REDIS_REST_URL/TOKEN, else this process. */
export function storeFromSettings(settings: {
  REDIS_URL?: string;
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
}): RateLimitStore {
  const timeoutMs = rateLimits.storeTimeoutMs;
  if (settings.REDIS_URL) {
    const { client, quit } = connectRedis(settings.REDIS_URL, timeoutMs);
    // Chaos mode's `redis` target makes the shared store fail and lag (lib/chaos/); the rules decide.
    return withStoreChaos(createScriptStore('redis', client, quit));
  }
  if (settings.UPSTASH_REDIS_REST_URL && settings.UPSTASH_REDIS_REST_TOKEN) {
    const client = new UpstashRedis({
      url: settings.UPSTASH_REDIS_REST_URL,
      token: settings.UPSTASH_REDIS_REST_TOKEN,
      retry: false,
      enableTelemetry: false,
      enableAutoPipelining: false,
      signal: () => AbortSignal.timeout(timeoutMs),
    });
    return withStoreChaos(createScriptStore('upstash', client));
  }
  return createMemoryStore();
}

const globalForStore = globalThis as unknown as { ragRateLimitStore?: RateLimitStore };

/** This process's store, made on first use (kept across hot reloads in development). */
export function rateLimitStore(): RateLimitStore {
  globalForStore.ragRateLimitStore ??= storeFromSettings(env());
  return globalForStore.ragRateLimitStore;
}

/** Closes this process's store (its Redis connection), if one was made (shutdown). */
export async function closeRateLimitStore(): Promise<void> {
  const store = globalForStore.ragRateLimitStore;
  globalForStore.ragRateLimitStore = undefined;
  await store?.close?.();
}

/** Replaces this process's store (tests, and launchers that make their own). */
export function useRateLimitStore(store: RateLimitStore): void {
  globalForStore.ragRateLimitStore = store;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate-limit store did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function toResult(result: StoreResult, now: number): RateLimitResult {
  return {
    allowed: result.allowed,
    limit: result.limit,
    remaining: result.remaining,
    resetAt: new Date(result.resetAtMs),
    retryAfterSeconds: result.allowed ? 0 : Math.max(1, Math.ceil((result.resetAtMs - now) / 1000)),
  };
}

/** The rule with RATE_LIMIT_MULTIPLIER applied. */
function scaled(rule: RateLimitRule): RateLimitRule {
  const multiplier = env().RATE_LIMIT_MULTIPLIER;
  if (multiplier === 1) return rule;
  return { ...rule, limit: Math.max(1, Math.round(rule.limit * multiplier)) };
}

// A store that keeps failing is skipped for a while (a circuit breaker per store): with Redis down,
// every request would otherwise wait storeTimeoutMs before its rule's fail mode applied.
const breakers = new WeakMap<RateLimitStore, CircuitBreakerPolicy>();

function breakerOf(store: RateLimitStore): CircuitBreakerPolicy {
  let breaker = breakers.get(store);
  if (!breaker) {
    breaker = circuitBreaker(handleAll, {
      halfOpenAfter: rateLimits.storeDownRetryMs,
      breaker: new ConsecutiveBreaker(rateLimits.storeDownAfterFailures),
    });
    breakers.set(store, breaker);
  }
  return breaker;
}

async function ask(
  original: RateLimitRule,
  call: (store: RateLimitStore, rule: RateLimitRule) => Promise<StoreResult>,
  store: RateLimitStore,
): Promise<RateLimitResult> {
  const rule = scaled(original);
  const now = Date.now();
  try {
    const result = await breakerOf(store).execute(() =>
      withTimeout(call(store, rule), rateLimits.storeTimeoutMs),
    );
    return toResult(result, now);
  } catch (error) {
    const open = rule.whenStoreDown === 'open';
    // While the store counts as down each request is not logged again; the failures that opened it were.
    const skipped = error instanceof BrokenCircuitError;
    log()[skipped ? 'debug' : 'warn'](
      {
        rule: rule.id,
        store: store.kind,
        cause: skipped
          ? 'store counted as down after repeated failures'
          : (error as Error).message?.split('\n')[0],
      },
      open
        ? 'rate-limit store unavailable: request allowed (rule fails open)'
        : 'rate-limit store unavailable: request refused (rule fails closed)',
    );
    const windowMs = rule.windowSeconds * 1000;
    return {
      allowed: open,
      limit: rule.limit,
      remaining: open ? rule.limit : 0,
      resetAt: new Date(now + windowMs),
      // A refusal for a store outage is short: the store may be back in a moment.
      retryAfterSeconds: open ? 0 : Math.min(rule.windowSeconds, 30),
      storeUnavailable: true,
    };
  }
}

/** Counts one hit of `key` against `rule`; refused when that would pass the rule's limit. */
export function limit(key: string, rule: RateLimitRule, store = rateLimitStore()): Promise<RateLimitResult> {
  return ask(rule, (s, r) => s.hit(key, r), store);
}

/** Gives one hit back (e.g. a sign-in that turned out to be right); never refused. */
export function refund(key: string, rule: RateLimitRule, store = rateLimitStore()): Promise<RateLimitResult> {
  return ask(rule, (s, r) => s.hit(key, r, -1), store);
}

/** The state of `key` under `rule` without counting a hit. */
export function peek(key: string, rule: RateLimitRule, store = rateLimitStore()): Promise<RateLimitResult> {
  return ask(rule, (s, r) => s.peek(key, r), store);
}
