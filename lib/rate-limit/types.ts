// The shapes every rate-limit store and caller share.

/** One limit: at most `limit` hits per sliding window of `windowSeconds`, keyed under `id`. */
export type RateLimitRule = {
  readonly id: string;
  readonly limit: number;
  readonly windowSeconds: number;
  /** What happens when the store cannot be reached: let the request through, or refuse it. */
  readonly whenStoreDown: 'open' | 'closed';
};

/** A store's answer for one hit (or a peek). */
export type StoreResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds at which the current window ends. */
  resetAtMs: number;
};

/** Where hits are counted: in this process, Redis over TCP, or Upstash over REST. */
export type RateLimitStore = {
  readonly kind: 'memory' | 'redis' | 'upstash';
  /**
   * Counts `rate` hits against `key` unless that would pass the limit. A negative rate gives hits
   * back (a refund) and is never refused.
   */
  hit(key: string, rule: RateLimitRule, rate?: number): Promise<StoreResult>;
  /** The current state of `key` without counting a hit. */
  peek(key: string, rule: RateLimitRule): Promise<StoreResult>;
  close?(): Promise<void>;
};

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
  /** Whole seconds until a refused request may be tried again; 0 when allowed. */
  retryAfterSeconds: number;
  /** The store could not be reached: the rule's `whenStoreDown` decided. */
  storeUnavailable?: true;
};
