// Benchmark: chunks per second through the real ingestion path (ingestFile: submit → parse → chunk →
// embed → completeDocument) into Postgres and into the embedded database, and where the time goes.
import { embedMany } from 'ai';
import pLimit from 'p-limit';
import { getModels } from '@/lib/ai/models';
import { hashEmbed } from '@/lib/ai/local/hash-embedding';
import { ingestion, jobs } from '@/lib/config';
import { beginAttempt, completeDocument, recordProgress } from '@/lib/db/documents';
import { vectorArrayBinary } from '@/lib/db/vector-binary';
import { beginBulkImport } from '@/lib/ingest/bulk-import';
import { embedForIngestion } from '@/lib/ingest/embed';
import { parseDocument } from '@/lib/ingest/parse';
import { titleOf } from '@/lib/ingest/prepare';
import { ingestFile } from '@/lib/ingest/pipeline';
import { submitDocument } from '@/lib/ingest/submit';
import { chunkDocument } from '@/lib/rag/chunking';
import { embeddingText } from '@/lib/rag/embedding-text';
import { screenPassages } from '@/lib/security/injection/screen-passages';
import type { Benchmark } from './support/benchmark';
import { openEmbedded, openPostgres, timed, withClient, type BenchDatabase } from './support/databases';
import { benchDocuments, type BenchDocument } from './support/documents';
import { ms, note, printTable, ratio } from './support/report';

const DOCUMENTS = 200;
const SECTIONS = 10;
/** The goal, in chunks per second end to end on Postgres. */
const GOAL_CHUNKS_PER_SECOND = 1_000;
const HNSW_INDEX = 'chunks_embedding_hnsw_idx';
const GIN_INDEX = 'chunks_tsv_gin_idx';

const STAGES = ['submit', 'bookkeeping', 'parse', 'chunk', 'embed', 'screen', 'insert'] as const;
type Stage = (typeof STAGES)[number];
const STAGE_LABELS: Record<Stage, string> = {
  submit: 'submit (checks, hash, store file)',
  bookkeeping: 'attempt and progress updates, read file',
  parse: 'parseDocument',
  chunk: 'chunkDocument',
  embed: 'embedForIngestion (cache, hash, embed)',
  screen: 'screenPassages (injection detector)',
  insert: 'completeDocument (rows, indexes, swap)',
};

type Run = { ms: number; chunks: number; failed: number };
type Prepared = Parameters<typeof completeDocument>[0];
type Breakdown = { wallMs: number; chunks: number; stages: Record<Stage, number>; prepared: Prepared[] };
type InsertProfile = {
  full: number;
  noHnsw: number;
  noIndexes: number;
  ginBuild: number;
  hnswBuild: number;
  hashEmbedOnly: number;
  embedManyOnly: number;
  vectorsBinary: number;
};
type Result = {
  sequential: Run;
  concurrent: Run;
  bulk: Run;
  breakdown: Breakdown;
  profile: InsertProfile;
  database: BenchDatabase['kind'];
};

/**
 * Empties the knowledge base and the embedding cache, so every pass embeds and inserts everything,
 * then checkpoints: the write-ahead log the previous pass left (hundreds of MB when every passage
 * went into the HNSW index) otherwise forces a checkpoint in the middle of the next pass, whose time
 * it then carries (the bulk import's, after the two passes before it, by about a fifth).
 */
async function reset(database: BenchDatabase): Promise<void> {
  await database.client.$executeRawUnsafe('TRUNCATE documents, chunks, document_files, embedding_cache');
  await database.client.$executeRawUnsafe('CHECKPOINT');
}

/**
 * The real ingestion path, `concurrency` documents at a time. With `bulk`, as `npm run ingest --
 * --bulk` runs it: the passage index dropped first and built at the end, its build in the time.
 */
async function endToEnd(
  database: BenchDatabase,
  documents: BenchDocument[],
  concurrency: number,
  bulk = false,
): Promise<Run> {
  await reset(database);
  const limit = pLimit(concurrency);
  const [results, wall] = await timed(async () => {
    const bulkImport = bulk ? await beginBulkImport() : null;
    const ingested = await Promise.all(
      documents.map((doc) => limit(() => ingestFile({ fileName: doc.fileName, bytes: doc.bytes }))),
    );
    const end = await bulkImport?.finish();
    if (end && end.outcome !== 'built')
      throw new Error(`the bulk import did not build the index: ${end.outcome}`);
    return ingested;
  });
  const failed = results.filter((r) => r.status !== 'READY');
  if (failed.length) note(`${failed.length} document(s) failed, first: ${failed[0]!.error}`);
  return { ms: wall, chunks: results.reduce((sum, r) => sum + r.chunks, 0), failed: failed.length };
}

/**
 * The steps processDocument runs, in its order and with the same calls, each timed: one document at
 * a time, so the stages add up to the wall time.
 */
async function breakdown(database: BenchDatabase, documents: BenchDocument[]): Promise<Breakdown> {
  await reset(database);
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const stage = async <T>(name: Stage, work: () => Promise<T> | T): Promise<T> => {
    const [value, took] = await timed(work);
    stages[name] += took;
    return value;
  };
  const model = getModels().embedding;
  const prepared: Prepared[] = [];
  const started = performance.now();
  for (const file of documents) {
    const { document } = await stage('submit', () =>
      submitDocument({ fileName: file.fileName, bytes: file.bytes }, { enqueue: false }),
    );
    const id = document.id;
    const doc = await stage('bookkeeping', () => beginAttempt(id, 'bench'));
    const bytes = doc?.bytes;
    if (!doc || !bytes) throw new Error(`document ${id} vanished during the benchmark`);
    const { attempt } = doc;
    const parsed = await stage('parse', () =>
      parseDocument({ bytes, fileName: doc.fileName, declaredType: doc.mimeType }),
    );
    const language = doc.language === 'auto' ? parsed.language : doc.language;
    const title = titleOf(parsed.title, doc.fileName);
    const chunks = await stage('chunk', () => chunkDocument(parsed));
    await stage('bookkeeping', () =>
      recordProgress(id, attempt, {
        status: 'EMBEDDING',
        progressDone: 0,
        progressTotal: chunks.length,
        title,
        language,
      }),
    );
    const { embeddings } = await stage('embed', () =>
      embedForIngestion(
        chunks.map(embeddingText),
        async (done, total) =>
          void (await recordProgress(id, attempt, { progressDone: done, progressTotal: total })),
        model,
      ),
    );
    const injection = await stage('screen', async () => screenPassages(chunks.map((chunk) => chunk.text)));
    const item = {
      id,
      attempt,
      language,
      title,
      chunks: chunks.map((chunk, i) => ({ ...chunk, embedding: embeddings[i]! })),
      injection,
    };
    await stage('insert', () => completeDocument(item));
    prepared.push(item);
  }
  const wallMs = performance.now() - started;
  return { wallMs, chunks: prepared.reduce((sum, p) => sum + p.chunks.length, 0), stages, prepared };
}

/** completeDocument again for every prepared document, into an empty chunks table. */
async function insertAll(database: BenchDatabase, prepared: Prepared[]): Promise<number> {
  await database.client.$executeRawUnsafe('TRUNCATE chunks');
  await database.client.$executeRawUnsafe(`UPDATE documents SET status = 'EMBEDDING'`);
  await database.client.$executeRawUnsafe('CHECKPOINT');
  const [, took] = await timed(async () => {
    for (const item of prepared) await completeDocument(item);
  });
  return took;
}

/**
 * Where the insert time goes: the same passages written by completeDocument with the indexes as
 * migrated, without the HNSW index, and without HNSW and GIN; then both built over the full table.
 * Also the JavaScript side alone: hashing the texts, and formatting the vectors as SQL literals.
 */
async function insertProfile(database: BenchDatabase, prepared: Prepared[]): Promise<InsertProfile> {
  const definitions = await withClient(database.url, async (client) => {
    const { rows } = await client.query<{ indexname: string; indexdef: string }>(
      'SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1)',
      [[HNSW_INDEX, GIN_INDEX]],
    );
    return new Map(rows.map((row) => [row.indexname, row.indexdef]));
  });
  const [hnswDef, ginDef] = [definitions.get(HNSW_INDEX), definitions.get(GIN_INDEX)];
  if (!hnswDef || !ginDef) throw new Error(`the migrations did not create ${HNSW_INDEX} and ${GIN_INDEX}`);

  const full = await insertAll(database, prepared);
  await database.client.$executeRawUnsafe(`DROP INDEX ${HNSW_INDEX}`);
  const noHnsw = await insertAll(database, prepared);
  await database.client.$executeRawUnsafe(`DROP INDEX ${GIN_INDEX}`);
  const noIndexes = await insertAll(database, prepared);
  const [, ginBuild] = await timed(() => database.client.$executeRawUnsafe(ginDef));
  const [, hnswBuild] = await timed(() => database.client.$executeRawUnsafe(hnswDef));

  const chunks = prepared.flatMap((p) => p.chunks);
  const dimensions = getModels().embedding.dimensions;
  const [, hashEmbedOnly] = await timed(() => {
    for (const chunk of chunks) hashEmbed(embeddingText(chunk), dimensions);
  });
  // The AI SDK call embedForIngestion makes, per document as it batches them, without the cache.
  const model = getModels().embedding.model;
  const [, embedManyOnly] = await timed(async () => {
    for (const item of prepared) {
      const values = item.chunks.map(embeddingText);
      for (let start = 0; start < values.length; start += ingestion.embedBatchSize) {
        await embedMany({ model, values: values.slice(start, start + ingestion.embedBatchSize) });
      }
    }
  });
  // The vectors as completeDocument sends them: one binary vector[] per document.
  const [, vectorsBinary] = await timed(() => {
    for (const item of prepared)
      vectorArrayBinary(
        item.chunks.map((chunk) => chunk.embedding),
        16_385,
      );
  });
  return { full, noHnsw, noIndexes, ginBuild, hnswBuild, hashEmbedOnly, embedManyOnly, vectorsBinary };
}

async function measure(database: BenchDatabase, documents: BenchDocument[]): Promise<Result> {
  note(`${database.kind}: ${database.description}`);
  note(`${database.kind}: end to end, one document at a time…`);
  const sequential = await endToEnd(database, documents, 1);
  note(`${database.kind}: end to end, ${jobs.ingestConcurrency} at a time…`);
  const concurrent = await endToEnd(database, documents, jobs.ingestConcurrency);
  note(
    `${database.kind}: bulk import (--bulk), ${jobs.ingestConcurrency} at a time, index built at the end…`,
  );
  const bulk = await endToEnd(database, documents, jobs.ingestConcurrency, true);
  note(`${database.kind}: stage breakdown…`);
  const stages = await breakdown(database, documents);
  note(`${database.kind}: insert profile…`);
  const profile = await insertProfile(database, stages.prepared);
  return { sequential, concurrent, bulk, breakdown: stages, profile, database: database.kind };
}

const perSecond = (count: number, millis: number) => (count / millis) * 1000;
const rate = (count: number, millis: number) => perSecond(count, millis).toFixed(0);

function print(postgres: Result | undefined, embedded: Result | undefined, documents: number): void {
  const results = [postgres, embedded];
  const cell = (r: Result | undefined, pick: (r: Result) => string) => (r ? pick(r) : '–');
  const chunks = (postgres ?? embedded)!.breakdown.chunks;

  const runs: Array<[string, (r: Result) => Run]> = [
    ['one document at a time', (r) => r.sequential],
    [`${jobs.ingestConcurrency} at a time (jobs.ingestConcurrency)`, (r) => r.concurrent],
    [`bulk import (--bulk), ${jobs.ingestConcurrency} at a time, with the index build`, (r) => r.bulk],
  ];
  printTable(
    `ingest-throughput: ingestFile end to end, ${documents} documents → ${chunks} chunks, local embedding`,
    ['run', 'postgres s', 'postgres chunks/s', 'embedded s', 'embedded chunks/s', 'embedded/postgres time'],
    runs.map(([label, pick]) => [
      label,
      ...results.flatMap((r) => [
        cell(r, (x) => (pick(x).ms / 1000).toFixed(1)),
        cell(
          r,
          (x) => rate(pick(x).chunks, pick(x).ms) + (pick(x).failed ? ` (${pick(x).failed} failed)` : ''),
        ),
      ]),
      postgres && embedded ? ratio(pick(embedded).ms, pick(postgres).ms) : '–',
    ]),
  );

  const share = (r: Result, s: Stage) =>
    `${((r.breakdown.stages[s] / r.breakdown.wallMs) * 100).toFixed(0)}%`;
  const perChunk = (r: Result, millis: number) => ((millis / r.breakdown.chunks) * 1000).toFixed(0);
  printTable(
    'where the time goes: the pipeline’s own calls timed, one document at a time',
    ['stage', 'postgres ms', 'µs/chunk', 'share', 'embedded ms', 'µs/chunk', 'share', 'embedded/postgres'],
    [
      ...STAGES.map((s) => [
        STAGE_LABELS[s],
        ...results.flatMap((r) => [
          cell(r, (x) => ms(x.breakdown.stages[s])),
          cell(r, (x) => perChunk(x, x.breakdown.stages[s])),
          cell(r, (x) => share(x, s)),
        ]),
        postgres && embedded ? ratio(embedded.breakdown.stages[s], postgres.breakdown.stages[s]) : '–',
      ]),
      [
        'wall time (chunks/s)',
        ...results.flatMap((r) => [
          cell(r, (x) => ms(x.breakdown.wallMs)),
          cell(r, (x) => perChunk(x, x.breakdown.wallMs)),
          cell(r, (x) => `${rate(x.breakdown.chunks, x.breakdown.wallMs)}/s`),
        ]),
        postgres && embedded ? ratio(embedded.breakdown.wallMs, postgres.breakdown.wallMs) : '–',
      ],
    ],
  );

  const profileRows: Array<[string, (p: InsertProfile) => number]> = [
    ['completeDocument, indexes as migrated', (p) => p.full],
    ['completeDocument, without the HNSW index', (p) => p.noHnsw],
    ['completeDocument, without HNSW and GIN', (p) => p.noIndexes],
    ['then build the GIN index over all rows', (p) => p.ginBuild],
    ['then build the HNSW index over all rows', (p) => p.hnswBuild],
    ['  = rows without indexes + both builds', (p) => p.noIndexes + p.ginBuild + p.hnswBuild],
    ['JS only: hashEmbed of every passage', (p) => p.hashEmbedOnly],
    ['JS only: embedMany batches as embedForIngestion sends them', (p) => p.embedManyOnly],
    ['JS only: vectors to binary vector[] (vectorArrayBinary)', (p) => p.vectorsBinary],
  ];
  printTable(
    `insert profile: the same ${chunks} passages written again, one document at a time`,
    ['measure', 'postgres ms', 'chunks/s', 'embedded ms', 'chunks/s', 'embedded/postgres'],
    profileRows.map(([label, pick]) => [
      label,
      ...results.flatMap((r) => [
        cell(r, (x) => ms(pick(x.profile))),
        cell(r, (x) => rate(x.breakdown.chunks, pick(x.profile))),
      ]),
      postgres && embedded ? ratio(pick(embedded.profile), pick(postgres.profile)) : '–',
    ]),
  );

  if (postgres) {
    const best = Math.max(
      ...[postgres.sequential, postgres.concurrent, postgres.bulk].map((run) =>
        perSecond(run.chunks, run.ms),
      ),
    );
    note(
      `goal ≥ ${GOAL_CHUNKS_PER_SECOND} chunks/s end to end on Postgres: ${best >= GOAL_CHUNKS_PER_SECOND ? 'MET' : 'MISSED'} ` +
        `(best ${best.toFixed(0)} chunks/s)`,
    );
  }
}

export const ingestThroughput: Benchmark = {
  name: 'ingest-throughput',
  summary: `chunks/s through ingestFile into Postgres and embedded PGlite, with a stage breakdown`,
  async run() {
    const embedding = getModels().embedding;
    if (!embedding.local) {
      throw new Error(
        `an embedding provider is configured (${embedding.id}); this benchmark measures the built-in local embedding, so unset OPENAI_API_KEY and OPENAI_BASE_URL`,
      );
    }
    const set = benchDocuments(DOCUMENTS, SECTIONS);
    const bytes = set.documents.reduce((sum, d) => sum + d.bytes.byteLength, 0);
    note(
      `corpus: ${set.documents.length} documents, ${(bytes / 2 ** 20).toFixed(1)} MiB, from ${set.origin}`,
    );
    note(`embedding: ${embedding.id} (${embedding.dimensions} dimensions), in this process`);

    let postgres: Result | undefined;
    const server = await openPostgres();
    if ('unavailable' in server) {
      note(`postgres: SKIPPED, ${server.unavailable}.`);
    } else {
      try {
        postgres = await measure(server, set.documents);
      } finally {
        await server.close();
      }
    }
    note('embedded: starting PGlite + pgvector in a temporary folder…');
    const local = await openEmbedded();
    let embedded: Result;
    try {
      embedded = await measure(local, set.documents);
    } finally {
      await local.close();
    }
    print(postgres, embedded, set.documents.length);
  },
};
