// Loads a large synthetic knowledge base into the real schema fast: READY documents and their chunks
// (Zipf text, local-embedding vectors) inserted with the HNSW and GIN indexes dropped, then both
// indexes built over the full table exactly as the migrations define them.
import pg from 'pg';
import { toSql } from 'pgvector';
import { hashEmbed } from '@/lib/ai/local/hash-embedding';
import { timed, withClient } from './databases';
import { zipfText, type ZipfText } from './zipf-text';

const HNSW_INDEX = 'chunks_embedding_hnsw_idx';
const GIN_INDEX = 'chunks_tsv_gin_idx';
const BATCH_ROWS = 1_000;

export type LoadedCorpus = {
  chunks: number;
  documents: number;
  /** Questions about topics the loaded documents cover. */
  questions: string[];
  timings: { generateAndInsertMs: number; ginBuildMs: number; hnswBuildMs: number };
  sizeBytes: number;
};

// Each load gets its own corpus version, so retrieval's per-version cache of corpus statistics
// (kept in this process) never carries over from one database to the next.
let nextVersion = Math.floor(Date.now() / 1000) % 1_000_000_000;

type Batch = {
  ids: string[];
  docs: string[];
  ordinals: number[];
  texts: string[];
  headings: string[];
  tokens: number[];
  vectors: string[];
};

function makeBatch(text: ZipfText, from: number, to: number, perDocument: number, dimensions: number): Batch {
  const batch: Batch = { ids: [], docs: [], ordinals: [], texts: [], headings: [], tokens: [], vectors: [] };
  for (let i = from; i < to; i++) {
    const doc = Math.floor(i / perDocument);
    const topic = doc % text.topics;
    const words = 120 + Math.floor(text.random() * 80);
    const passage = text.passage(topic, words);
    const heading = text.heading(topic);
    batch.ids.push(`bench-chunk-${i}`);
    batch.docs.push(`bench-doc-${doc}`);
    batch.ordinals.push(i % perDocument);
    batch.texts.push(passage);
    batch.headings.push(heading);
    batch.tokens.push(Math.round(words * 1.3));
    // What ingestion embeds: heading path, then text (lib/rag/embedding-sync.ts embeddingText).
    batch.vectors.push(toSql(hashEmbed(`${heading}\n${passage}`, dimensions))!);
  }
  return batch;
}

function insertBatch(client: pg.Client, batch: Batch): Promise<unknown> {
  return client.query(
    `INSERT INTO chunks (id, document_id, ordinal, text, heading_path, token_count, language, embedding)
     SELECT id, doc, o, t, h, n, 'english'::regconfig, e::vector
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[])
       AS u(id, doc, o, t, h, n, e)`,
    [batch.ids, batch.docs, batch.ordinals, batch.texts, batch.headings, batch.tokens, batch.vectors],
  );
}

/**
 * `chunks` passages in documents of `perDocument`, all SHARED, READY and English. The text source is
 * seeded, so a smaller load is the first part of a larger one.
 */
export async function loadKnowledgeBase(
  url: string,
  options: {
    chunks: number;
    perDocument: number;
    dimensions: number;
    questions: number;
    maintenanceWorkMem: string;
  },
): Promise<LoadedCorpus> {
  const documents = Math.ceil(options.chunks / options.perDocument);
  const text = zipfText({ seed: 11 });
  const asker = zipfText({ seed: 11 });
  const questions = Array.from({ length: options.questions }, () =>
    asker.question(Math.floor(asker.random() * Math.min(documents, asker.topics))),
  );

  return withClient(url, async (client) => {
    const { rows: definitions } = await client.query<{ indexname: string; indexdef: string }>(
      'SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1)',
      [[HNSW_INDEX, GIN_INDEX]],
    );
    const hnsw = definitions.find((d) => d.indexname === HNSW_INDEX)?.indexdef;
    const gin = definitions.find((d) => d.indexname === GIN_INDEX)?.indexdef;
    if (!hnsw || !gin) throw new Error(`the migrations did not create ${HNSW_INDEX} and ${GIN_INDEX}`);

    const [, generateAndInsertMs] = await timed(async () => {
      await client.query(
        `INSERT INTO documents (id, title, source, file_name, format, content_hash, status, chunk_count,
                                language, visibility, size_bytes, updated_at, ready_at)
         SELECT 'bench-doc-' || d, 'Benchmark document ' || d, 'bench-' || d || '.md', 'bench-' || d || '.md',
                'markdown', md5(d::text), 'READY', $2, 'english', 'SHARED', 0, now(), now()
         FROM generate_series(0, $1 - 1) AS d`,
        [documents, options.perDocument],
      );
      await client.query(`DROP INDEX ${HNSW_INDEX}`);
      await client.query(`DROP INDEX ${GIN_INDEX}`);
      // The next batch is generated and embedded here while the server inserts the previous one.
      let inFlight: Promise<unknown> = Promise.resolve();
      for (let from = 0; from < options.chunks; from += BATCH_ROWS) {
        const to = Math.min(from + BATCH_ROWS, options.chunks);
        const batch = makeBatch(text, from, to, options.perDocument, options.dimensions);
        await inFlight;
        inFlight = insertBatch(client, batch);
      }
      await inFlight;
    });
    await client.query(`SET maintenance_work_mem = '${options.maintenanceWorkMem}'`);
    const [, ginBuildMs] = await timed(() => client.query(gin));
    const [, hnswBuildMs] = await timed(() => client.query(hnsw));
    await client.query('ANALYZE documents');
    await client.query('ANALYZE chunks');
    await client.query(
      `INSERT INTO system_state (key, value, reason, updated_at)
       VALUES ('corpus_version', jsonb_build_object('version', $1::int), 'benchmark load', now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, reason = EXCLUDED.reason, updated_at = now()`,
      [nextVersion++],
    );
    const { rows: size } = await client.query<{ bytes: string }>(
      `SELECT pg_total_relation_size('chunks') AS bytes`,
    );
    return {
      chunks: options.chunks,
      documents,
      questions,
      timings: { generateAndInsertMs, ginBuildMs, hnswBuildMs },
      sizeBytes: Number(size[0]!.bytes),
    };
  });
}
