import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { generateApiKey } from '@/lib/auth/api-keys';
import { getSessionUser } from '@/lib/auth/session';
import { rateLimits } from '@/lib/config';
import { authenticateApiKey } from '@/lib/db/api-keys';
import { useRateLimitStore } from '@/lib/rate-limit/limiter';
import { createMemoryStore } from '@/lib/rate-limit/memory-store';
import { AppError } from './errors';
import { route } from './handler';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: vi.fn() }));
vi.mock('@/lib/db/api-keys', () => ({ authenticateApiKey: vi.fn() }));

const echo = route(
  { body: z.object({ question: z.string().min(1, 'must not be empty') }) },
  async ({ body, requestId }) => Response.json({ question: body.question, requestId }),
);

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/test', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('route wrapper (lib/http/handler)', () => {
  it('parses the body and passes the request id through to the handler and the response', async () => {
    const response = await echo(post('{"question":"hi"}', { 'x-request-id': 'req-abcdefgh' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-abcdefgh');
    expect(await response.json()).toEqual({ question: 'hi', requestId: 'req-abcdefgh' });
  });

  it("puts the API's CSP on answers and errors, and keeps a route's own policy", async () => {
    const api = "default-src 'none'; frame-ancestors 'none'";
    expect((await echo(post('{"question":"hi"}'))).headers.get('content-security-policy')).toBe(api);
    expect((await echo(post('{nope'))).headers.get('content-security-policy')).toBe(api);
    const file = route(
      {},
      async () => new Response('<p>hi</p>', { headers: { 'content-security-policy': 'sandbox' } }),
    );
    expect(
      (await file(new Request('http://localhost/api/file'))).headers.get('content-security-policy'),
    ).toBe('sandbox');
  });

  it('answers invalid JSON, an empty body and a failed schema with 400 in the one error shape', async () => {
    for (const [body, message] of [
      ['{nope', 'Request body is not valid JSON.'],
      ['', 'Request body must be JSON.'],
      ['{"question":""}', 'question: must not be empty'],
    ] as const) {
      const response = await echo(post(body));
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json.error.message).toBe(message);
      expect(json.error.requestId).toBe(response.headers.get('x-request-id'));
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const small = route({ body: z.object({}).loose(), maxBodyBytes: 10 }, async () => new Response('ok'));
    const response = await small(post(JSON.stringify({ text: 'x'.repeat(100) })));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });

  it('maps thrown errors: own errors keep their status, anything else is a 500 without internals', async () => {
    const notFound = route({}, async () => {
      throw new AppError('not_found', 'No such document.');
    });
    expect((await notFound(new Request('http://localhost/x'))).status).toBe(404);
    const broken = route({}, async () => {
      throw new Error('password=hunter2 at db.ts:12');
    });
    const response = await broken(new Request('http://localhost/x'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('hunter2');
  });
});

describe('route wrapper: sessions and API keys', () => {
  const admin = { id: 'u-admin', email: 'admin@example.com', name: null, role: 'ADMIN' as const };
  const user = { id: 'u-user', email: 'user@example.com', name: null, role: 'USER' as const };
  const { key } = generateApiKey();

  const whoami = (options: Parameters<typeof route>[0]) =>
    route(options, async ({ user, apiKey }) => Response.json({ userId: user?.id ?? null, apiKey }));

  const call = async (handler: ReturnType<typeof whoami>, authorization?: string) => {
    const response = await handler(
      new Request('http://localhost/api/v1/x', { headers: authorization ? { authorization } : {} }),
    );
    return { status: response.status, headers: response.headers, json: await response.json() };
  };

  beforeEach(() => {
    vi.mocked(getSessionUser).mockReset().mockResolvedValue(null);
    vi.mocked(authenticateApiKey).mockReset().mockResolvedValue(null);
  });

  it('without an Authorization header uses the session as before: 401 signed out, 403 wrong role', async () => {
    const ingest = whoami({ roles: ['ADMIN'], apiKeyScope: 'ingest' });
    expect((await call(ingest)).status).toBe(401);
    vi.mocked(getSessionUser).mockResolvedValue(user);
    expect((await call(ingest)).status).toBe(403);
    vi.mocked(getSessionUser).mockResolvedValue(admin);
    expect(await call(ingest)).toMatchObject({ status: 200, json: { userId: 'u-admin', apiKey: null } });
    expect(authenticateApiKey).not.toHaveBeenCalled();
  });

  it('authenticates a valid key with the scope and hands the key to the handler', async () => {
    vi.mocked(authenticateApiKey).mockResolvedValue({
      user: admin,
      apiKey: { id: 'k1', scopes: ['query', 'ingest'] },
    });
    const result = await call(whoami({ roles: ['ADMIN'], apiKeyScope: 'ingest' }), `Bearer ${key}`);
    expect(result).toMatchObject({
      status: 200,
      json: { userId: 'u-admin', apiKey: { id: 'k1', scopes: ['query', 'ingest'] } },
    });
    expect(authenticateApiKey).toHaveBeenCalledWith(key);
  });

  it('answers a malformed, unknown, revoked or expired key with one 401 that says nothing more, never falling back to the session', async () => {
    vi.mocked(getSessionUser).mockResolvedValue(admin);
    const handler = whoami({ roles: ['ADMIN'], apiKeyScope: 'ingest' });
    // Unknown, revoked and expired all come back from the data layer as null.
    for (const authorization of [`Bearer ${key}`, 'Bearer nope', 'Basic dXNlcjpwYXNz', 'Bearer', ' ']) {
      const { status, headers, json } = await call(handler, authorization);
      expect(status, authorization).toBe(401);
      expect(json.error).toMatchObject({ code: 'unauthorized', message: 'Invalid or missing API key.' });
      expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    // Malformed headers never reach the database.
    expect(authenticateApiKey).toHaveBeenCalledTimes(1);
    expect(getSessionUser).not.toHaveBeenCalled();
  });

  it('refuses a valid key on a route that takes no keys, and a key lacking the scope, with 403', async () => {
    vi.mocked(authenticateApiKey).mockResolvedValue({ user: admin, apiKey: { id: 'k1', scopes: ['query'] } });
    const sessionOnly = await call(whoami({ roles: ['ADMIN'] }), `Bearer ${key}`);
    expect(sessionOnly.status).toBe(403);
    expect(sessionOnly.json.error.message).toBe('This endpoint does not accept API keys.');
    const lacking = await call(whoami({ roles: ['ADMIN'], apiKeyScope: 'ingest' }), `Bearer ${key}`);
    expect(lacking.status).toBe(403);
    expect(lacking.json.error.message).toBe('This API key lacks the "ingest" scope.');
  });

  it("applies the route's roles to the key's user", async () => {
    vi.mocked(authenticateApiKey).mockResolvedValue({ user, apiKey: { id: 'k2', scopes: ['ingest'] } });
    const { status, json } = await call(whoami({ roles: ['ADMIN'], apiKeyScope: 'ingest' }), `Bearer ${key}`);
    expect(status).toBe(403);
    expect(json.error.code).toBe('forbidden');
  });

  it('authenticates nobody on a public route, whatever the headers', async () => {
    const result = await call(whoami({}), 'Bearer nope');
    expect(result).toMatchObject({ status: 200, json: { userId: null, apiKey: null } });
    expect(authenticateApiKey).not.toHaveBeenCalled();
    expect(getSessionUser).not.toHaveBeenCalled();
  });
});

describe('route wrapper: rate limits', () => {
  const user = { id: 'u-limited', email: 'limited@example.com', name: null, role: 'USER' as const };
  const ask = route({ roles: ['USER'], apiKeyScope: 'query', rateLimit: 'question' }, async () =>
    Response.json({ ok: true }),
  );
  const request = (headers: Record<string, string> = {}) =>
    new Request('http://localhost/api/v1/query', { method: 'POST', headers });

  beforeEach(() => {
    useRateLimitStore(createMemoryStore());
    vi.mocked(getSessionUser).mockReset().mockResolvedValue(user);
    vi.mocked(authenticateApiKey).mockReset().mockResolvedValue(null);
  });

  it('counts by user: RateLimit-* on every answer, then 429 rate_limited with Retry-After', async () => {
    const { limit } = rateLimits.questionPerUser;
    for (let i = 1; i <= limit; i++) {
      const response = await ask(request());
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe(String(limit));
      expect(response.headers.get('ratelimit-remaining')).toBe(String(limit - i));
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    }
    const refused = await ask(request());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(rateLimits.questionPerUser.windowSeconds);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    const { error } = await refused.json();
    expect(error).toMatchObject({ code: 'rate_limited', requestId: refused.headers.get('x-request-id') });
    expect(error.message).toMatch(
      /^Too many questions: the limit is 100 an hour\. Try again in \d+ (minute|second)s?\.$/,
    );
  });

  it('gives an API key its own bucket, apart from its owner', async () => {
    const { key } = generateApiKey();
    for (let i = 0; i < rateLimits.questionPerUser.limit; i++) await ask(request());
    expect((await ask(request())).status).toBe(429);
    vi.mocked(authenticateApiKey).mockResolvedValue({ user, apiKey: { id: 'k-limited', scopes: ['query'] } });
    const byKey = await ask(request({ authorization: `Bearer ${key}` }));
    expect(byKey.status).toBe(200);
    expect(byKey.headers.get('ratelimit-remaining')).toBe(String(rateLimits.questionPerApiKey.limit - 1));
  });

  it('limits only after authentication: a signed-out request is a 401 and counts nothing', async () => {
    vi.mocked(getSessionUser).mockResolvedValue(null);
    const response = await ask(request());
    expect(response.status).toBe(401);
    expect(response.headers.has('ratelimit-limit')).toBe(false);
  });

  it('limits a public route by client IP', async () => {
    const open = route({ rateLimit: 'question' }, async () => new Response('ok'));
    const from = (ip: string) => open(request({ 'x-forwarded-for': `${ip}, 10.0.0.1` }));
    for (let i = 0; i < rateLimits.anonymousPerIp.limit; i++)
      expect((await from('203.0.113.9')).status).toBe(200);
    expect((await from('203.0.113.9')).status).toBe(429);
    expect((await from('203.0.113.10')).status).toBe(200);
  });

  it('answers a budget_exceeded thrown by a handler with 429 and its Retry-After', async () => {
    const spent = route({ roles: ['USER'] }, async () => {
      throw new AppError('budget_exceeded', 'Your daily budget is used up.', { retryAfterSeconds: 3600 });
    });
    const response = await spent(request());
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3600');
    expect((await response.json()).error).toMatchObject({ code: 'budget_exceeded' });
  });

  it('lets questions through when the store is down (the rule fails open), without RateLimit headers', async () => {
    useRateLimitStore({
      kind: 'redis',
      hit: () => Promise.reject(new Error('ECONNREFUSED')),
      peek: () => Promise.reject(new Error('ECONNREFUSED')),
    });
    const response = await ask(request());
    expect(response.status).toBe(200);
    expect(response.headers.has('ratelimit-limit')).toBe(false);
  });
});

describe('route wrapper: cross-site requests', () => {
  const user = { id: 'u-csrf', email: 'csrf@example.com', name: null, role: 'USER' as const };
  const mutate = route({ roles: ['USER'], body: z.object({}).loose() }, async () =>
    Response.json({ ok: true }),
  );
  const cookiePost = (origin: string) =>
    new Request('http://localhost/api/chat', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', cookie: 'next-auth.session-token=abc', origin },
    });

  beforeEach(() => {
    vi.mocked(getSessionUser).mockReset().mockResolvedValue(user);
  });

  it('refuses a cookie POST from another site with 403 in the one error shape, before the session is read', async () => {
    const response = await mutate(cookiePost('https://evil.example'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: 'forbidden',
        message: 'Cross-site request refused.',
        requestId: response.headers.get('x-request-id'),
      },
    });
    expect(getSessionUser).not.toHaveBeenCalled();
    expect((await mutate(cookiePost('http://localhost'))).status).toBe(200);
  });
});
