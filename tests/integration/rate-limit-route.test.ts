// [Rate limits] POST /api/v1/query through its route handler with an API key, the in-process store
// and the real database: RateLimit-* headers on an answer, then 429 rate_limited with Retry-After.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { POST as queryPost } from '../../app/api/v1/query/route';
import { rateLimits } from '../../lib/config';
import { createApiKey } from '../../lib/db/api-keys';
import { upsertUser } from '../../lib/db/users';
import { limit, useRateLimitStore } from '../../lib/rate-limit/limiter';
import { createMemoryStore } from '../../lib/rate-limit/memory-store';

const ask = (key: string) =>
  queryPost(
    new Request('http://localhost/api/v1/query', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'How do I rotate my keys?' }),
    }),
  );

describe(`[Rate limits] the query API on ${inject('database')}`, () => {
  let key: string;
  let keyId: string;

  beforeAll(async () => {
    useRateLimitStore(createMemoryStore());
    const user = await upsertUser({
      email: 'rate-limited-api@example.test',
      role: 'USER',
      passwordHash: 'x',
    });
    const created = await createApiKey({ user, name: 'limited', scopes: ['query'] });
    key = created.key;
    keyId = created.view.id;
  });

  it("answers with RateLimit-* headers until the key's limit, then refuses with 429, Retry-After and the one error shape", async () => {
    const rule = rateLimits.questionPerApiKey;
    // All but the last question of the window were asked already.
    for (let i = 0; i < rule.limit - 1; i++) await limit(`key:${keyId}`, rule);

    const last = await ask(key);
    expect(last.status).toBe(200);
    expect(last.headers.get('ratelimit-limit')).toBe(String(rule.limit));
    expect(last.headers.get('ratelimit-remaining')).toBe('0');
    const reset = Number(last.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(rule.windowSeconds);

    const refused = await ask(key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-limit')).toBe(String(rule.limit));
    expect(await refused.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(
          /^Too many questions: the limit is 100 an hour\. Try again in \d+ \w+\.$/,
        ),
        requestId: refused.headers.get('x-request-id'),
      },
    });
  });
});
