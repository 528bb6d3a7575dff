// Cached answers (lib/cache/ decides what may be served): lookups by exact key and by question
// embedding, the hit counter, storing, invalidation by cited document, and the expiry sweep. Raw SQL
// for the vector column and for reading and counting a hit in one statement.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { toSql } from 'pgvector';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';
import { CORPUS_VERSION_KEY, versionOf } from './corpus';
import { groupCommit } from './group-commit';
import { queryRows } from './sql';

/** Timestamps are stored as UTC wall-clock time, as Prisma writes them. */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** What identifies an entry, besides its question. */
export type CacheKeyColumns = {
  scopeHash: string;
  modelRoute: string;
  corpusVersion: number;
};

export type CachedAnswerRow = {
  id: string;
  question: string;
  answer: string;
  sources: unknown;
  model: string;
  metadata: unknown;
};

const RETURNED = 'id, question, answer, sources, model, metadata';

/**
 * The conditions under which an entry may be served to the viewer whose id is the statement's
 * parameter `$n`: not expired, and every document it cites still READY and visible to them (the
 * scope key already says so; this holds even if a document's visibility changed without a new
 * corpus version).
 */
function servable(n: number): string {
  return `e.expires_at > (now() AT TIME ZONE 'UTC')
    AND NOT EXISTS (
      SELECT 1 FROM unnest(e.cited_document_ids) AS c(id)
      WHERE NOT EXISTS (
        SELECT 1 FROM documents d
        WHERE d.id = c.id AND d.status = 'READY' AND (d.visibility = 'SHARED' OR d.created_by_id = $${n})))`;
}

/**
 * What an answer cache key needs to know of the viewer before retrieval, in one round trip: the corpus
 * version and the viewer's private ready documents (sorted by id).
 */
export async function answerCacheScope(
  userId: string | null,
): Promise<{ corpusVersion: number; privateDocumentIds: string[] }> {
  const [row] = await queryRows<{ corpus: unknown; private_ids: string[] | null }>(
    `SELECT (SELECT value FROM system_state WHERE key = $1) AS corpus,
      ARRAY(
        SELECT id FROM documents
        WHERE status = 'READY' AND visibility = 'PRIVATE' AND created_by_id = $2
        ORDER BY id
      ) AS private_ids`,
    [CORPUS_VERSION_KEY, userId],
  );
  return { corpusVersion: versionOf(row?.corpus), privateDocumentIds: row?.private_ids ?? [] };
}

export async function privateReadyDocumentIds(userId: string | null): Promise<string[]> {
  if (userId === null) return [];
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM documents
    WHERE status = 'READY' AND visibility = 'PRIVATE' AND created_by_id = ${userId}
    ORDER BY id`;
  return rows.map((row) => row.id);
}

/** The entry for exactly this question and key; null when none may be served. */
export async function findExactAnswer(
  input: CacheKeyColumns & { questionHash: string; userId: string | null },
): Promise<CachedAnswerRow | null> {
  const rows = await queryRows<CachedAnswerRow>(
    `SELECT ${RETURNED} FROM answer_cache_entries e
    WHERE e.question_hash = $1 AND e.scope_hash = $2 AND e.model_route = $3 AND e.corpus_version = $4
      AND ${servable(5)}
    LIMIT 1`,
    [input.questionHash, input.scopeHash, input.modelRoute, input.corpusVersion, input.userId],
  );
  return rows[0] ?? null;
}

/** The entry with this id; null when it is gone or may not be served. */
export async function findServableAnswer(id: string, userId: string | null): Promise<CachedAnswerRow | null> {
  const rows = await queryRows<CachedAnswerRow>(
    `SELECT ${RETURNED} FROM answer_cache_entries e WHERE e.id = $1 AND ${servable(2)}`,
    [id, userId],
  );
  return rows[0] ?? null;
}

async function addHits(ids: string[]): Promise<void> {
  await queryRows(
    `UPDATE answer_cache_entries e SET hits = e.hits + v.n, last_hit_at = (now() AT TIME ZONE 'UTC')
    FROM (SELECT id, count(*)::int AS n FROM unnest($1::text[]) AS hit(id) GROUP BY id) v
    WHERE e.id = v.id`,
    [ids],
  );
}

// Hits are counted by group commit (group-commit.ts): a lookup is a read, and the hits of the answers
// served while one count is written go in the next UPDATE, not a write (and a commit) per hit.
const countHits = groupCommit<string, void>({
  max: 500,
  writeOne: (id) => addHits([id]),
  writeBatch: async (ids) => {
    await addHits(ids);
    return ids.map(() => undefined);
  },
});

/** Counts a hit on an entry; resolves once it is written. */
export function countHit(id: string): Promise<void> {
  return countHits(id);
}

export type CachedQuestion = { id: string; question: string; similarity: number };

/**
 * The `limit` unexpired entries of this key whose question embeddings (made by `embeddingModel`) are
 * closest to `embedding`, by cosine similarity, best first.
 */
export async function nearestCachedQuestions(
  input: CacheKeyColumns & { embedding: number[]; embeddingModel: string; limit: number; efSearch: number },
): Promise<CachedQuestion[]> {
  // One statement (on the pool itself, sql.ts): the function (migration 20261129010000) sets the
  // search breadth and iterative scans for its own transaction, then searches.
  const rows = await queryRows<{ id: string; question: string; similarity: number | string }>(
    `SELECT entry_id AS id, question, similarity
    FROM nearest_cached_questions($1::vector, $2::int, $3::int, $4, $5, $6::int, $7)`,
    [
      toSql(input.embedding),
      Math.trunc(input.efSearch),
      Math.max(1, Math.trunc(input.limit)),
      input.scopeHash,
      input.modelRoute,
      input.corpusVersion,
      input.embeddingModel,
    ],
  );
  return rows
    .map((row) => ({ id: row.id, question: row.question, similarity: Number(row.similarity) }))
    .sort((a, b) => b.similarity - a.similarity);
}

export type NewCachedAnswer = CacheKeyColumns & {
  questionHash: string;
  question: string;
  embedding: number[] | null;
  embeddingModel: string;
  answer: string;
  sources: object[];
  citedDocumentIds: string[];
  /** The query-log row of the question the answer was given to (erasing its asker removes the entry). */
  originQueryLogId: string | null;
  model: string;
  metadata: object;
  ttlSeconds: number;
};

/**
 * Stores an answer under its key, replacing an entry already there (an expired one not yet swept, or
 * a concurrent answer to the same question), while the corpus is still at the key's version: an
 * answer built before a change is not filed under the version after it. Null when the corpus moved.
 */
export async function putCachedAnswer(entry: NewCachedAnswer): Promise<{ id: string } | null> {
  const embedding = entry.embedding ? Prisma.sql`${toSql(entry.embedding)}::vector` : Prisma.sql`NULL`;
  const rows = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO answer_cache_entries (id, question_hash, scope_hash, model_route, corpus_version, question,
      question_embedding, embedding_model, answer, sources, cited_document_ids, origin_query_log_id, model,
      metadata, hits, created_at, expires_at)
    SELECT ${randomUUID()}, ${entry.questionHash}, ${entry.scopeHash}, ${entry.modelRoute}, ${entry.corpusVersion},
      ${entry.question}, ${embedding}, ${entry.embeddingModel}, ${entry.answer}, ${JSON.stringify(entry.sources)}::jsonb,
      ${entry.citedDocumentIds}::text[], ${entry.originQueryLogId}, ${entry.model}, ${JSON.stringify(entry.metadata)}::jsonb, 0, ${NOW},
      ${NOW} + make_interval(secs => ${entry.ttlSeconds})
    WHERE coalesce((SELECT (value->>'version')::int FROM system_state WHERE key = 'corpus_version'), 0)
      = ${entry.corpusVersion}
    ON CONFLICT (question_hash, scope_hash, model_route, corpus_version) DO UPDATE SET
      question = EXCLUDED.question, question_embedding = EXCLUDED.question_embedding,
      embedding_model = EXCLUDED.embedding_model, answer = EXCLUDED.answer, sources = EXCLUDED.sources,
      cited_document_ids = EXCLUDED.cited_document_ids, origin_query_log_id = EXCLUDED.origin_query_log_id,
      model = EXCLUDED.model, metadata = EXCLUDED.metadata,
      hits = 0, last_hit_at = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
    RETURNING id`;
  return rows[0] ?? null;
}

/** Removes every entry citing any of these documents; returns how many went. */
export async function deleteAnswersCiting(
  documentIds: string[],
  client: Pick<ReturnType<typeof db>, '$executeRaw'> = db(),
): Promise<number> {
  if (documentIds.length === 0) return 0;
  return client.$executeRaw`
    DELETE FROM answer_cache_entries WHERE cited_document_ids && ${documentIds}::text[]`;
}

/** Removes expired entries, and those of corpus versions older than `corpusVersion` (never served again). */
export async function deleteStaleAnswers(corpusVersion: number): Promise<number> {
  return db().$executeRaw`
    DELETE FROM answer_cache_entries WHERE expires_at <= ${NOW} OR corpus_version < ${corpusVersion}`;
}
