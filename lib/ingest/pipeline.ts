// The ingestion path run inline, without the queue: the seed, the retrieval evaluation and tests use
// it. It runs exactly what a queued job runs (submitDocument, then processDocument).
import 'server-only';
import { getDocument } from '@/lib/db/documents';
import { processDocument } from './process';
import { submitDocument, type Submission } from './submit';

export type IngestFileResult = {
  documentId: string;
  status: 'READY' | 'FAILED';
  chunks: number;
  unchanged: boolean;
  error: string | null;
};

/** Ingests one file now and returns once it is ready or has failed (a single attempt, no retries). */
export async function ingestFile(input: Submission): Promise<IngestFileResult> {
  const { document, unchanged } = await submitDocument(input, { enqueue: false });
  if (!unchanged) {
    const outcome = await processDocument(document.id, {
      jobId: 'inline',
      retryCount: 0,
      retryLimit: 0,
    }).catch(() => null); // processDocument has recorded the failure on the document; read below.
    if (outcome?.status === 'READY') {
      return { documentId: document.id, status: 'READY', chunks: outcome.chunks, unchanged, error: null };
    }
  }
  // Otherwise the document says how it stands: a copy already there, or why it failed or went.
  const done = await getDocument(document.id);
  return {
    documentId: document.id,
    status: done?.status === 'READY' ? 'READY' : 'FAILED',
    chunks: done?.chunkCount ?? 0,
    unchanged,
    error:
      done?.status === 'READY' ? null : (done?.error ?? 'The document was removed while it was ingested.'),
  };
}
