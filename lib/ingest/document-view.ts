// The public shape of a document in API responses and on the Documents page.
import type { DocumentRecord } from '@/lib/db/documents';

export type DocumentView = {
  id: string;
  title: string;
  fileName: string;
  source: string;
  format: string;
  mimeType: string;
  sizeBytes: number;
  visibility: 'shared' | 'private';
  tags: string[];
  language: string;
  status: 'queued' | 'parsing' | 'embedding' | 'ready' | 'failed';
  progress: { done: number; total: number };
  error: string | null;
  chunkCount: number;
  /** Indirect prompt injection screening when indexed (lib/security/injection/screen-passages.ts). */
  injection: { flaggedPassages: number; score: number };
  attempts: number;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  readyAt: string | null;
};

export function documentView(doc: DocumentRecord): DocumentView {
  return {
    id: doc.id,
    title: doc.title,
    fileName: doc.fileName,
    source: doc.source,
    format: doc.format,
    mimeType: doc.mimeType,
    sizeBytes: doc.sizeBytes,
    visibility: doc.visibility === 'PRIVATE' ? 'private' : 'shared',
    tags: doc.tags,
    language: doc.language,
    status: doc.status.toLowerCase() as DocumentView['status'],
    progress: { done: doc.progressDone, total: doc.progressTotal },
    error: doc.error,
    chunkCount: doc.chunkCount,
    injection: { flaggedPassages: doc.injectionFlaggedPassages, score: doc.injectionScore },
    attempts: doc.attempts,
    createdById: doc.createdById,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    readyAt: doc.readyAt?.toISOString() ?? null,
  };
}
