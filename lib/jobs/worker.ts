// Runs the background jobs of this instance: a pg-boss worker per job kind (with its concurrency)
// and a periodic sweep that puts back work whose worker died. Started by instrumentation.ts in each
// app instance (unless WORKER_ENABLED=false), by the ingest CLI, and by tests.
import 'server-only';
import { jobs as settings } from '@/lib/config';
import { answerQueryJob } from '@/lib/api/async-query';
import { purgeSessionsJob } from '@/lib/auth/session-purge-job';
import { purgeAnswerCacheJob } from '@/lib/cache/purge-job';
import { checkRolloutSafeguardsJob } from '@/lib/flags/safeguard-job';
import { checkErrorRateJob } from '@/lib/governance/kill-switch-job';
import { ingestDocumentJob } from '@/lib/ingest/job';
import { restorePassageIndexJob } from '@/lib/ingest/passage-index-job';
import { log } from '@/lib/observability/logger';
import { countLexemeFrequenciesJob } from '@/lib/rag/lexeme-frequency-job';
import { setMetricsReader } from '@/lib/observability/metrics';
import { ensureQueue, jobQueue, stopJobQueue, type JobDefinition } from './queue';

// Every job kind the service runs. A new kind of background work is defined with defineJob() in its
// own concern and listed here.
export const jobDefinitions: JobDefinition<never>[] = [
  ingestDocumentJob as JobDefinition<never>,
  answerQueryJob as JobDefinition<never>,
  purgeAnswerCacheJob as JobDefinition<never>,
  purgeSessionsJob as JobDefinition<never>,
  checkErrorRateJob as JobDefinition<never>,
  checkRolloutSafeguardsJob as JobDefinition<never>,
  countLexemeFrequenciesJob as JobDefinition<never>,
  restorePassageIndexJob as JobDefinition<never>,
];

type Holder = { ragWorkers?: Promise<Workers> };
const holder = globalThis as unknown as Holder;

export type Workers = { stop(): Promise<void>; sweep(): Promise<void> };

async function start(
  definitions: JobDefinition<never>[],
  sweepIntervalMs: number,
  pollingIntervalSeconds: number,
): Promise<Workers> {
  for (const definition of definitions) {
    const boss = await ensureQueue(definition.name);
    for (let slot = 0; slot < definition.concurrency; slot++) {
      // Set once work() returns; pg-boss may hand this worker its first job before that.
      const worker: { id?: string } = {};
      worker.id = await boss.work<object>(
        definition.name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds },
        async ([job]) => {
          if (!job) return;
          try {
            await definition.run(job.data as never, {
              id: job.id,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
            });
          } finally {
            // A worker that has just run a job asks for the next one at once: pg-boss otherwise waits
            // out the polling interval after every job, so a worker ran at most one job a second
            // however short (a 200-file import took a minute on work of four seconds). An empty
            // queue answers nothing, and then the worker waits the interval as before.
            if (worker.id) boss.notifyWorker(worker.id);
          }
        },
      );
    }
  }

  // Scrapes read the depth of every queue this instance works (the same figure on every instance).
  setMetricsReader('queueDepth', async () => {
    const boss = await jobQueue();
    const depths: Record<string, number> = {};
    for (const definition of definitions) depths[definition.name] = await boss.getQueueSize(definition.name);
    return depths;
  });

  let sweeping: Promise<void> | null = null;
  const sweep = async () => {
    // One sweep at a time per instance; instances may overlap, and every sweep step is safe to repeat.
    sweeping ??= (async () => {
      for (const definition of definitions) {
        await definition
          .sweep?.()
          .catch((error: unknown) => log().warn({ err: error, job: definition.name }, 'job sweep failed'));
      }
    })().finally(() => {
      sweeping = null;
    });
    return sweeping;
  };
  const timer = setInterval(() => void sweep(), sweepIntervalMs);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await sweeping;
      await stopJobQueue();
    },
  };
}

/** Starts this process's workers once; later calls return the same workers. */
export function startWorkers(
  options: {
    definitions?: JobDefinition<never>[];
    sweepIntervalMs?: number;
    /** How long an idle worker waits before it asks the queue again (jobs.pollingIntervalSeconds). */
    pollingIntervalSeconds?: number;
  } = {},
): Promise<Workers> {
  holder.ragWorkers ??= start(
    options.definitions ?? jobDefinitions,
    options.sweepIntervalMs ?? settings.sweepIntervalSeconds * 1000,
    options.pollingIntervalSeconds ?? settings.pollingIntervalSeconds,
  ).catch((error: unknown) => {
    holder.ragWorkers = undefined;
    throw error;
  });
  return holder.ragWorkers;
}

/** Stops the workers: running jobs finish first. */
export async function stopWorkers(): Promise<void> {
  const workers = holder.ragWorkers;
  holder.ragWorkers = undefined;
  if (workers) await (await workers.catch(() => null))?.stop();
}
