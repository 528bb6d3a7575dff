// Documents of the knowledge base: submission, the ingestion states, the atomic swap of a finished
// document into the corpus, listing and deletion. Passages are written only in that final swap.
import 'server-only';
import type { DocumentStatus, DocumentVisibility } from '@/lib/generated/prisma/enums';
import { db } from './client';
import { deleteAnswersCiting } from './answer-cache';
import { recordAudit } from './audit';
import { bumpCorpusVersion } from './corpus';
import { vectorArrayBinary, vectorTypeOid } from './vector-binary';
import type { SessionUser } from './users';

export type { DocumentStatus, DocumentVisibility };

export type NewChunk = {
  ordinal: number;
  text: string;
  headingPath: string;
  page: number | null;
  tokenCount: number;
  embedding: number[];
};

const documentFields = {
  id: true,
  title: true,
  source: true,
  fileName: true,
  format: true,
  mimeType: true,
  sizeBytes: true,
  contentHash: true,
  visibility: true,
  tags: true,
  language: true,
  status: true,
  error: true,
  chunkCount: true,
  injectionFlaggedPassages: true,
  injectionScore: true,
  progressDone: true,
  progressTotal: true,
  attempts: true,
  jobId: true,
  heartbeatAt: true,
  readyAt: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type DocumentRecord = {
  id: string;
  title: string;
  source: string;
  fileName: string;
  format: string;
  mimeType: string;
  sizeBytes: number;
  contentHash: string;
  visibility: DocumentVisibility;
  tags: string[];
  language: string;
  status: DocumentStatus;
  error: string | null;
  chunkCount: number;
  injectionFlaggedPassages: number;
  injectionScore: number;
  progressDone: number;
  progressTotal: number;
  attempts: number;
  jobId: string | null;
  heartbeatAt: Date | null;
  readyAt: Date | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Who a document belongs to for replacement and de-duplication: shared, or one user's private set. */
export type OwnerScope = { visibility: DocumentVisibility; createdById: string | null };

function scopeWhere(scope: OwnerScope) {
  return scope.visibility === 'SHARED'
    ? { visibility: 'SHARED' as const }
    : { visibility: 'PRIVATE' as const, createdById: scope.createdById };
}

/** A document with these exact bytes in this scope that is ready or on its way (not failed). */
export async function findSameContent(
  scope: OwnerScope,
  contentHash: string,
): Promise<DocumentRecord | null> {
  return db().document.findFirst({
    where: { ...scopeWhere(scope), contentHash, status: { not: 'FAILED' } },
    orderBy: { createdAt: 'desc' },
    select: documentFields,
  });
}

export async function createDocument(input: {
  title: string;
  source: string;
  fileName: string;
  format: string;
  mimeType: string;
  contentHash: string;
  visibility: DocumentVisibility;
  tags: string[];
  language: string;
  createdById: string | null;
  bytes: Uint8Array;
}): Promise<DocumentRecord> {
  const { bytes, ...fields } = input;
  return db().document.create({
    data: {
      ...fields,
      sizeBytes: bytes.byteLength,
      status: 'QUEUED',
      file: { create: { bytes: Uint8Array.from(bytes) } },
    },
    select: documentFields,
  });
}

export async function setDocumentJob(id: string, jobId: string): Promise<void> {
  await db().document.updateMany({ where: { id }, data: { jobId } });
}

export async function getDocument(id: string): Promise<DocumentRecord | null> {
  return db().document.findUnique({ where: { id }, select: documentFields });
}

/** Newest first; `cursor` is the id of the last row of the previous page. */
export async function listDocuments(options: {
  limit: number;
  cursor?: string;
  status?: DocumentStatus;
}): Promise<DocumentRecord[]> {
  return db().document.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: documentFields,
  });
}

export async function readDocumentFile(id: string): Promise<Uint8Array | null> {
  const row = await db().documentFile.findUnique({ where: { documentId: id } });
  return row ? new Uint8Array(row.bytes) : null;
}

/**
 * Starts an attempt: the document moves to PARSING and its attempt counter is the fencing token
 * that the final swap checks, so a stalled attempt that wakes up later cannot write over a newer one.
 * Returns null when the document is gone or already finished.
 */
export async function beginAttempt(id: string, jobId: string): Promise<number | null> {
  const rows = await db().$queryRaw<{ attempts: number }[]>`
    UPDATE documents SET status = 'PARSING', attempts = attempts + 1, job_id = ${jobId},
           heartbeat_at = now(), progress_done = 0, progress_total = 0, updated_at = now()
    WHERE id = ${id} AND status IN ('QUEUED', 'PARSING', 'EMBEDDING')
    RETURNING attempts`;
  return rows[0] ? Number(rows[0].attempts) : null;
}

/** Records progress of the running attempt (and that it is alive); false when it no longer owns the document. */
export async function recordProgress(
  id: string,
  attempt: number,
  fields: {
    status?: 'PARSING' | 'EMBEDDING';
    progressDone?: number;
    progressTotal?: number;
    title?: string;
    language?: string;
  },
): Promise<boolean> {
  const { count } = await db().document.updateMany({
    where: { id, attempts: attempt, status: { in: ['PARSING', 'EMBEDDING'] } },
    data: { ...fields, heartbeatAt: new Date() },
  });
  return count === 1;
}

/** A failed attempt that will be retried: back to QUEUED with the reason kept for admins. */
export async function markRetrying(id: string, attempt: number, reason: string): Promise<void> {
  await db().document.updateMany({
    where: { id, attempts: attempt, status: { in: ['PARSING', 'EMBEDDING'] } },
    data: { status: 'QUEUED', error: reason, heartbeatAt: null },
  });
}

/** The document cannot be ingested (bad file, or retries exhausted); the reason is shown to admins. */
export async function markFailed(id: string, reason: string, attempt?: number): Promise<void> {
  await db().document.updateMany({
    where: { id, status: { not: 'READY' }, ...(attempt === undefined ? {} : { attempts: attempt }) },
    data: { status: 'FAILED', error: reason, heartbeatAt: null, progressDone: 0 },
  });
}

/** A failed document queued again by hand: a fresh set of attempts. */
export async function requeueFailedDocument(id: string): Promise<boolean> {
  const { count } = await db().document.updateMany({
    where: { id, status: 'FAILED' },
    data: {
      status: 'QUEUED',
      error: null,
      attempts: 0,
      progressDone: 0,
      progressTotal: 0,
      heartbeatAt: null,
    },
  });
  return count === 1;
}

/** Documents whose running attempt has not reported for a while: its worker died or hangs. */
export async function findStalledDocuments(
  silentSince: Date,
): Promise<Array<{ id: string; jobId: string | null }>> {
  return db().document.findMany({
    where: { status: { in: ['PARSING', 'EMBEDDING'] }, heartbeatAt: { lt: silentSince } },
    select: { id: true, jobId: true },
    take: 100,
  });
}

/** A stalled document back to QUEUED (once, even with several sweepers); false when it moved on meanwhile. */
export async function requeueStalledDocument(id: string, silentSince: Date): Promise<boolean> {
  const { count } = await db().document.updateMany({
    where: { id, status: { in: ['PARSING', 'EMBEDDING'] }, heartbeatAt: { lt: silentSince } },
    data: { status: 'QUEUED', error: 'The worker stopped responding; the document was queued again.' },
  });
  return count === 1;
}

/** Queued documents whose job is missing (never enqueued because the process died in between). */
export async function findQueuedDocuments(
  createdBefore: Date,
): Promise<Array<{ id: string; jobId: string | null }>> {
  return db().document.findMany({
    where: { status: 'QUEUED', updatedAt: { lt: createdBefore } },
    select: { id: true, jobId: true },
    take: 100,
  });
}

export class DocumentSupersededError extends Error {
  constructor() {
    super('The document was deleted or taken over by another attempt while it was being ingested.');
    this.name = 'DocumentSupersededError';
  }
}

const INSERT_BATCH = 500;

/**
 * The atomic swap: writes every passage of the document, marks it READY, removes older documents
 * from the same source in the same owner scope (the versions this one replaces), and bumps the
 * corpus version, all in one transaction. Retrieval sees the old version or the new one, never a mix.
 */
export async function completeDocument(input: {
  id: string;
  attempt: number;
  language: string;
  title: string;
  chunks: NewChunk[];
  /** What the injection screening of the passages found (lib/security/injection/screen-passages.ts). */
  injection: { flaggedPassages: number; score: number };
}): Promise<{ replaced: number; corpusVersion: number }> {
  // Before the transaction: the first call of a process looks it up.
  const vectorOid = await vectorTypeOid(db());
  return db().$transaction(
    async (tx) => {
      const owned = await tx.document.updateMany({
        where: { id: input.id, attempts: input.attempt, status: { in: ['PARSING', 'EMBEDDING'] } },
        data: {
          status: 'READY',
          title: input.title,
          language: input.language,
          chunkCount: input.chunks.length,
          injectionFlaggedPassages: input.injection.flaggedPassages,
          injectionScore: input.injection.score,
          progressDone: input.chunks.length,
          progressTotal: input.chunks.length,
          error: null,
          heartbeatAt: null,
          readyAt: new Date(),
        },
      });
      if (owned.count !== 1) throw new DocumentSupersededError();

      await tx.$executeRaw`DELETE FROM chunks WHERE document_id = ${input.id}`;
      for (let start = 0; start < input.chunks.length; start += INSERT_BATCH) {
        const batch = input.chunks.slice(start, start + INSERT_BATCH);
        const vectors = vectorArrayBinary(
          batch.map((c) => c.embedding),
          vectorOid,
        );
        await tx.$executeRaw`
          INSERT INTO chunks (id, document_id, ordinal, text, heading_path, page, token_count, language, embedding)
          SELECT gen_random_uuid()::text, ${input.id}, o, t, h, p, n, ${input.language}::regconfig, e
          FROM unnest(${batch.map((c) => c.ordinal)}::int[], ${batch.map((c) => c.text)}::text[],
                      ${batch.map((c) => c.headingPath)}::text[], ${batch.map((c) => c.page)}::int[],
                      ${batch.map((c) => c.tokenCount)}::int[], ${vectors}::vector[])
            AS u(o, t, h, p, n, e)`;
      }

      const doc = await tx.document.findUniqueOrThrow({
        where: { id: input.id },
        select: { source: true, visibility: true, createdById: true, createdAt: true },
      });
      const olderVersions = {
        id: { not: input.id },
        source: doc.source,
        ...scopeWhere(doc),
        createdAt: { lte: doc.createdAt },
      };
      // Answers citing a version that goes (or this document, re-indexed) are not served again.
      const gone = await tx.document.findMany({ where: olderVersions, select: { id: true } });
      await deleteAnswersCiting([input.id, ...gone.map((d) => d.id)], tx);
      const replaced = await tx.document.deleteMany({ where: olderVersions });
      const corpusVersion = await bumpCorpusVersion(tx, `document ${input.id} ready`);
      return { replaced: replaced.count, corpusVersion };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * Deletes a document with its file, passages and vectors; bumps the corpus version. With an actor,
 * the deletion is audited in the same transaction.
 */
export async function deleteDocument(
  id: string,
  audit?: { actor: SessionUser; requestId?: string | null },
): Promise<DocumentRecord | null> {
  return db().$transaction(async (tx) => {
    const doc = await tx.document.findUnique({ where: { id }, select: documentFields });
    if (!doc) return null;
    await tx.document.delete({ where: { id } });
    await deleteAnswersCiting([id], tx);
    if (doc.status === 'READY') await bumpCorpusVersion(tx, `document ${id} deleted`);
    if (audit) {
      await recordAudit(
        {
          actor: audit.actor,
          action: 'document.deleted',
          target: { type: 'document', id },
          metadata: {
            title: doc.title,
            source: doc.source,
            status: doc.status,
            contentHash: doc.contentHash,
            passages: doc.chunkCount,
          },
          requestId: audit.requestId ?? null,
        },
        tx,
      );
    }
    return doc;
  });
}

export async function countDocuments(): Promise<number> {
  return db().document.count();
}
