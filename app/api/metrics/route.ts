// GET /api/metrics: this instance's Prometheus metrics, for a scraper holding METRICS_TOKEN.
import { route } from '@/lib/http/handler';
import { assertMetricsAccess } from '@/lib/observability/metrics-access';
import { renderMetrics } from '@/lib/observability/metrics';

export const dynamic = 'force-dynamic';

// Public to the wrapper (no user or API key): the scrape token is checked here instead.
export const GET = route({}, async ({ request }) => {
  assertMetricsAccess(request.headers.get('authorization'));
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
});
