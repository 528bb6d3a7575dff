import { afterEach, describe, expect, it, vi } from 'vitest';
import { rateLimits } from '@/lib/config';
import { log } from '@/lib/observability/logger';
import { questionBucket } from './keys';
import { limit, peek, refund } from './limiter';
import { createMemoryStore } from './memory-store';
import { describeWait, rateLimitedError, rateLimitHeaders } from './response';
import type { RateLimitRule, RateLimitStore } from './types';

const rule = (whenStoreDown: 'open' | 'closed'): RateLimitRule => ({
  id: `test-${whenStoreDown}`,
  limit: 2,
  windowSeconds: 60,
  whenStoreDown,
});

// A new one per test: a store that keeps failing counts as down (its breaker is per store).
const downStore = (): RateLimitStore & { calls: number } => {
  const store = {
    kind: 'redis' as const,
    calls: 0,
    hit: () => {
      store.calls++;
      return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6390'));
    },
    peek: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6390')),
  };
  return store;
};

afterEach(() => vi.restoreAllMocks());

describe('limit(key, rule)', () => {
  it('counts hits and says when to retry once refused', async () => {
    const store = createMemoryStore();
    expect(await limit('k', rule('open'), store)).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
    await limit('k', rule('open'), store);
    const refused = await limit('k', rule('open'), store);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.resetAt.getTime()).toBeGreaterThan(Date.now());
    await refund('k', rule('open'), store);
    expect(await peek('k', rule('open'), store)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('fails open with a warning when a question rule cannot reach its store', async () => {
    const warn = vi.spyOn(log(), 'warn');
    const result = await limit('k', rule('open'), downStore());
    expect(result).toMatchObject({ allowed: true, storeUnavailable: true, retryAfterSeconds: 0 });
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ rule: 'test-open', store: 'redis' }),
      expect.stringContaining('allowed (rule fails open)'),
    );
    expect(rateLimitHeaders(result)).toEqual({});
  });

  it('fails closed when a sign-in rule cannot reach its store, and the refusal is a 503, not a 429', async () => {
    const warn = vi.spyOn(log(), 'warn');
    const result = await limit('k', rule('closed'), downStore());
    expect(result).toMatchObject({ allowed: false, storeUnavailable: true, retryAfterSeconds: 30 });
    expect(warn).toHaveBeenCalledWith(
      expect.anything(),
      expect.stringContaining('refused (rule fails closed)'),
    );
    expect(rateLimitedError(result, rule('closed'))).toMatchObject({
      status: 503,
      code: 'service_unavailable',
    });
  });

  it('treats a store slower than storeTimeoutMs as down', async () => {
    vi.useFakeTimers();
    const slow: RateLimitStore = { ...downStore(), hit: () => new Promise(() => {}) };
    const pending = limit('k', rule('closed'), slow);
    await vi.advanceTimersByTimeAsync(rateLimits.storeTimeoutMs + 1);
    expect(await pending).toMatchObject({ allowed: false, storeUnavailable: true });
    vi.useRealTimers();
  });

  it('stops waiting for a store that keeps failing, then probes it again after storeDownRetryMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const warn = vi.spyOn(log(), 'warn');
    const store = downStore();
    for (let i = 0; i < rateLimits.storeDownAfterFailures; i++) await limit('k', rule('open'), store);
    expect(store.calls).toBe(rateLimits.storeDownAfterFailures);
    expect(warn).toHaveBeenCalledTimes(rateLimits.storeDownAfterFailures);

    // Counted as down: the rule's fail mode at once, without calling the store or logging again.
    for (let i = 0; i < 20; i++)
      expect(await limit('k', rule('closed'), store)).toMatchObject({
        allowed: false,
        storeUnavailable: true,
      });
    expect(store.calls).toBe(rateLimits.storeDownAfterFailures);
    expect(warn).toHaveBeenCalledTimes(rateLimits.storeDownAfterFailures);

    // Back: after the pause one call probes the store, and a working one is used again.
    vi.setSystemTime(Date.now() + rateLimits.storeDownRetryMs + 1);
    store.hit = () => {
      store.calls++;
      return Promise.resolve({ allowed: true, limit: 2, remaining: 1, resetAtMs: Date.now() + 60_000 });
    };
    expect(await limit('k', rule('closed'), store)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limit('k', rule('closed'), store)).toMatchObject({ allowed: true, remaining: 1 });
    expect(store.calls).toBe(rateLimits.storeDownAfterFailures + 2);
    vi.useRealTimers();
  });

  it('keeps the sign-in rules failing closed and the question rules failing open', () => {
    expect(rateLimits.signInPerIp.whenStoreDown).toBe('closed');
    expect(rateLimits.signInFailuresPerEmail.whenStoreDown).toBe('closed');
    expect(rateLimits.questionPerUser.whenStoreDown).toBe('open');
    expect(rateLimits.questionPerApiKey.whenStoreDown).toBe('open');
  });
});

describe('how a decision reads on the wire', () => {
  it('sends the IETF draft RateLimit-* headers with seconds until the window ends', () => {
    const now = Date.UTC(2026, 0, 1);
    const headers = rateLimitHeaders(
      { allowed: true, limit: 100, remaining: 42, resetAt: new Date(now + 1_500), retryAfterSeconds: 0 },
      now,
    );
    expect(headers).toEqual({
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '42',
      'RateLimit-Reset': '2',
    });
  });

  it('refuses with rate_limited, the limit in words and when to retry', () => {
    const error = rateLimitedError(
      { allowed: false, limit: 100, remaining: 0, resetAt: new Date(), retryAfterSeconds: 125 },
      rateLimits.questionPerUser,
      'questions',
    );
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', details: { retryAfterSeconds: 125 } });
    expect(error.message).toBe('Too many questions: the limit is 100 an hour. Try again in 3 minutes.');
    expect([describeWait(1), describeWait(59), describeWait(60), describeWait(3601)]).toEqual([
      '1 second',
      '59 seconds',
      '1 minute',
      '2 hours',
    ]);
  });
});

describe('which bucket a question counts against', () => {
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.7' });
  it('an API key has its own, else the user, else the client IP', () => {
    expect(questionBucket({ user: { id: 'u1' }, apiKey: { id: 'k1' }, headers })).toEqual({
      key: 'key:k1',
      rule: rateLimits.questionPerApiKey,
    });
    expect(questionBucket({ user: { id: 'u1' }, apiKey: null, headers })).toEqual({
      key: 'user:u1',
      rule: rateLimits.questionPerUser,
    });
    expect(questionBucket({ user: null, apiKey: null, headers })).toEqual({
      key: 'ip:203.0.113.7',
      rule: rateLimits.anonymousPerIp,
    });
    expect(questionBucket({ user: null, apiKey: null, headers: new Headers() }).key).toBe('ip:unknown');
  });
});
