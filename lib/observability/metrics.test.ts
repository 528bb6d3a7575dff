import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getSessionUser } from '@/lib/auth/session';
import { rateLimits } from '@/lib/config';
import { route } from '@/lib/http/handler';
import { AppError } from '@/lib/http/errors';
import { useRateLimitStore } from '@/lib/rate-limit/limiter';
import { createMemoryStore } from '@/lib/rate-limit/memory-store';
import { metrics, observeAnswer, renderMetrics, routeTemplate } from './metrics';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: vi.fn() }));

const value = async (name: string, labels: Record<string, string> = {}) => {
  const metric = (await metrics().registry.getMetricsAsJSON()).find((m) => m.name === name);
  const sample = metric?.values.find((v) =>
    Object.entries(labels).every(([key, wanted]) => String(v.labels[key]) === wanted),
  );
  return sample?.value ?? 0;
};

beforeEach(() => {
  metrics().registry.resetMetrics();
  vi.mocked(getSessionUser).mockReset().mockResolvedValue(null);
});

describe('metrics', () => {
  it('labels requests by route template, never by id', () => {
    expect(routeTemplate('/api/conversations/c_123', { id: 'c_123' })).toBe('/api/conversations/[id]');
    expect(routeTemplate('/api/v1/documents/d%201/reindex', { id: 'd 1' })).toBe(
      '/api/v1/documents/[id]/reindex',
    );
    expect(routeTemplate('/api/auth/callback/oidc', { nextauth: ['callback', 'oidc'] })).toBe(
      '/api/auth/[...nextauth]',
    );
    expect(routeTemplate('/api/health', {})).toBe('/api/health');
  });

  it('counts every request the route wrapper answers, concurrently, by route and status', async () => {
    const slow = route({}, async ({ params }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (params.id === 'missing') throw new AppError('not_found', 'No such thing.');
      return new Response('ok');
    });
    const call = (id: string) =>
      slow(new Request(`http://localhost/api/things/${id}`), { params: Promise.resolve({ id }) });
    const pending = Array.from({ length: 40 }, (_, i) => call(i % 4 === 0 ? 'missing' : `t${i}`));
    expect(await value('rag_active_requests')).toBe(40);
    const statuses = (await Promise.all(pending)).map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(10);
    expect(await value('rag_requests_total', { route: '/api/things/[id]', status: '200' })).toBe(30);
    expect(await value('rag_requests_total', { route: '/api/things/[id]', status: '404' })).toBe(10);
    expect(await value('rag_active_requests')).toBe(0);
  });

  it('counts rate-limit refusals by rule', async () => {
    useRateLimitStore(createMemoryStore());
    const rule = rateLimits.anonymousPerIp;
    const asks = route({ rateLimit: 'question' }, async () => new Response('ok'));
    const request = () =>
      new Request('http://localhost/api/ask', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    for (let i = 0; i < rule.limit; i++) expect((await asks(request())).status).toBe(200);
    expect((await asks(request())).status).toBe(429);
    expect(await value('rag_rate_limit_rejections_total', { rule: rule.id })).toBe(1);
  });

  it('records answers: tokens and cost by model, cache hits, fallbacks, time to first token', async () => {
    const base = {
      status: 'ok',
      tokensIn: 100,
      tokensOut: 20,
      costUsd: 0.002,
      ttftMs: 250,
      cacheLookedUp: true,
    };
    observeAnswer({ ...base, model: 'gpt-4o-mini', cacheHit: false, fallback: null });
    observeAnswer({ ...base, model: 'gpt-4o', cacheHit: false, fallback: 'model' });
    observeAnswer({ ...base, model: 'gpt-4o-mini', cacheHit: true, fallback: null, ttftMs: 3 });
    expect(await value('rag_tokens_total', { model: 'gpt-4o-mini', direction: 'input' })).toBe(200);
    expect(await value('rag_cost_usd_total', { model: 'gpt-4o' })).toBeCloseTo(0.002);
    expect(await value('rag_cache_requests_total')).toBe(3);
    expect(await value('rag_cache_hits_total')).toBe(1);
    expect(await value('rag_fallbacks_total', { kind: 'model' })).toBe(1);
    // A cached answer's first token says nothing about the model's latency.
    const { body } = await renderMetrics();
    expect(body).toContain('rag_time_to_first_token_seconds_count{model="gpt-4o-mini"} 1\n');
    expect(body).toContain('# TYPE rag_request_duration_seconds histogram');
  });
});
