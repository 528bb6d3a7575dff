// Benchmark: the same top-10 cosine query over 10,000 chunks of 384 dimensions on the embedded
// database (PGlite + pgvector over the wire protocol) and on a real Postgres server, side by side.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { retrieval } from '@/lib/config';
import { startEmbeddedDatabase } from '@/lib/db/embedded/server';
import { migrate } from '@/lib/db/migrate';
import type { Benchmark } from './support/benchmark';
import { makeVectorCorpus, type VectorCorpus } from './support/corpus';
import { createThrowawayDatabase, freePort } from './support/net';
import { ms, note, printTable, ratio, summarise, type Summary } from './support/report';

const CHUNKS = 10_000;
const DIMENSIONS = 384;
const BATCH_ROWS = 250;
const QUERIES = 200;
const WARMUP = 20;
const TOP_K = 10;
const HNSW_INDEX = 'chunks_embedding_hnsw_idx';
/** The full-precision distance: the truth, and the search where the index is built over it. */
const EXACT_QUERY = `SELECT id FROM chunks ORDER BY embedding <=> $1::vector LIMIT ${TOP_K}`;
/** As nearest_chunks searches on a server: by the half-precision distance the index is built over. */
const HALF_QUERY = `SELECT id FROM chunks ORDER BY embedding::halfvec(${DIMENSIONS}) <=> $1::halfvec(${DIMENSIONS}) LIMIT ${TOP_K}`;
const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/test';

type Result = {
  migrateMs: number;
  insertMs: number;
  indexBuildMs: number;
  insertIndexedMs: number;
  sizeBytes: number;
  hnsw: Summary;
  exact: Summary;
  recall: number;
  hnswPlan: string;
  exactPlan: string;
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/** The plan's node types, outermost first, e.g. "Limit > Index Scan (chunks_embedding_hnsw_idx)". */
async function planOf(client: pg.Client, query: string, vector: string): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query}`, [vector]);
  return rows
    .map((row) => row['QUERY PLAN'].trim().replace(/^->\s*/, ''))
    .filter((line) => !line.startsWith('Sort Key') && !line.startsWith('Order By'))
    .map((line) => line.replace(/\s+\(cost=.*$/, ''))
    .join(' > ');
}

/** All chunks in multi-row INSERTs of BATCH_ROWS rows, vectors as `$n::vector` parameters. */
async function insertChunks(client: pg.Client, corpus: VectorCorpus): Promise<void> {
  for (let start = 0; start < CHUNKS; start += BATCH_ROWS) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = start; i < Math.min(start + BATCH_ROWS, CHUNKS); i++) {
      const n = params.length;
      values.push(`($${n + 1}, 'bench-doc', $${n + 2}, $${n + 3}, $${n + 4}::vector)`);
      params.push(`bench-chunk-${i}`, i, corpus.texts[i], corpus.vectors[i]);
    }
    await client.query(
      `INSERT INTO chunks (id, document_id, ordinal, text, embedding) VALUES ${values.join(', ')}`,
      params,
    );
  }
}

async function runQueries(
  client: pg.Client,
  query: string,
  corpus: VectorCorpus,
): Promise<{ times: number[]; ids: string[][] }> {
  for (let i = 0; i < WARMUP; i++) await client.query(query, [corpus.queryVectors[i % QUERIES]]);
  const times: number[] = [];
  const ids: string[][] = [];
  for (let i = 0; i < QUERIES; i++) {
    const started = performance.now();
    const { rows } = await client.query<{ id: string }>(query, [corpus.queryVectors[i]]);
    times.push(performance.now() - started);
    ids.push(rows.map((row) => row.id));
  }
  return { times, ids };
}

async function measure(url: string, corpus: VectorCorpus): Promise<Result> {
  const [, migrateMs] = await timed(() => migrate(url));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO documents (id, title, source, content_hash, status, chunk_count, updated_at)
       VALUES ('bench-doc', 'Benchmark corpus', 'bench', 'bench', 'READY', $1, now())`,
      [CHUNKS],
    );
    // The index exactly as the migration defines it, to drop and build again.
    const { rows: definition } = await client.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = $1`,
      [HNSW_INDEX],
    );
    if (!definition[0]) throw new Error(`the migrations did not create ${HNSW_INDEX}`);
    // The search orders by what the index is built over (half precision on a server, full embedded).
    const hnswQuery = definition[0].indexdef.includes('halfvec') ? HALF_QUERY : EXACT_QUERY;

    // Bulk load: rows first, then one HNSW build over the full table.
    await client.query(`DROP INDEX ${HNSW_INDEX}`);
    const [, insertMs] = await timed(() => insertChunks(client, corpus));
    const [, indexBuildMs] = await timed(() => client.query(definition[0]!.indexdef));
    await client.query('ANALYZE chunks');
    const { rows: size } = await client.query<{ bytes: string }>(
      `SELECT pg_total_relation_size('chunks') AS bytes`,
    );

    // HNSW as the app searches (nearest_chunks): its search breadth (lib/config.ts
    // retrieval.hnswEfSearch) and no sequential scan, which the planner picks at a wide breadth.
    await client.query(`SET hnsw.ef_search = ${Number(retrieval.hnswEfSearch)}`);
    await client.query('SET enable_seqscan = off');
    const hnswPlan = await planOf(client, hnswQuery, corpus.queryVectors[0]!);
    const hnsw = await runQueries(client, hnswQuery, corpus);

    // Exact answers for context and for recall: no index scan, so a full scan and sort.
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_indexscan = off');
    await client.query('SET LOCAL enable_seqscan = on');
    const exactPlan = await planOf(client, EXACT_QUERY, corpus.queryVectors[0]!);
    const exact = await runQueries(client, EXACT_QUERY, corpus);
    await client.query('COMMIT');

    // As the app ingests: rows go into a table whose HNSW index already exists.
    await client.query('TRUNCATE chunks');
    const [, insertIndexedMs] = await timed(() => insertChunks(client, corpus));

    let found = 0;
    for (let i = 0; i < QUERIES; i++) {
      const truth = new Set(exact.ids[i]);
      found += hnsw.ids[i]!.filter((id) => truth.has(id)).length;
    }
    return {
      migrateMs,
      insertMs,
      indexBuildMs,
      insertIndexedMs,
      sizeBytes: Number(size[0]!.bytes),
      hnsw: summarise(hnsw.times),
      exact: summarise(exact.times),
      recall: found / (QUERIES * TOP_K),
      hnswPlan,
      exactPlan,
    };
  } finally {
    await client.end();
  }
}

/** The server's version and the settings that bear on these figures. */
async function describeServer(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const setting = async (name: string) =>
      (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name];
    return (
      `server ${await setting('server_version')}, shared_buffers ${await setting('shared_buffers')}, ` +
      `maintenance_work_mem ${await setting('maintenance_work_mem')}, ` +
      `max_parallel_maintenance_workers ${await setting('max_parallel_maintenance_workers')}`
    );
  } finally {
    await client.end();
  }
}

async function measureEmbedded(corpus: VectorCorpus): Promise<Result> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rag-bench-embedded-'));
  const database = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  try {
    note(`embedded: ${await describeServer(database.url)}`);
    return await measure(database.url, corpus);
  } finally {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measurePostgres(corpus: VectorCorpus): Promise<Result | { unavailable: string }> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_SERVER_URL;
  const database = await createThrowawayDatabase(serverUrl);
  if ('unreachable' in database) {
    return { unavailable: `no Postgres server reachable at ${serverUrl} (${database.unreachable})` };
  }
  note(`postgres: throwaway database ${database.name} on ${new URL(serverUrl).host}`);
  try {
    note(`postgres: ${await describeServer(database.url)}`);
    return await measure(database.url, corpus);
  } finally {
    await database.drop();
  }
}

function print(embedded: Result, postgres: Result | undefined): void {
  const rows: Array<[string, (r: Result) => number]> = [
    ['apply migrations (ms)', (r) => r.migrateMs],
    [`insert ${CHUNKS} rows, no HNSW index yet (ms)`, (r) => r.insertMs],
    ['then build the HNSW index (ms)', (r) => r.indexBuildMs],
    ['  = bulk load total (ms)', (r) => r.insertMs + r.indexBuildMs],
    [`insert ${CHUNKS} rows, HNSW index kept, as ingest does (ms)`, (r) => r.insertIndexedMs],
    ['HNSW top-10 p50 (ms)', (r) => r.hnsw.p50],
    ['HNSW top-10 p95 (ms)', (r) => r.hnsw.p95],
    ['HNSW top-10 mean (ms)', (r) => r.hnsw.mean],
    ['exact top-10 p50 (ms)', (r) => r.exact.p50],
    ['exact top-10 p95 (ms)', (r) => r.exact.p95],
    ['exact top-10 mean (ms)', (r) => r.exact.mean],
  ];
  printTable(
    `vector-query: ${CHUNKS} chunks × ${DIMENSIONS} dims, ${QUERIES} queries after ${WARMUP} warm-up, hnsw.ef_search=${retrieval.hnswEfSearch}`,
    ['measure', 'embedded', 'postgres', 'embedded/postgres'],
    [
      ...rows.map(([label, pick]) => [
        label,
        ms(pick(embedded)),
        postgres ? ms(pick(postgres)) : '–',
        postgres ? ratio(pick(embedded), pick(postgres)) : '–',
      ]),
      [
        'HNSW recall@10 vs exact',
        embedded.recall.toFixed(3),
        postgres ? postgres.recall.toFixed(3) : '–',
        '',
      ],
      [
        'chunks table + indexes (MiB)',
        (embedded.sizeBytes / 2 ** 20).toFixed(1),
        postgres ? (postgres.sizeBytes / 2 ** 20).toFixed(1) : '–',
        postgres ? ratio(embedded.sizeBytes, postgres.sizeBytes) : '–',
      ],
    ],
  );
  note(`embedded HNSW plan: ${embedded.hnswPlan}`);
  note(`embedded exact plan: ${embedded.exactPlan}`);
  if (postgres) {
    note(`postgres HNSW plan: ${postgres.hnswPlan}`);
    note(`postgres exact plan: ${postgres.exactPlan}`);
  }
  note(
    `Inserts are multi-row INSERTs of ${BATCH_ROWS} rows (the full-text GIN index and tsv column are kept in both).`,
  );
  note(
    'Query times are client round trips through `pg` over 127.0.0.1 (the embedded server runs in this process).',
  );
}

export const vectorQuery: Benchmark = {
  name: 'vector-query',
  summary: `top-${TOP_K} cosine query over ${CHUNKS} × ${DIMENSIONS}-dim chunks: embedded PGlite vs Postgres`,
  async run() {
    const [corpus, corpusMs] = await timed(async () =>
      makeVectorCorpus({ chunks: CHUNKS, queries: QUERIES, dimensions: DIMENSIONS }),
    );
    note(
      `corpus: ${CHUNKS} synthetic passages and ${QUERIES} questions embedded with hashEmbed in ${ms(corpusMs)} ms`,
    );
    note('embedded: starting PGlite + pgvector in a temporary folder…');
    const embedded = await measureEmbedded(corpus);
    note('postgres: measuring…');
    const postgres = await measurePostgres(corpus);
    if ('unavailable' in postgres) {
      note(`postgres: SKIPPED, ${postgres.unavailable}. Reporting the embedded database only.`);
      print(embedded, undefined);
    } else {
      print(embedded, postgres);
    }
  },
};
