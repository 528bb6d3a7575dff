// The in-process store: the sliding window of @upstash/ratelimit (a weighted count of the previous
// fixed window plus the current one) over a Map whose entries expire. Right for one app instance only.
import type { RateLimitRule, RateLimitStore, StoreResult } from './types';

type Counter = { count: number; expiresAtMs: number };

/** Every this many hits, expired counters are swept, so idle keys do not pile up. */
const SWEEP_EVERY = 1_000;

export function createMemoryStore(now: () => number = Date.now): RateLimitStore {
  const counters = new Map<string, Counter>();
  let hitsSinceSweep = 0;

  const read = (key: string, at: number): number => {
    const counter = counters.get(key);
    if (!counter) return 0;
    if (counter.expiresAtMs <= at) {
      counters.delete(key);
      return 0;
    }
    return counter.count;
  };

  const sweep = (at: number) => {
    for (const [key, counter] of counters) if (counter.expiresAtMs <= at) counters.delete(key);
  };

  const state = (key: string, rule: RateLimitRule, at: number) => {
    const windowMs = rule.windowSeconds * 1000;
    const current = Math.floor(at / windowMs);
    const currentKey = `${rule.id}:${key}:${current}`;
    const inCurrent = read(currentKey, at);
    // The previous window counts in proportion to how much of it the sliding window still covers.
    const inPrevious = Math.floor(
      (1 - (at % windowMs) / windowMs) * read(`${rule.id}:${key}:${current - 1}`, at),
    );
    return { windowMs, currentKey, inCurrent, inPrevious, resetAtMs: (current + 1) * windowMs };
  };

  return {
    kind: 'memory',
    async hit(key, rule, rate = 1): Promise<StoreResult> {
      const at = now();
      if (++hitsSinceSweep >= SWEEP_EVERY) {
        hitsSinceSweep = 0;
        sweep(at);
      }
      const { windowMs, currentKey, inCurrent, inPrevious, resetAtMs } = state(key, rule, at);
      if (rate > 0 && inPrevious + inCurrent >= rule.limit)
        return { allowed: false, limit: rule.limit, remaining: 0, resetAtMs };
      const count = inCurrent + rate;
      counters.set(currentKey, { count, expiresAtMs: at + windowMs * 2 + 1000 });
      const remaining = Math.max(0, rule.limit - (count + inPrevious));
      return { allowed: true, limit: rule.limit, remaining, resetAtMs };
    },
    async peek(key, rule): Promise<StoreResult> {
      const { inCurrent, inPrevious, resetAtMs } = state(key, rule, now());
      const remaining = Math.max(0, rule.limit - (inCurrent + inPrevious));
      return { allowed: remaining > 0, limit: rule.limit, remaining, resetAtMs };
    },
  };
}
