// Chaos at the rate limiter's shared store (Redis or Upstash): every call waits a random latency, and a
// share fails as a store that is down, so each rule's `whenStoreDown` decides (lib/rate-limit/limiter.ts).
import type { RateLimitStore } from '@/lib/rate-limit/types';
import { decideFault, injectFault, type Random } from './faults';
import { chaosFor } from './state';

/** What a store call throws when chaos says the store is down. */
export class ChaosStoreError extends Error {
  constructor(kind: string) {
    super(`connect ECONNREFUSED: ${kind} store down (chaos mode: injected fault)`);
    this.name = 'ChaosStoreError';
  }
}

/** The store with chaos before each call when the `redis` target is on; the store otherwise. */
export function withStoreChaos(store: RateLimitStore, random: Random = Math.random): RateLimitStore {
  if (!chaosFor('redis')) return store;
  const before = async () => {
    const settings = chaosFor('redis');
    if (settings) await injectFault(decideFault(settings, random), () => new ChaosStoreError(store.kind));
  };
  return {
    kind: store.kind,
    async hit(key, rule, rate) {
      await before();
      return store.hit(key, rule, rate);
    },
    async peek(key, rule) {
      await before();
      return store.peek(key, rule);
    },
    ...(store.close && { close: () => store.close!() }),
  };
}
