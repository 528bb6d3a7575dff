// Starts this app instance's background workers beside the web server, without delaying it: a
// database that is not reachable yet only postpones the start, which is retried until it works.
import 'server-only';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/logger';
import { startWorkers } from './worker';

const RETRY_MS = 10_000;

export function startBackgroundWork(): void {
  const settings = env();
  if (!settings.WORKER_ENABLED || settings.NEXT_PHASE === 'phase-production-build') return;
  const attempt = () => {
    startWorkers().then(
      () => log().info('background workers started'),
      (error: unknown) => {
        log().warn({ err: error }, `background workers could not start; retrying in ${RETRY_MS / 1000} s`);
        setTimeout(attempt, RETRY_MS).unref();
      },
    );
  };
  attempt();
}
