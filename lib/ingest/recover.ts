// Recovery of ingestion work whose worker died: a document that stopped reporting progress goes back
// on the queue (its job is failed so the queue retries it, or gives up after its retries), and a
// queued document whose job is gone gets a new one. Every step is safe to run on several instances.
import 'server-only';
import { jobs } from '@/lib/config';
import {
  findQueuedDocuments,
  findStalledDocuments,
  markFailed,
  requeueStalledDocument,
} from '@/lib/db/documents';
import { failJob, jobState } from '@/lib/jobs/queue';
import { log } from '@/lib/observability/logger';
import { enqueueIngestion, INGEST_JOB } from './enqueue';

const LIVE = new Set(['created', 'retry', 'active']);

/** Puts back stalled and orphaned ingestion work. */
export async function recoverIngestion(now = new Date()): Promise<{ stalled: number; orphaned: number }> {
  const silentSince = new Date(now.getTime() - jobs.stalledAfterSeconds * 1000);
  let stalled = 0;
  let orphaned = 0;

  for (const doc of await findStalledDocuments(silentSince)) {
    // Back to QUEUED first, so the stalled attempt (if it ever wakes) no longer owns the document.
    if (!(await requeueStalledDocument(doc.id, silentSince))) continue;
    stalled += 1;
    const state = doc.jobId ? await jobState(INGEST_JOB, doc.jobId) : null;
    if (doc.jobId && state === 'active') {
      await failJob(INGEST_JOB, doc.jobId, 'stalled');
      if ((await jobState(INGEST_JOB, doc.jobId)) === 'failed') {
        await markFailed(doc.id, 'The worker stopped responding on every attempt; gave up.');
      }
    } else if (!state || !LIVE.has(state)) {
      await enqueueIngestion(doc.id);
    }
  }

  for (const doc of await findQueuedDocuments(silentSince)) {
    const state = doc.jobId ? await jobState(INGEST_JOB, doc.jobId) : null;
    if (state && LIVE.has(state)) continue;
    if (state === 'failed') {
      await markFailed(doc.id, 'Ingestion failed on every attempt; gave up.');
      continue;
    }
    orphaned += 1;
    await enqueueIngestion(doc.id);
  }
  if (stalled || orphaned) log().info({ stalled, orphaned }, 'ingestion work recovered');
  return { stalled, orphaned };
}
