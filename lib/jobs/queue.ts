// The job queue every background task shares: pg-boss on the app's own Postgres (embedded or server),
// so jobs survive restarts and run on whichever instance is free. Tasks define their jobs with
// defineJob(); lib/jobs/worker.ts runs them.
import 'server-only';
import PgBoss from 'pg-boss';
import { jobs as settings } from '@/lib/config';
import { databaseUrl } from '@/lib/db/client';
import { log } from '@/lib/observability/logger';

export type JobMeta = { id: string; retryCount: number; retryLimit: number };

export type JobDefinition<Data extends object> = {
  name: string;
  /** Jobs of this kind one instance runs at once. */
  concurrency: number;
  run(data: Data, job: JobMeta): Promise<void>;
  /** Called every sweep interval on each worker: put back work whose worker died. */
  sweep?: () => Promise<void>;
};

type Holder = { ragJobQueue?: Promise<PgBoss>; ragJobQueueReady?: Set<string> };
const holder = globalThis as unknown as Holder;

/** Queue options shared by every job: retries with exponential backoff, expiry, retention. */
const queueOptions = {
  retryLimit: settings.retryLimit,
  retryDelay: settings.retryDelaySeconds,
  retryBackoff: true,
  expireInSeconds: settings.expireInSeconds,
  retentionDays: settings.keepCompletedDays,
};

async function startQueue(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    // Few connections: the queue polls and writes small rows; the app's own pool does the real work.
    max: 3,
    application_name: 'rag-jobs',
    deleteAfterDays: settings.keepCompletedDays,
  });
  boss.on('error', (error) => log().warn({ err: error }, 'job queue error'));
  await boss.start();
  return boss;
}

/** The started queue of this process (created on first use, with its schema migrated by pg-boss). */
export async function jobQueue(): Promise<PgBoss> {
  holder.ragJobQueue ??= startQueue().catch((error: unknown) => {
    holder.ragJobQueue = undefined;
    throw error;
  });
  return holder.ragJobQueue;
}

/** Creates the job's queue once per process (a no-op when it exists). */
export async function ensureQueue(name: string): Promise<PgBoss> {
  const boss = await jobQueue();
  holder.ragJobQueueReady ??= new Set();
  if (!holder.ragJobQueueReady.has(name)) {
    await boss.createQueue(name, { name, ...queueOptions });
    holder.ragJobQueueReady.add(name);
  }
  return boss;
}

export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition;
}

/** Per-job settings that differ from the queue's: a short expiry for quick jobs, fewer retries. */
export type EnqueueOptions = { expireInSeconds?: number; retryLimit?: number };

/** Puts a job on the named queue; returns its id. */
export async function enqueue(name: string, data: object, options: EnqueueOptions = {}): Promise<string> {
  const boss = await ensureQueue(name);
  const id = await boss.send(name, data, options);
  if (!id) throw new Error(`The job queue did not accept a ${name} job.`);
  return id;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The state of a job, or null when the queue does not know it (or it was never a queued job). */
export async function jobState(name: string, id: string): Promise<JobState | null> {
  if (!UUID.test(id)) return null;
  const boss = await ensureQueue(name);
  const job = await boss.getJobById(name, id, { includeArchive: true });
  return job?.state ?? null;
}

/** Takes a running job back from a worker that stopped answering: it is retried, or fails when out of retries. */
export async function failJob(name: string, id: string, reason: string): Promise<void> {
  if (!UUID.test(id)) return;
  const boss = await ensureQueue(name);
  await boss.fail(name, id, { reason });
}

/** Stops the queue of this process: running jobs finish first (up to `timeoutMs`). */
export async function stopJobQueue(timeoutMs = 20_000): Promise<void> {
  const started = holder.ragJobQueue;
  holder.ragJobQueue = undefined;
  holder.ragJobQueueReady = undefined;
  if (!started) return;
  const boss = await started.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
