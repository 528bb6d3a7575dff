// Passage search for retrieval: nearest neighbours by embedding (HNSW, cosine) and Postgres full-text
// search scored with BM25, both limited to what a viewer may see. Only READY documents are searched.
import 'server-only';
import { fromSql, toSql } from 'pgvector';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';

export type ChunkHit = {
  id: string;
  documentId: string;
  title: string;
  source: string;
  headingPath: string;
  page: number | null;
  text: string;
  /** The passage's stored embedding (used for near-duplicate and diversity checks). */
  embedding: number[];
  /** Method-specific score: cosine similarity for vector hits, BM25 for text hits. */
  score: number;
};

/** Who is searching and within what: visibility is always applied, the filters when given. */
export type SearchScope = {
  userId: string | null;
  documentIds?: string[];
  tags?: string[];
};

type Row = Omit<ChunkHit, 'embedding' | 'score'> & { embedding: string; score: number | string };

const CHUNK_COLUMNS = Prisma.sql`c.id, c.document_id AS "documentId", d.title, d.source,
  c.heading_path AS "headingPath", c.page, c.text, c.embedding::text AS embedding`;

/**
 * The WHERE conditions every search shares. A viewer sees SHARED documents and the PRIVATE ones
 * they uploaded; an anonymous viewer (userId null) sees SHARED ones only, since `= NULL` is never true.
 */
function scopeConditions(scope: SearchScope): Prisma.Sql {
  const conditions = [
    Prisma.sql`d.status = 'READY'`,
    Prisma.sql`(d.visibility = 'SHARED' OR d.created_by_id = ${scope.userId})`,
  ];
  if (scope.documentIds) conditions.push(Prisma.sql`d.id = ANY(${scope.documentIds}::text[])`);
  if (scope.tags) conditions.push(Prisma.sql`d.tags && ${scope.tags}::text[]`);
  return Prisma.join(conditions, ' AND ');
}

function toHit(row: Row): ChunkHit {
  return {
    ...row,
    page: row.page === null ? null : Number(row.page),
    embedding: fromSql(row.embedding) as number[],
    score: Number(row.score),
  };
}

/**
 * The `limit` visible passages closest to `embedding` by cosine distance. With filters, pgvector's
 * iterative index scan keeps walking the HNSW graph until `limit` rows pass them (relaxed order:
 * the rows are re-sorted here), so a selective filter still gets its k results.
 */
export async function searchChunksByVector(input: {
  embedding: number[];
  limit: number;
  scope: SearchScope;
  efSearch: number;
}): Promise<ChunkHit[]> {
  // One statement: nearest_chunks (migration 20261129010000) sets the search breadth and iterative
  // scans for its own transaction, then searches with the same conditions as scopeConditions.
  const { userId, documentIds, tags } = input.scope;
  const rows = await db().$queryRaw<Row[]>`
    SELECT chunk_id AS id, document_id AS "documentId", title, source, heading_path AS "headingPath",
      page, chunk_text AS text, embedding, score
    FROM nearest_chunks(${toSql(input.embedding)}::vector, ${Math.trunc(input.efSearch)}::int,
      ${Math.max(1, Math.trunc(input.limit))}::int, ${userId}::text, ${documentIds ?? null}::text[],
      ${tags ?? null}::text[])`;
  return rows.map(toHit).sort((a, b) => b.score - a.score);
}

export type Bm25Options = {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b: number;
  /** How much one occurrence in the heading path counts, relative to one in the text. */
  headingWeight: number;
};

export type CorpusStats = { chunks: number; avgLength: number };

/** Passage count and mean tsvector length (distinct lexemes) over READY documents, for BM25. */
export async function fullTextCorpusStats(): Promise<CorpusStats> {
  const [row] = await db().$queryRaw<{ chunks: bigint | number; avg: number | null }[]>`
    SELECT count(*) AS chunks, avg(length(c.tsv))::float8 AS avg
    FROM chunks c JOIN documents d ON d.id = c.document_id
    WHERE d.status = 'READY'`;
  return { chunks: Number(row?.chunks ?? 0), avgLength: Number(row?.avg ?? 0) };
}

/** Text search configurations of READY documents: the languages a query must be analysed in. */
export async function readyLanguages(): Promise<string[]> {
  const rows = await db().$queryRaw<{ language: string }[]>`
    SELECT DISTINCT language FROM documents WHERE status = 'READY' ORDER BY 1`;
  return rows.map((row) => row.language);
}

/** A tsquery literal matching exactly one lexeme, taken verbatim (no parsing or stemming). */
export function lexemeQuery(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The distinct lexemes of `query` analysed in each of `languages` (text search configuration names). */
export async function queryLexemes(query: string, languages: string[]): Promise<string[]> {
  if (languages.length === 0) return [];
  const rows = await db().$queryRaw<{ lexeme: string }[]>`
    SELECT DISTINCT t.lexeme
    FROM unnest(${languages}::text[]) AS l(cfg), unnest(to_tsvector(l.cfg::regconfig, ${query})) AS t
    ORDER BY 1`;
  return rows.map((row) => row.lexeme);
}

/**
 * The share of passages holding each of the commonest lexemes, from the planner's statistics on the
 * full-text column (`pg_stats.most_common_elems`, kept by ANALYZE and autovacuum): up to about
 * 1,000 lexemes, exact on a table small enough for ANALYZE to read whole (30,000 rows at the default
 * statistics target), sampled above that. Empty until the table is first analysed.
 */
export async function commonLexemeShares(): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ lexeme: string; share: number }[]>`
    SELECT e.lexeme, e.share
    FROM pg_stats s,
         unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
    WHERE s.schemaname = current_schema() AND s.tablename = 'chunks' AND s.attname = 'tsv'
      AND e.lexeme IS NOT NULL`;
  return new Map(rows.map((row) => [row.lexeme, Number(row.share)]));
}

/** In how many passages of READY documents each lexeme occurs (one GIN lookup per lexeme). */
export async function documentFrequencies(lexemes: string[]): Promise<Map<string, number>> {
  if (lexemes.length === 0) return new Map();
  const rows = await db().$queryRaw<{ lexeme: string; df: bigint | number }[]>`
    SELECT w.lexeme,
           (SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.document_id
            WHERE c.tsv @@ w.q AND d.status = 'READY') AS df
    FROM unnest(${lexemes}::text[], ${lexemes.map(lexemeQuery)}::tsquery[]) AS w(lexeme, q)`;
  return new Map(rows.map((row) => [row.lexeme, Number(row.df)]));
}

/**
 * The terms that select full-text candidates: the rarest first, while the passages they match add up
 * to at most `maxMatches` (the rarest always). A passage holding only the question's common words is
 * never among the best by BM25, and matching on those words would make the search rank a large part
 * of the corpus; they still count in the candidates' scores.
 */
export function candidateTerms<T extends { df: number }>(terms: T[], maxMatches: number): T[] {
  const byRarity = [...terms].sort((a, b) => a.df - b.df);
  const chosen: T[] = [];
  let matches = 0;
  for (const term of byRarity) {
    if (chosen.length > 0 && matches + term.df > maxMatches) break;
    chosen.push(term);
    matches += term.df;
  }
  return chosen;
}

/**
 * The `limit` visible passages that best match the query terms, by BM25 over Postgres full-text.
 *
 * Candidates are the passages whose tsvector matches any candidate term (`tsv @@ a | b | …`, through
 * the GIN index; see candidateTerms). Scoring all of them exactly would unpack every matching tsvector, which for a question
 * with common words is most of the corpus; so they are first ordered by the summed idf of the terms
 * they contain (cheap: one `@@` per term), and the best `rescoreCandidates` get exact BM25: term
 * frequency from the lexeme's positions (an occurrence in the heading path or the document's title
 * counting `headingWeight` times: chunking leaves the title out of heading paths, yet it is often
 * the best summary of a passage) and length as the passage's distinct lexemes, against the corpus
 * mean. Terms come with their idf, computed by the caller from `documentFrequencies` over the
 * whole READY corpus.
 */
export async function searchChunksByText(input: {
  terms: Array<{ lexeme: string; idf: number; df: number }>;
  limit: number;
  scope: SearchScope;
  avgLength: number;
  bm25: Bm25Options;
  rescoreCandidates: number;
  /** Passages the candidate terms may match at most (the rarest term is always used). */
  candidateMatches: number;
}): Promise<ChunkHit[]> {
  if (input.terms.length === 0) return [];
  const { k1, b, headingWeight } = input.bm25;
  const avgLength = Math.max(input.avgLength, 1);
  const lexemes = input.terms.map((t) => t.lexeme);
  const queries = lexemes.map(lexemeQuery);
  const idfs = input.terms.map((t) => t.idf);
  const anyTerm = candidateTerms(input.terms, input.candidateMatches)
    .map((t) => lexemeQuery(t.lexeme))
    .join(' | ');
  // The planner prices `tsv @@ query` on a row as almost free, so on a corpus of a few thousand
  // passages it reads the whole table rather than the GIN index's matches (SciFact: 19 ms against 2
  // for 900 matches). Pricing a random page read as the cached pages it is (1.1, where the default 4
  // prices a disk seek) makes it use the index; local to this statement's transaction.
  const [, rows] = await db().$transaction([
    db().$queryRaw`SELECT set_config('random_page_cost', '1.1', true)`,
    db().$queryRaw<Row[]>`
    WITH w AS MATERIALIZED (
      SELECT * FROM unnest(${lexemes}::text[], ${queries}::tsquery[], ${idfs}::float8[]) AS w(lexeme, q, idf)
    ),
    candidates AS MATERIALIZED (
      SELECT c.id, f.tsv, length(c.tsv) AS len
      FROM chunks c JOIN documents d ON d.id = c.document_id
      -- OFFSET 0 keeps the planner from inlining f.tsv into the ordering's subquery, where it was
      -- rebuilt (tsvector read from TOAST, concatenated) once per term per candidate.
      CROSS JOIN LATERAL (SELECT coalesce(d.title_tsv, '') || c.tsv AS tsv OFFSET 0) f
      WHERE c.tsv @@ ${anyTerm}::tsquery AND ${scopeConditions(input.scope)}
      ORDER BY (SELECT sum(w.idf) FROM w WHERE f.tsv @@ w.q) DESC, c.id
      LIMIT ${Math.max(input.rescoreCandidates, input.limit)}
    ),
    scored AS (
      SELECT k.id,
             sum(w.idf * tf.tf * (${k1}::float8 + 1)
                 / (tf.tf + ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * k.len / ${avgLength}::float8))) AS score
      FROM candidates k
      CROSS JOIN LATERAL unnest(k.tsv) AS u
      JOIN w ON w.lexeme = u.lexeme
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(CASE WHEN wt = 'A' THEN ${headingWeight}::float8 ELSE 1 END), 1) AS tf
        FROM unnest(u.weights) AS wt
      ) tf
      GROUP BY k.id
      ORDER BY score DESC, k.id
      LIMIT ${input.limit}
    )
    SELECT ${CHUNK_COLUMNS}, s.score
    FROM scored s JOIN chunks c ON c.id = s.id JOIN documents d ON d.id = c.document_id
    ORDER BY s.score DESC, c.id`,
  ]);
  return rows.map(toHit);
}
