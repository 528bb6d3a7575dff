import { describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from './memory-store';

describe('RATE_LIMIT_MULTIPLIER', () => {
  it('scales every limit (end-to-end tests and benchmarks raise them)', async () => {
    vi.stubEnv('RATE_LIMIT_MULTIPLIER', '100');
    // Settings are read once per process, so the limiter is loaded after the variable is set.
    const { limit } = await import('./limiter');
    const rule = { id: 'scaled', limit: 2, windowSeconds: 60, whenStoreDown: 'open' } as const;
    const store = createMemoryStore();
    expect(await limit('k', rule, store)).toMatchObject({ allowed: true, limit: 200, remaining: 199 });
    vi.unstubAllEnvs();
  });
});
