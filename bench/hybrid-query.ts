// Benchmark: hybrid retrieval latency (retrievePassages: question embedding, vector and full-text
// search, fusion) over 100,000 chunks on Postgres, the HNSW recall against exact search, and the same
// on the embedded database at a smaller size, side by side with Postgres at that size.
import { embed } from 'ai';
import pg from 'pg';
import { toSql } from 'pgvector';
import { getModels } from '@/lib/ai/models';
import { retrieval } from '@/lib/config';
import { searchChunksByVector } from '@/lib/db/chunks';
import { refreshLexemeFrequencies } from '@/lib/db/lexeme-frequencies';
import { explainRetrieval, retrievePassages } from '@/lib/rag/retrieve';
import type { Benchmark } from './support/benchmark';
import { loadKnowledgeBase, type LoadedCorpus } from './support/bulk-load';
import { openEmbedded, openPostgres, withClient, type BenchDatabase } from './support/databases';
import { ms, note, printTable, ratio, summarise, type Summary } from './support/report';

const CHUNKS = 100_000;
/** PGlite loads and builds indexes single-threaded in Wasm, about 5 times slower: a smaller corpus. */
const EMBEDDED_CHUNKS = 10_000;
const CHUNKS_PER_DOCUMENT = 100;
const QUERIES = 200;
const WARMUP = 20;
const RECALL_K = 10;
/** Questions whose full-text match count is measured, to show how much work the text search has. */
const MATCH_SAMPLE = 50;
const GOAL_P95_MS = 25;
const GOAL_RECALL = 0.95;
const VIEWER = { userId: 'bench-viewer' };
const STAGES = ['embed', 'vector', 'text', 'fuse', 'mmr'] as const;
/** Search breadths whose recall is also measured: the app's, and wider ones, to show what recall costs. */
const EF_SEARCH = [...new Set([retrieval.hnswEfSearch, 100, 200, 400, 700])].sort((a, b) => a - b);
/** Where the app's own search breadth is in EF_SEARCH: the recall the goal is judged on. */
const APP_EF = EF_SEARCH.indexOf(retrieval.hnswEfSearch);

type Result = {
  kind: BenchDatabase['kind'];
  load: LoadedCorpus;
  /** Counting every lexeme's document frequency, as the job sweep does after the corpus changes. */
  lexemeCountMs: number;
  latency: Summary;
  stages: Record<(typeof STAGES)[number], Summary>;
  /** Recall@k and the HNSW search's own latency, per ef_search in EF_SEARCH. */
  recall: number[];
  hnsw: Summary[];
  exact: Summary;
  /** Mean number of chunks the OR-ed full-text query matches. */
  textMatches: number;
};

/** The top-k ids by exact cosine distance: the same visibility conditions, no index scan. */
async function exactTop(client: pg.Client, vector: string): Promise<string[]> {
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL enable_indexscan = off');
    const { rows } = await client.query<{ id: string }>(
      `SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id
       WHERE c.embedding IS NOT NULL AND d.status = 'READY' AND (d.visibility = 'SHARED' OR d.created_by_id = $2)
       ORDER BY c.embedding <=> $1::vector LIMIT ${RECALL_K}`,
      [vector, VIEWER.userId],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.query('COMMIT');
  }
}

/** How many chunks the question's lexemes (ORed, as the text search builds its query) match. */
async function textMatches(client: pg.Client, question: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM chunks
     WHERE tsv @@ (SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | '))
                   FROM unnest(to_tsvector('english', $1)))`,
    [question],
  );
  return Number(rows[0]!.n);
}

async function measure(database: BenchDatabase, chunks: number): Promise<Result> {
  note(`${database.kind}: ${database.description}`);
  note(`${database.kind}: loading ${chunks} chunks…`);
  const load = await loadKnowledgeBase(database.url, {
    chunks,
    perDocument: CHUNKS_PER_DOCUMENT,
    dimensions: getModels().embedding.dimensions,
    questions: QUERIES,
    // The server's own default (64MB) spills a 100k-vector HNSW graph to disk; a bulk load session may ask for more.
    maintenanceWorkMem: database.kind === 'postgres' ? '1GB' : '256MB',
  });
  note(
    `${database.kind}: loaded in ${ms(load.timings.generateAndInsertMs)} ms + GIN ${ms(load.timings.ginBuildMs)} ms + HNSW ${ms(load.timings.hnswBuildMs)} ms; measuring…`,
  );
  const questions = load.questions;
  // What the app's job sweep does after the corpus changes; questions then read their lexemes' counts.
  const countStarted = performance.now();
  const counted = await refreshLexemeFrequencies({ minIntervalSeconds: 0 });
  const lexemeCountMs = performance.now() - countStarted;
  if (!counted) throw new Error('the lexeme frequencies were not counted');
  note(`${database.kind}: ${counted.lexemes} lexemes' frequencies counted in ${ms(lexemeCountMs)} ms`);

  for (let i = 0; i < WARMUP; i++)
    await retrievePassages({ question: questions[i % QUERIES]!, viewer: VIEWER });
  const times: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    const { passages } = await retrievePassages({ question, viewer: VIEWER });
    times.push(performance.now() - started);
    if (passages.length === 0) throw new Error(`no passages for "${question}"`);
  }

  // The same questions again through explainRetrieval (the same run), for its per-stage timings.
  const stageTimes = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<
    (typeof STAGES)[number],
    number[]
  >;
  for (const question of questions) {
    const { timingsMs } = await explainRetrieval({ question, viewer: VIEWER });
    for (const s of STAGES) stageTimes[s].push(timingsMs[s] ?? 0);
  }

  // Recall of the HNSW search the app runs (searchChunksByVector, the app's ef_search) against exact.
  const model = getModels().embedding.model;
  const hnswTimes = EF_SEARCH.map((): number[] => []);
  const found = EF_SEARCH.map(() => 0);
  const exactTimes: number[] = [];
  let matches = 0;
  await withClient(database.url, async (client) => {
    for (const [i, question] of questions.entries()) {
      const { embedding } = await embed({ model, value: question });
      const exactStarted = performance.now();
      const truth = new Set(await exactTop(client, toSql(embedding)!));
      exactTimes.push(performance.now() - exactStarted);
      for (const [e, efSearch] of EF_SEARCH.entries()) {
        const started = performance.now();
        const hits = await searchChunksByVector({
          embedding,
          limit: retrieval.candidatesPerMethod,
          scope: { userId: VIEWER.userId },
          efSearch,
        });
        hnswTimes[e]!.push(performance.now() - started);
        found[e]! += hits.slice(0, RECALL_K).filter((hit) => truth.has(hit.id)).length;
      }
      if (i < MATCH_SAMPLE) matches += await textMatches(client, question);
    }
  });

  return {
    kind: database.kind,
    load,
    lexemeCountMs,
    latency: summarise(times),
    stages: Object.fromEntries(STAGES.map((s) => [s, summarise(stageTimes[s])])) as Result['stages'],
    recall: found.map((n) => n / (QUERIES * RECALL_K)),
    hnsw: hnswTimes.map(summarise),
    exact: summarise(exactTimes),
    textMatches: matches / Math.min(MATCH_SAMPLE, QUERIES),
  };
}

async function onPostgres(chunks: number): Promise<Result | undefined> {
  const database = await openPostgres();
  if ('unavailable' in database) {
    note(`postgres: SKIPPED, ${database.unavailable}.`);
    return undefined;
  }
  try {
    return await measure(database, chunks);
  } finally {
    await database.close();
  }
}

async function onEmbedded(chunks: number): Promise<Result> {
  note('embedded: starting PGlite + pgvector in a temporary folder…');
  const database = await openEmbedded();
  try {
    return await measure(database, chunks);
  } finally {
    await database.close();
  }
}

const rows: Array<[string, (r: Result) => string | number]> = [
  ['load: generate, embed, insert (ms)', (r) => r.load.timings.generateAndInsertMs],
  ['load: build GIN (ms)', (r) => r.load.timings.ginBuildMs],
  ['load: build HNSW (ms)', (r) => r.load.timings.hnswBuildMs],
  ['count lexeme frequencies (ms)', (r) => r.lexemeCountMs],
  ['chunks table + indexes (MiB)', (r) => r.load.sizeBytes / 2 ** 20],
  ['retrievePassages p50 (ms)', (r) => r.latency.p50],
  ['retrievePassages p95 (ms)', (r) => r.latency.p95],
  ['retrievePassages mean (ms)', (r) => r.latency.mean],
  ...STAGES.flatMap((s): Array<[string, (r: Result) => number]> => [
    [`  stage ${s} p50 (ms)`, (r) => r.stages[s].p50],
    [`  stage ${s} p95 (ms)`, (r) => r.stages[s].p95],
  ]),
  ['exact vector search p50 (ms, no index)', (r) => r.exact.p50],
  ...EF_SEARCH.flatMap((ef, e): Array<[string, (r: Result) => string | number]> => [
    [`searchChunksByVector ef_search=${ef} p50 (ms)`, (r) => r.hnsw[e]!.p50],
    [`  recall@${RECALL_K} vs exact, ef_search=${ef}`, (r) => r.recall[e]!.toFixed(3)],
  ]),
  [`chunks matched by the text query (mean of ${MATCH_SAMPLE})`, (r) => r.textMatches.toFixed(0)],
];

const show = (value: string | number | undefined) =>
  value === undefined ? '–' : typeof value === 'string' ? value : ms(value);

function print(big: Result | undefined, small: Result | undefined, embedded: Result): void {
  printTable(
    `hybrid-query: retrievePassages, ${QUERIES} questions after ${WARMUP} warm-up, one at a time, ` +
      `hnsw.ef_search=${retrieval.hnswEfSearch}, ${retrieval.candidatesPerMethod} candidates per method`,
    [
      'measure',
      `postgres ${CHUNKS / 1000}k`,
      `postgres ${EMBEDDED_CHUNKS / 1000}k`,
      `embedded ${EMBEDDED_CHUNKS / 1000}k`,
      `embedded/postgres ${EMBEDDED_CHUNKS / 1000}k`,
    ],
    rows.map(([label, pick]) => {
      const a = small ? pick(small) : undefined;
      const b = pick(embedded);
      return [
        label,
        show(big ? pick(big) : undefined),
        show(a),
        show(b),
        typeof a === 'number' && typeof b === 'number' ? ratio(b, a) : '',
      ];
    }),
  );
  note('Stages overlap: the text search runs while the question is embedded and the vector search runs.');
  if (big) {
    const met = big.latency.p95 <= GOAL_P95_MS && big.recall[APP_EF]! >= GOAL_RECALL;
    note(
      `goal p95 ≤ ${GOAL_P95_MS} ms at recall@${RECALL_K} ≥ ${GOAL_RECALL} on Postgres at ${CHUNKS} chunks: ` +
        `${met ? 'MET' : 'MISSED'} (p95 ${ms(big.latency.p95)} ms, recall ${big.recall[APP_EF]!.toFixed(3)} at ef_search ${retrieval.hnswEfSearch})`,
    );
  }
}

export const hybridQuery: Benchmark = {
  name: 'hybrid-query',
  summary: `retrievePassages p50/p95 and HNSW recall over ${CHUNKS / 1000}k chunks: Postgres, and embedded PGlite at ${EMBEDDED_CHUNKS / 1000}k`,
  async run() {
    const embedding = getModels().embedding;
    if (!embedding.local) {
      throw new Error(
        `an embedding provider is configured (${embedding.id}); this benchmark measures the built-in local embedding, so unset OPENAI_API_KEY and OPENAI_BASE_URL`,
      );
    }
    note(
      `corpus: synthetic English-like passages (Zipf vocabulary of 30,000 words, 1,000 topics, 40% stop words), ` +
        `${CHUNKS_PER_DOCUMENT} per document, embedded with ${embedding.id}`,
    );
    const big = await onPostgres(CHUNKS);
    const small = await onPostgres(EMBEDDED_CHUNKS);
    const embedded = await onEmbedded(EMBEDDED_CHUNKS);
    print(big, small, embedded);
  },
};
