// Puts a stored document on the ingestion queue and remembers the job on the document.
import 'server-only';
import { setDocumentJob } from '@/lib/db/documents';
import { enqueue } from '@/lib/jobs/queue';

export const INGEST_JOB = 'ingest-document';
export type IngestJobData = { documentId: string };

export async function enqueueIngestion(documentId: string): Promise<string> {
  const jobId = await enqueue(INGEST_JOB, { documentId } satisfies IngestJobData);
  await setDocumentJob(documentId, jobId);
  return jobId;
}
