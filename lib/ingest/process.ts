// One ingestion attempt of a stored document: parse, chunk, screen and (with the built-in embedding)
// embed on a worker thread → embed with a provider's model → swap into the corpus.
// Passages are written only by the final swap, so an attempt killed half-way leaves nothing behind
// and the next attempt starts clean: no duplicate chunks, and retrieval never sees half a document.
import 'server-only';
import { APICallError, RetryError } from 'ai';
import { getModels, type EmbeddingModelInfo } from '@/lib/ai/models';
import {
  beginAttempt,
  completeDocument,
  DocumentSupersededError,
  markFailed,
  markRetrying,
  recordProgress,
} from '@/lib/db/documents';
import { log } from '@/lib/observability/logger';
import { embeddingText } from '@/lib/rag/embedding-text';
import { embedForIngestion } from './embed';
import { prepareOnThread } from './prepare-pool';
import { DocumentParseError } from './types';

export type AttemptInfo = {
  jobId: string;
  retryCount: number;
  retryLimit: number;
  /** The embedding model; the configured one unless a caller (a test) brings its own. */
  embedding?: EmbeddingModelInfo;
};

/** A failure an admin can read: no stack, no internals beyond the first line of the cause. */
export function failureReason(error: unknown): string {
  if (error instanceof DocumentParseError) return error.reason;
  // The AI SDK wraps the last provider error after its own retries.
  if (RetryError.isInstance(error)) return failureReason(error.lastError);
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ? ` answered ${error.statusCode}` : ' could not be reached';
    return `The embedding provider${status}.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((l) => l.trim()) ?? 'unknown error';
  return `Ingestion failed: ${line.trim().slice(0, 300)}`;
}

/** How an attempt ended, when it did not throw. */
export type AttemptOutcome =
  | { status: 'READY'; chunks: number }
  /** A file that cannot be indexed: retrying cannot help. */
  | { status: 'FAILED'; reason: string }
  /** The document was deleted, already finished, or taken over by a newer attempt. */
  | { status: 'GONE' };

/**
 * Runs one attempt on document `id`. Returns when the document is ready, failed for good, deleted,
 * or taken over by a newer attempt; throws when the attempt should be retried (the queue retries it
 * with backoff, then gives up).
 */
export async function processDocument(id: string, info: AttemptInfo): Promise<AttemptOutcome> {
  const started = await beginAttempt(id, info.jobId);
  if (started === null) return { status: 'GONE' };
  const { attempt, bytes } = started;
  const finalAttempt = info.retryCount >= info.retryLimit;
  try {
    if (!bytes) throw new DocumentSupersededError();
    const embedding = info.embedding ?? getModels().embedding;
    const prepared = await prepareOnThread(
      {
        bytes,
        fileName: started.fileName,
        declaredType: started.mimeType,
        language: started.language,
        localEmbeddingDimensions: embedding.local ? embedding.dimensions : undefined,
      },
      // The attempt's own copy of the file, read for this only: moved to the thread, not copied.
      { transferBytes: true },
    );
    const { title, language, chunks, injection } = prepared;

    const owned = await recordProgress(id, attempt, {
      status: 'EMBEDDING',
      progressDone: 0,
      progressTotal: chunks.length,
      title,
      language,
    });
    if (!owned) throw new DocumentSupersededError();
    const local = prepared.embeddings;
    const size = embedding.dimensions;
    const embeddings: ArrayLike<number>[] = local
      ? chunks.map((_, i) => local.subarray(i * size, (i + 1) * size))
      : (
          await embedForIngestion(
            chunks.map(embeddingText),
            async (done, total) => {
              if (!(await recordProgress(id, attempt, { progressDone: done, progressTotal: total }))) {
                throw new DocumentSupersededError();
              }
            },
            embedding,
          )
        ).embeddings;
    await completeDocument({
      id,
      attempt,
      language,
      title,
      chunks: chunks.map((chunk, i) => ({ ...chunk, embedding: embeddings[i]! })),
      injection,
    });
    return { status: 'READY', chunks: chunks.length };
  } catch (error) {
    if (error instanceof DocumentSupersededError) return { status: 'GONE' };
    const reason = failureReason(error);
    if (error instanceof DocumentParseError) {
      await markFailed(id, reason, attempt);
      return { status: 'FAILED', reason };
    }
    log().warn({ err: error, documentId: id, attempt, finalAttempt }, 'ingestion attempt failed');
    if (finalAttempt) await markFailed(id, `${reason} Gave up after ${attempt} attempts.`, attempt);
    else await markRetrying(id, attempt, `${reason} Retrying.`);
    throw error;
  }
}
