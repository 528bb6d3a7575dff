// Passage search: nearest neighbours by embedding (HNSW, cosine) and Postgres full-text search.
import 'server-only';
import { toSql } from 'pgvector';
import { db } from './client';
import { retrieval } from '@/lib/config';

export type ChunkHit = {
  id: string;
  documentId: string;
  title: string;
  source: string;
  headingPath: string;
  text: string;
  /** Method-specific score: cosine similarity for vector hits, ts_rank for text hits. */
  score: number;
};

/** The `limit` passages closest to `embedding` by cosine distance. */
export async function searchChunksByVector(embedding: number[], limit: number): Promise<ChunkHit[]> {
  // SET LOCAL needs a transaction; it widens the HNSW candidate list for better recall.
  const [, rows] = await db().$transaction([
    db().$executeRawUnsafe(`SET LOCAL hnsw.ef_search = ${Number(retrieval.hnswEfSearch)}`),
    db().$queryRaw<ChunkHit[]>`
      SELECT c.id, c.document_id AS "documentId", d.title, d.source, c.heading_path AS "headingPath", c.text,
             1 - (c.embedding <=> ${toSql(embedding)}::vector) AS score
      FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.embedding IS NOT NULL AND d.status = 'READY'
      ORDER BY c.embedding <=> ${toSql(embedding)}::vector
      LIMIT ${limit}`,
  ]);
  return rows.map((row) => ({ ...row, score: Number(row.score) }));
}

/** The `limit` passages that best match `query` by full-text search (any of its terms). */
export async function searchChunksByText(query: string, limit: number): Promise<ChunkHit[]> {
  const rows = await db().$queryRaw<ChunkHit[]>`
    WITH q AS (
      SELECT to_tsquery('simple', string_agg(quote_literal(t.lexeme), ' | ')) AS query
      FROM unnest(to_tsvector('english', ${query})) AS t
    )
    SELECT c.id, c.document_id AS "documentId", d.title, d.source, c.heading_path AS "headingPath", c.text,
           ts_rank_cd(c.tsv, q.query) AS score
    FROM chunks c JOIN documents d ON d.id = c.document_id, q
    WHERE q.query IS NOT NULL AND c.tsv @@ q.query AND d.status = 'READY'
    ORDER BY score DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, score: Number(row.score) }));
}
