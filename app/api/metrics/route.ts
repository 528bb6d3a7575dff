// GET /api/metrics: this instance's Prometheus metrics, for a scraper holding METRICS_TOKEN.
// Loading the kill switch registers its gauge, also on an instance that has not answered yet.
import '@/lib/governance/kill-switch';
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
