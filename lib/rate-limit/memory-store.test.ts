import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store';
import type { RateLimitRule } from './types';

const rule: RateLimitRule = { id: 'test', limit: 3, windowSeconds: 60, whenStoreDown: 'open' };

describe('in-process store (sliding window)', () => {
  it('admits up to the limit in a window, then refuses until the window has slid past', async () => {
    let now = 60_000 * 100; // the start of a window
    const store = createMemoryStore(() => now);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await store.hit('a', rule));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(results[3]!.resetAtMs).toBe(60_000 * 101);
    // Other keys and rules have their own buckets.
    expect((await store.hit('b', rule)).allowed).toBe(true);
    expect((await store.hit('a', { ...rule, id: 'other' })).allowed).toBe(true);
    // Early in the next window the previous one still weighs almost fully (3 × 59/60, rounded down: 2)…
    now = 60_000 * 101 + 1_000;
    expect(await store.hit('a', rule)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await store.hit('a', rule)).allowed).toBe(false);
    // …and less as the window slides: two thirds through, it counts 1, the current window 1.
    now = 60_000 * 101 + 40_000;
    expect(await store.hit('a', rule)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await store.hit('a', rule)).allowed).toBe(false);
  });

  it('gives a hit back on a refund and peeks without counting', async () => {
    const store = createMemoryStore(() => 0);
    await store.hit('a', rule);
    await store.hit('a', rule);
    expect(await store.peek('a', rule)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await store.peek('a', rule)).toMatchObject({ remaining: 1 });
    await store.hit('a', rule, -1);
    expect(await store.peek('a', rule)).toMatchObject({ remaining: 2 });
  });

  it('forgets a key after two windows', async () => {
    let now = 0;
    const store = createMemoryStore(() => now);
    for (let i = 0; i < 3; i++) await store.hit('a', rule);
    now = 121_000;
    expect(await store.hit('a', rule)).toMatchObject({ allowed: true, remaining: 2 });
  });
});
