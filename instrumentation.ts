// Next.js calls register() once per server instance: it starts tracing when an OTLP endpoint is set,
// the background job workers (document ingestion) beside the web server, so work goes to whichever
// instance is free, and, in the production server (scripts/production-server.mjs), graceful shutdown.
import type { Server } from 'node:http';

export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself to pick the runtime's code
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  const settings = env();
  // Chaos mode (ENABLE_CHAOS) says so in the log as the instance starts, not at its first fault.
  if (settings.ENABLE_CHAOS) (await import('./lib/chaos/state')).chaos();
  const closers: Array<() => Promise<void>> = [];
  if (settings.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import('./lib/observability/tracing');
    closers.push(
      startTracing({
        serviceName: settings.OTEL_SERVICE_NAME,
        endpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT,
      }),
    );
  }
  const { startBackgroundWork } = await import('./lib/jobs/start');
  startBackgroundWork();
  // `next dev` owns its server and its signals; the production server hands its server over.
  const server = (globalThis as { ragHttpServer?: Server }).ragHttpServer;
  if (server) {
    const { installGracefulShutdown } = await import('./lib/lifecycle/shutdown');
    installGracefulShutdown(
      server,
      { graceSeconds: settings.SHUTDOWN_GRACE_SECONDS, drainSeconds: settings.SHUTDOWN_DRAIN_SECONDS },
      closers,
    );
  }
}
