// Graceful shutdown of a production instance. On SIGTERM (or SIGINT) readiness answers 503 at once
// while requests are still served for a grace period (load balancers stop sending new ones), then the
// listener closes (new connections are refused), requests and streams in flight get a bounded time
// to finish, the job workers drain, the database pool, Redis and the trace exporter close, and the
// process exits 0. The server is the one scripts/production-server.mjs creates and hands over.
import 'server-only';
import type { Server } from 'node:http';
import { closeDatabase } from '@/lib/db/shutdown';
import { stopWorkers } from '@/lib/jobs/worker';
import { log } from '@/lib/observability/logger';
import { closeRateLimitStore } from '@/lib/rate-limit/limiter';
import { flushRateLimitRejections } from '@/lib/rate-limit/rejections';
import { isShuttingDown, markShuttingDown } from './state';

export type ShutdownSettings = {
  /** Seconds readiness answers 503 while the listener still accepts connections. */
  graceSeconds: number;
  /** Seconds requests and streams in flight get to finish once the listener is closed. */
  drainSeconds: number;
};

const holder = globalThis as unknown as { ragShutdownInstalled?: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `step`, logging a failure or a timeout instead of throwing; true when it finished cleanly. */
async function bounded(name: string, step: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
  );
  try {
    const outcome = await Promise.race([step().then(() => 'done' as const), timeout]);
    if (outcome === 'timeout') log().error({ step: name, timeoutMs }, 'shutdown step timed out');
    return outcome === 'done';
  } catch (error) {
    log().error({ err: error, step: name }, 'shutdown step failed');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Counts the requests `server` is handling (a streamed response counts until its last byte) and, on
 * SIGTERM or SIGINT, shuts this process down as described above. `closers` run last (the tracer).
 */
export function installGracefulShutdown(
  server: Server,
  settings: ShutdownSettings,
  closers: Array<() => Promise<void>> = [],
): void {
  if (holder.ragShutdownInstalled) return;
  holder.ragShutdownInstalled = true;
  let inFlight = 0;
  server.on('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => (inFlight -= 1));
  });

  const shutdown = async (signal: NodeJS.Signals) => {
    if (isShuttingDown()) return;
    markShuttingDown();
    const started = performance.now();
    log().info({ signal, inFlight, ...settings }, 'shutting down: readiness now answers 503');
    await sleep(settings.graceSeconds * 1000);

    // No new connections; idle keep-alive ones close now, busy ones once their response has ended.
    server.close();
    const deadline = Date.now() + settings.drainSeconds * 1000;
    while (inFlight > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await sleep(50);
    }
    if (inFlight > 0) log().warn({ inFlight }, 'shutdown: requests still in flight at the deadline are cut');
    server.closeAllConnections();

    // Running jobs finish (pg-boss waits for them) or are retried by another instance later.
    const clean = [
      await bounded('job workers', stopWorkers, 30_000),
      // The overview's count of refused requests noted since the last flush, before the pool closes.
      await bounded('rate-limit rejections', flushRateLimitRejections, 5_000),
      await bounded('rate-limit store', closeRateLimitStore, 5_000),
      await bounded('database pool', closeDatabase, 5_000),
      ...(await Promise.all(closers.map((close, i) => bounded(`closer ${i + 1}`, close, 5_000)))),
    ].every(Boolean);
    log().info({ ms: Math.round(performance.now() - started), clean }, 'shut down');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
