// Passage search for retrieval: nearest neighbours by embedding (HNSW, cosine) and Postgres full-text
// search scored with BM25, both limited to what a viewer may see. Only READY documents are searched.
import 'server-only';
import { toSql } from 'pgvector';
import { db } from './client';
import { CORPUS_VERSION_KEY, versionOf } from './corpus';
import { LEXEME_FREQUENCIES_KEY } from './lexeme-frequencies';
import { queryRows } from './sql';

export type ChunkHit = {
  id: string;
  documentId: string;
  title: string;
  source: string;
  headingPath: string;
  page: number | null;
  text: string;
  /** The passage's stored embedding (for the diversity step, MMR); empty when it has none. */
  embedding: Float32Array;
  /** Method-specific score: cosine similarity for vector hits, BM25 for text hits. */
  score: number;
};

/** Who is searching and within what: visibility is always applied, the filters when given. */
export type SearchScope = {
  userId: string | null;
  documentIds?: string[];
  tags?: string[];
};

/** A row of nearest_chunks or bm25_chunks (migration 20261130020000), as node-postgres reads it. */
type Row = {
  chunk_id: string;
  document_id: string;
  title: string;
  source: string;
  heading_path: string;
  page: number | null;
  chunk_text: string;
  /** pgvector's binary form (vector_send): dimensions (int16), unused (int16), then big-endian float4s. */
  embedding: Buffer | null;
  score: number;
};

const HIT_COLUMNS = 'chunk_id, document_id, title, source, heading_path, page, chunk_text, embedding, score';

/** The floats of a vector in pgvector's binary form; empty for a passage stored without one. */
export function decodeVector(bytes: Buffer | null): Float32Array {
  if (!bytes || bytes.length < 4) return new Float32Array(0);
  const dimensions = bytes.readUInt16BE(0);
  const vector = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) vector[i] = bytes.readFloatBE(4 + 4 * i);
  return vector;
}

function toHit(row: Row): ChunkHit {
  return {
    id: row.chunk_id,
    documentId: row.document_id,
    title: row.title,
    source: row.source,
    headingPath: row.heading_path,
    page: row.page,
    text: row.chunk_text,
    embedding: decodeVector(row.embedding),
    score: row.score,
  };
}

const compareStrings = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Best score first; equal scores in a fixed order of what the passages are (their document's
 * source, heading path, page, then text), not of their ids, which are random: two passages that
 * score the same (BM25 ties exactly on equal term counts and lengths) come in the same order
 * however and whenever the corpus was ingested, so a question gets the same sources every time.
 */
export function byScore(a: ChunkHit, b: ChunkHit): number {
  return (
    b.score - a.score ||
    compareStrings(a.source, b.source) ||
    compareStrings(a.headingPath, b.headingPath) ||
    (a.page ?? 0) - (b.page ?? 0) ||
    compareStrings(a.text, b.text) ||
    compareStrings(a.id, b.id)
  );
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
  // One statement: nearest_chunks (migrations 20261129010000, 20261130020000, 20261201010000) sets
  // the search breadth and iterative scans for its own transaction, then walks the HNSW index (over
  // half-precision embeddings on a server) over what the viewer may see. Scores are computed from
  // the full-precision column.
  const { userId, documentIds, tags } = input.scope;
  const rows = await queryRows<Row>(
    `SELECT ${HIT_COLUMNS} FROM nearest_chunks($1::vector, $2::int, $3::int, $4::text, $5::text[], $6::text[])`,
    [
      toSql(input.embedding),
      Math.trunc(input.efSearch),
      Math.max(1, Math.trunc(input.limit)),
      userId,
      documentIds ?? null,
      tags ?? null,
    ],
  );
  return rows.map(toHit).sort(byScore);
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

/**
 * The corpus version and the distinct lexemes of `query` analysed in each of `languages`, in one
 * statement: a question's text search needs both before anything else, and the languages rarely
 * change (the caller asks again when the version shows they may have). With them, each lexeme's
 * document frequency when the frequencies counted for the whole corpus are of this version
 * (lib/db/lexeme-frequencies.ts; 0 for a lexeme no passage holds), else null.
 */
export async function corpusVersionAndLexemes(
  query: string,
  languages: string[],
): Promise<{ version: number; lexemes: string[]; frequencies: Map<string, number> | null }> {
  const [row] = await queryRows<{ state: unknown; counted: unknown; lexemes: string[]; dfs: number[] }>(
    `WITH l AS (
       SELECT DISTINCT t.lexeme FROM unnest($2::text[]) AS l(cfg), unnest(to_tsvector(l.cfg::regconfig, $3)) AS t
     ), s AS (
       SELECT (SELECT value FROM system_state WHERE key = $1) AS state,
              (SELECT value FROM system_state WHERE key = $4) AS counted
     )
     SELECT s.state, s.counted,
            ARRAY(SELECT lexeme FROM l ORDER BY 1) AS lexemes,
            ARRAY(SELECT coalesce(f.df, 0) FROM l
                  LEFT JOIN lexeme_frequencies f ON f.version = (s.counted->>'version')::int AND f.lexeme = l.lexeme
                  ORDER BY l.lexeme) AS dfs
     FROM s`,
    [CORPUS_VERSION_KEY, languages, query, LEXEME_FREQUENCIES_KEY],
  );
  const version = versionOf(row?.state);
  const lexemes = row?.lexemes ?? [];
  const counted = row?.counted != null && versionOf(row.counted) === version;
  const frequencies = counted ? new Map(lexemes.map((lexeme, i) => [lexeme, Number(row.dfs[i] ?? 0)])) : null;
  return { version, lexemes, frequencies };
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

/**
 * In how many passages of READY documents each lexeme occurs: every passage holding it (one GIN
 * lookup, counted without reading documents), less those of documents not READY (queued, being
 * re-indexed or failed: few, found through the status index). Joining every match to its document
 * instead cost three times as much, and a question's new lexemes are counted before its text search.
 */
export async function documentFrequencies(lexemes: string[]): Promise<Map<string, number>> {
  if (lexemes.length === 0) return new Map();
  // On the pool (sql.ts), as the searches it comes before.
  const rows = await queryRows<{ lexeme: string; df: string | number }>(
    `WITH hidden AS MATERIALIZED (
       SELECT ARRAY(SELECT id FROM documents WHERE status IN ('QUEUED', 'PARSING', 'EMBEDDING', 'FAILED')) AS ids
     )
     SELECT w.lexeme,
            (SELECT count(*) FROM chunks c WHERE c.tsv @@ w.q)
            - (SELECT count(*) FROM chunks c, hidden h WHERE c.document_id = ANY(h.ids) AND c.tsv @@ w.q) AS df
     FROM unnest($1::text[], $2::tsquery[]) AS w(lexeme, q)`,
    [lexemes, lexemes.map(lexemeQuery)],
  );
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
  const { userId, documentIds, tags } = input.scope;
  const anyTerm = candidateTerms(input.terms, input.candidateMatches)
    .map((t) => lexemeQuery(t.lexeme))
    .join(' | ');
  // One statement: bm25_chunks (migrations 20261130020000, 20261204010000) runs the method above with its own
  // planner settings.
  const rows = await queryRows<Row>(
    `SELECT ${HIT_COLUMNS} FROM bm25_chunks($1::text[], $2::tsquery[], $3::float8[], $4::tsquery,
       $5::int, $6::int, $7::float8, $8::float8, $9::float8, $10::float8, $11::text, $12::text[], $13::text[])`,
    [
      input.terms.map((t) => t.lexeme),
      input.terms.map((t) => lexemeQuery(t.lexeme)),
      input.terms.map((t) => t.idf),
      anyTerm,
      input.rescoreCandidates,
      input.limit,
      input.bm25.k1,
      input.bm25.b,
      input.bm25.headingWeight,
      input.avgLength,
      userId,
      documentIds ?? null,
      tags ?? null,
    ],
  );
  return rows.map(toHit).sort(byScore);
}
