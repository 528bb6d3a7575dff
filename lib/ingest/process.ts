// One ingestion attempt of a stored document: parse → chunk → embed → swap into the corpus.
// Passages are written only by the final swap, so an attempt killed half-way leaves nothing behind
// and the next attempt starts clean: no duplicate chunks, and retrieval never sees half a document.
import 'server-only';
import { APICallError, RetryError } from 'ai';
import { getModels, type EmbeddingModelInfo } from '@/lib/ai/models';
import {
  beginAttempt,
  completeDocument,
  DocumentSupersededError,
  getDocument,
  markFailed,
  markRetrying,
  readDocumentFile,
  recordProgress,
} from '@/lib/db/documents';
import { log } from '@/lib/observability/logger';
import { chunkDocument } from '@/lib/rag/chunking';
import { screenPassages } from '@/lib/security/injection/screen-passages';
import { embeddingText } from '@/lib/rag/embedding-sync';
import { embedForIngestion } from './embed';
import { parseDocument } from './parse';
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

/** Title shown for a document: its own title, else the file name without extension. */
function titleOf(parsedTitle: string | null, fileName: string): string {
  return parsedTitle?.trim() || fileName.replace(/\.[^.]+$/, '') || fileName;
}

/**
 * Runs one attempt on document `id`. Returns normally when the document is ready, failed for good
 * (a bad file: retrying cannot help), deleted, or taken over by a newer attempt; throws when the
 * attempt should be retried (the queue retries it with backoff, then gives up).
 */
export async function processDocument(id: string, info: AttemptInfo): Promise<void> {
  const attempt = await beginAttempt(id, info.jobId);
  if (attempt === null) return;
  const finalAttempt = info.retryCount >= info.retryLimit;
  try {
    const [doc, bytes] = await Promise.all([getDocument(id), readDocumentFile(id)]);
    if (!doc || !bytes) throw new DocumentSupersededError();
    const parsed = await parseDocument({ bytes, fileName: doc.fileName, declaredType: doc.mimeType });
    const language = doc.language === 'auto' ? parsed.language : doc.language;
    const title = titleOf(parsed.title, doc.fileName);
    const chunks = chunkDocument(parsed);
    if (chunks.length === 0) throw new DocumentParseError('The document contains no text to index.');

    const owned = await recordProgress(id, attempt, {
      status: 'EMBEDDING',
      progressDone: 0,
      progressTotal: chunks.length,
      title,
      language,
    });
    if (!owned) throw new DocumentSupersededError();
    const { embeddings } = await embedForIngestion(
      chunks.map(embeddingText),
      async (done, total) => {
        if (!(await recordProgress(id, attempt, { progressDone: done, progressTotal: total }))) {
          throw new DocumentSupersededError();
        }
      },
      info.embedding ?? getModels().embedding,
    );
    await completeDocument({
      id,
      attempt,
      language,
      title,
      chunks: chunks.map((chunk, i) => ({ ...chunk, embedding: embeddings[i]! })),
      injection: screenPassages(chunks.map((chunk) => chunk.text)),
    });
  } catch (error) {
    if (error instanceof DocumentSupersededError) return;
    const reason = failureReason(error);
    if (error instanceof DocumentParseError) {
      await markFailed(id, reason, attempt);
      return;
    }
    log().warn({ err: error, documentId: id, attempt, finalAttempt }, 'ingestion attempt failed');
    if (finalAttempt) await markFailed(id, `${reason} Gave up after ${attempt} attempts.`, attempt);
    else await markRetrying(id, attempt, `${reason} Retrying.`);
    throw error;
  }
}
