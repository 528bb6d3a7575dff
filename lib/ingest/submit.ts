// Accepting a file into the knowledge base: checks its size and type, stores it with its metadata,
// and queues its ingestion. The same bytes again in the same owner scope are a no-op.
import 'server-only';
import { createHash } from 'node:crypto';
import { ingestion } from '@/lib/config';
import { storeDocument, type DocumentRecord, type DocumentVisibility } from '@/lib/db/documents';
import { AppError } from '@/lib/http/errors';
import { log } from '@/lib/observability/logger';
import { enqueueIngestion } from './enqueue';
import type { DocumentFormat } from './types';
import { sanitizeFileName } from './file-name';
import { detectFormat, supportedFormats, UnsupportedFormatError } from './formats';

export type Submission = {
  fileName: string;
  bytes: Uint8Array;
  declaredType?: string | null;
  visibility?: DocumentVisibility;
  tags?: string[];
  /** A Postgres text search configuration; omitted: detected from the text. */
  language?: string;
  createdById?: string | null;
  /** What identifies the document for replacement; defaults to the sanitised file name. */
  source?: string;
};

export type SubmitResult = { document: DocumentRecord; unchanged: boolean };

export function tooLargeError(fileName: string): AppError {
  const mb = Math.round(ingestion.maxFileBytes / (1024 * 1024));
  return new AppError('payload_too_large', `${fileName} is larger than the ${mb} MB limit.`);
}

/**
 * Checks that a file can be accepted: size (413) and a supported type (415, listing the supported
 * ones). Run for every file of a batch before any is stored, so a rejected batch stores nothing.
 */
export function checkSubmission(input: Pick<Submission, 'fileName' | 'bytes' | 'declaredType'>): {
  fileName: string;
  format: DocumentFormat;
} {
  const fileName = sanitizeFileName(input.fileName);
  if (input.bytes.byteLength > ingestion.maxFileBytes) throw tooLargeError(fileName);
  const format = detectFormat({ bytes: input.bytes, fileName, declaredType: input.declaredType ?? null });
  if (!format) throw new AppError('unsupported_media_type', new UnsupportedFormatError(fileName).message);
  return { fileName, format };
}

/** Stores a file and queues it (`enqueue: false` leaves it for the caller to process inline). */
export async function submitDocument(
  input: Submission,
  options: { enqueue?: boolean; force?: boolean } = {},
): Promise<SubmitResult> {
  const { fileName, format } = checkSubmission(input);
  const visibility = input.visibility ?? 'SHARED';
  const createdById = input.createdById ?? null;
  const contentHash = createHash('sha256').update(input.bytes).digest('hex');
  const { document, unchanged } = await storeDocument(
    {
      title: fileName.replace(/\.[^.]+$/, '') || fileName,
      source: input.source ?? fileName,
      fileName,
      format,
      // The format's canonical type: what the client declared may be vague (application/octet-stream).
      mimeType: supportedFormats.find((f) => f.format === format)!.mimeTypes[0]!,
      contentHash,
      visibility,
      tags: input.tags ?? [],
      language: input.language ?? 'auto',
      createdById,
      bytes: input.bytes,
    },
    { force: options.force },
  );
  if (unchanged) return { document, unchanged };
  if (options.enqueue !== false) {
    try {
      document.jobId = await enqueueIngestion(document.id);
    } catch (error) {
      // The file is stored and QUEUED: the recovery sweep gives it a job, so the upload still succeeded.
      log().warn({ err: error, documentId: document.id }, 'document stored but not queued yet');
    }
  }
  return { document, unchanged: false };
}
