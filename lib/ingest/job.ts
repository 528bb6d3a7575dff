// The ingestion job on the shared queue: one job per stored document, retried with backoff, with a
// sweep that recovers documents whose worker died mid-way (see recover.ts).
import 'server-only';
import { jobs } from '@/lib/config';
import { defineJob } from '@/lib/jobs/queue';
import { INGEST_JOB, type IngestJobData } from './enqueue';
import { processDocument } from './process';
import { recoverIngestion } from './recover';

export const ingestDocumentJob = defineJob<IngestJobData>({
  name: INGEST_JOB,
  concurrency: jobs.ingestConcurrency,
  run: async (data, job) => {
    await processDocument(data.documentId, {
      jobId: job.id,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
    });
  },
  sweep: async () => {
    await recoverIngestion();
  },
});
