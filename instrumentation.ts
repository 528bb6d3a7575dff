// Next.js calls register() once per server instance: it starts tracing when an OTLP endpoint is set,
// and the background job workers (document ingestion) beside the web server, so work goes to whichever
// instance is free.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself to pick the runtime's code
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME } = env();
  if (OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import('./lib/observability/tracing');
    startTracing({ serviceName: OTEL_SERVICE_NAME, endpoint: OTEL_EXPORTER_OTLP_ENDPOINT });
  }
  const { startBackgroundWork } = await import('./lib/jobs/start');
  startBackgroundWork();
}
