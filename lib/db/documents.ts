// Documents of the knowledge base: submission, the ingestion states, the atomic swap of a finished
// document into the corpus, listing and deletion. Passages are written only in that final swap.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import type { DocumentStatus, DocumentVisibility } from '@/lib/generated/prisma/enums';
import { db } from './client';
import { deleteAnswersCiting } from './answer-cache';
import { recordAudit } from './audit';
import { bumpCorpusVersion, corpusVersionBump } from './corpus';
import { queryStatement } from './sql';
import { vectorArrayBinary, vectorTypeOid } from './vector-binary';
import type { SessionUser } from './users';

export type { DocumentStatus, DocumentVisibility };

export type NewChunk = {
  ordinal: number;
  text: string;
  headingPath: string;
  page: number | null;
  tokenCount: number;
  embedding: ArrayLike<number>;
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

/** DocumentRecord's fields as columns, for the statements written in SQL. */
const documentColumns = Prisma.sql`id, title, source, file_name, format, mime_type, size_bytes, content_hash,
  visibility, tags, language, status, error, chunk_count, injection_flagged_passages, injection_score,
  progress_done, progress_total, attempts, job_id, heartbeat_at, ready_at, created_by_id, created_at, updated_at`;

type DocumentRow = {
  id: string;
  title: string;
  source: string;
  file_name: string;
  format: string;
  mime_type: string;
  size_bytes: number;
  content_hash: string;
  visibility: DocumentVisibility;
  tags: string[];
  language: string;
  status: DocumentStatus;
  error: string | null;
  chunk_count: number;
  injection_flagged_passages: number;
  injection_score: number;
  progress_done: number;
  progress_total: number;
  attempts: number;
  job_id: string | null;
  heartbeat_at: Date | null;
  ready_at: Date | null;
  created_by_id: string | null;
  created_at: Date;
  updated_at: Date;
};

function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    fileName: row.file_name,
    format: row.format,
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    contentHash: row.content_hash,
    visibility: row.visibility,
    tags: row.tags,
    language: row.language,
    status: row.status,
    error: row.error,
    chunkCount: Number(row.chunk_count),
    injectionFlaggedPassages: Number(row.injection_flagged_passages),
    injectionScore: Number(row.injection_score),
    progressDone: Number(row.progress_done),
    progressTotal: Number(row.progress_total),
    attempts: Number(row.attempts),
    jobId: row.job_id,
    heartbeatAt: row.heartbeat_at,
    readyAt: row.ready_at,
    createdById: row.created_by_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NewDocument = OwnerScope & {
  title: string;
  source: string;
  fileName: string;
  format: string;
  mimeType: string;
  contentHash: string;
  tags: string[];
  language: string;
  bytes: Uint8Array;
};

/**
 * Stores a new document (QUEUED) with its file, in one statement. Unless `force`, a document with the
 * same bytes in the same owner scope that is ready or on its way (not failed) is returned instead,
 * the newest, and nothing is written.
 */
export async function storeDocument(
  input: NewDocument,
  options: { force?: boolean } = {},
): Promise<{ document: DocumentRecord; unchanged: boolean }> {
  const owner =
    input.visibility === 'SHARED'
      ? Prisma.sql`visibility = 'SHARED'`
      : Prisma.sql`visibility = 'PRIVATE' AND created_by_id IS NOT DISTINCT FROM ${input.createdById}`;
  const rows = await queryStatement<DocumentRow & { unchanged: boolean }>(Prisma.sql`
    WITH same AS (
      SELECT ${documentColumns} FROM documents
      WHERE ${!options.force} AND content_hash = ${input.contentHash} AND status <> 'FAILED' AND ${owner}
      ORDER BY created_at DESC LIMIT 1
    ), stored AS (
      INSERT INTO documents (id, title, source, file_name, format, mime_type, size_bytes, content_hash,
                             visibility, tags, language, status, created_by_id, updated_at)
      SELECT ${randomUUID()}, ${input.title}, ${input.source}, ${input.fileName}, ${input.format},
             ${input.mimeType}, ${input.bytes.byteLength}, ${input.contentHash},
             ${input.visibility}::"DocumentVisibility", ${input.tags}::text[], ${input.language}, 'QUEUED',
             ${input.createdById}, now()
      WHERE NOT EXISTS (SELECT 1 FROM same)
      RETURNING ${documentColumns}
    ), file AS (
      INSERT INTO document_files (document_id, bytes) SELECT id, ${input.bytes} FROM stored
    )
    SELECT false AS unchanged, * FROM stored
    UNION ALL
    SELECT true, * FROM same`);
  const row = rows[0];
  if (!row) throw new Error('storing a document returned no row');
  return { document: toDocumentRecord(row), unchanged: row.unchanged };
}

export async function setDocumentJob(id: string, jobId: string): Promise<void> {
  await db().document.updateMany({ where: { id }, data: { jobId } });
}

export async function getDocument(id: string): Promise<DocumentRecord | null> {
  return db().document.findUnique({ where: { id }, select: documentFields });
}

/** The documents with these ids that exist, in no particular order. */
export async function getDocuments(ids: readonly string[]): Promise<DocumentRecord[]> {
  if (ids.length === 0) return [];
  return db().document.findMany({ where: { id: { in: [...ids] } }, select: documentFields });
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

/** A started attempt: its number, the fencing token, and what the attempt needs of the document. */
export type StartedAttempt = {
  attempt: number;
  fileName: string;
  mimeType: string;
  /** A text search configuration, or 'auto' to detect it. */
  language: string;
  /** The stored file; null when it is gone. */
  bytes: Uint8Array | null;
};

/**
 * Starts an attempt: the document moves to PARSING and its attempt counter is the fencing token
 * that the final swap checks, so a stalled attempt that wakes up later cannot write over a newer one.
 * The same statement reads the document's file. Returns null when the document is gone or already
 * finished.
 */
export async function beginAttempt(id: string, jobId: string): Promise<StartedAttempt | null> {
  const rows = await queryStatement<{
    attempts: number;
    file_name: string;
    mime_type: string;
    language: string;
    bytes: Uint8Array | null;
  }>(Prisma.sql`
    WITH started AS (
      UPDATE documents SET status = 'PARSING', attempts = attempts + 1, job_id = ${jobId},
             heartbeat_at = now(), progress_done = 0, progress_total = 0, updated_at = now()
      WHERE id = ${id} AND status IN ('QUEUED', 'PARSING', 'EMBEDDING')
      RETURNING id, attempts, file_name, mime_type, language
    )
    SELECT s.attempts, s.file_name, s.mime_type, s.language, f.bytes
    FROM started s LEFT JOIN document_files f ON f.document_id = s.id`);
  const row = rows[0];
  if (!row) return null;
  return {
    attempt: Number(row.attempts),
    fileName: row.file_name,
    mimeType: row.mime_type,
    language: row.language,
    bytes: row.bytes ? new Uint8Array(row.bytes) : null,
  };
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
  // Only the fields given are set: a title in the list would run its trigger for every progress step.
  const sets = [Prisma.sql`heartbeat_at = now()`, Prisma.sql`updated_at = now()`];
  if (fields.status) sets.push(Prisma.sql`status = ${fields.status}::"DocumentStatus"`);
  if (fields.progressDone !== undefined) sets.push(Prisma.sql`progress_done = ${fields.progressDone}`);
  if (fields.progressTotal !== undefined) sets.push(Prisma.sql`progress_total = ${fields.progressTotal}`);
  if (fields.title !== undefined) sets.push(Prisma.sql`title = ${fields.title}`);
  if (fields.language !== undefined) sets.push(Prisma.sql`language = ${fields.language}`);
  const rows = await queryStatement(Prisma.sql`
    UPDATE documents SET ${Prisma.join(sets, ', ')}
    WHERE id = ${id} AND attempts = ${attempt} AND status IN ('PARSING', 'EMBEDDING')
    RETURNING id`);
  return rows.length === 1;
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

/**
 * The atomic swap: writes every passage of the document, marks it READY, removes older documents
 * from the same source in the same owner scope (the versions this one replaces) and the cached
 * answers citing either, and bumps the corpus version. One statement, so one commit: retrieval sees
 * the old version or the new one, never a mix, and a document taken over by a newer attempt (or
 * deleted) is left untouched. One round trip instead of ten, which were a good part of ingestion's
 * own CPU time (each statement costs the client its encoding and the socket write).
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
  const { chunks } = input;
  const vectors = vectorArrayBinary(
    chunks.map((c) => c.embedding),
    await vectorTypeOid(db()),
  );
  // Data-modifying CTEs all run, on one snapshot: the old passages deleted are not the new ones
  // inserted, and every step after `owned` does nothing when the attempt no longer owns the document.
  // Postgres runs a CTE the main query does not read only after the main query, so `written` reads
  // every other change first and the version is bumped last: the bump locks the one system_state row
  // until commit, and taken first it made concurrent ingestions wait for each other's whole insert
  // (their HNSW index maintenance included) one at a time.
  const [row] = await queryStatement<{ owned: boolean; replaced: number; version: number | null }>(Prisma.sql`
    WITH owned AS (
      UPDATE documents
      SET status = 'READY', title = ${input.title}, language = ${input.language}, chunk_count = ${chunks.length},
          injection_flagged_passages = ${input.injection.flaggedPassages},
          injection_score = ${input.injection.score}, progress_done = ${chunks.length},
          progress_total = ${chunks.length}, error = NULL, heartbeat_at = NULL, ready_at = now(), updated_at = now()
      WHERE id = ${input.id} AND attempts = ${input.attempt} AND status IN ('PARSING', 'EMBEDDING')
      RETURNING id, source, visibility, created_by_id, created_at
    ), old_passages AS (
      DELETE FROM chunks WHERE document_id IN (SELECT id FROM owned) RETURNING 1
    ), passages AS (
      INSERT INTO chunks (id, document_id, ordinal, text, heading_path, page, token_count, language, embedding)
      SELECT gen_random_uuid()::text, owned.id, o, t, h, p, n, ${input.language}::regconfig, e
      FROM owned, unnest(${chunks.map((c) => c.ordinal)}::int[], ${chunks.map((c) => c.text)}::text[],
                         ${chunks.map((c) => c.headingPath)}::text[], ${chunks.map((c) => c.page)}::int[],
                         ${chunks.map((c) => c.tokenCount)}::int[], ${vectors}::vector[])
        AS u(o, t, h, p, n, e)
      RETURNING 1
    ), older_versions AS (
      SELECT d.id FROM documents d, owned o
      WHERE d.id <> o.id AND d.source = o.source AND d.visibility = o.visibility
        AND (o.visibility = 'SHARED' OR d.created_by_id IS NOT DISTINCT FROM o.created_by_id)
        AND d.created_at <= o.created_at
    ), stale_answers AS (
      -- Answers citing a version that goes (or this document, re-indexed) are not served again.
      DELETE FROM answer_cache_entries
      WHERE cited_document_ids && ARRAY(SELECT id FROM owned UNION ALL SELECT id FROM older_versions)
      RETURNING 1
    ), replaced AS (
      DELETE FROM documents WHERE id IN (SELECT id FROM older_versions) RETURNING id
    ), written AS (
      SELECT owned.id FROM owned
      WHERE (SELECT count(*) FROM old_passages) + (SELECT count(*) FROM passages)
            + (SELECT count(*) FROM stale_answers) + (SELECT count(*) FROM replaced) >= 0
    ), version AS (${corpusVersionBump(`document ${input.id} ready`, Prisma.sql`written`)})
    SELECT EXISTS (SELECT 1 FROM owned) AS owned, (SELECT count(*) FROM replaced)::int AS replaced,
           (SELECT version FROM version) AS version`);
  if (!row?.owned || row.version == null) throw new DocumentSupersededError();
  return { replaced: Number(row.replaced), corpusVersion: Number(row.version) };
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
