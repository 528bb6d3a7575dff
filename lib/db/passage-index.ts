// The passage HNSW index during bulk imports: dropped while one loads (each passage then costs the
// server its row alone, not its place in the graph), built once when the last import ends, and
// built again by the job sweep if an import died before it could (lib/ingest/bulk-import.ts).
// Meanwhile vector search is exact: nearest_chunks orders by the distance itself when the index is
// absent (migration 20261201010000), a scan of every passage.
import 'server-only';
import { ingestion } from '@/lib/config';
import { db, poolOf } from './client';
import { storedEmbeddingDimension } from './embeddings';
import { EMBEDDED_DATABASE_SQL } from './sql';

export const PASSAGE_INDEX = 'chunks_embedding_hnsw_idx';

/** The system_state row of the bulk imports running: `{ "<import id>": "<last heartbeat>" }`. */
export const BULK_IMPORTS_KEY = 'bulk_imports';

/** One builder at a time, across instances and the ingest CLI. */
const BUILD_LOCK = 0x686e7377; // "hnsw"

/**
 * `ready`; `missing`; `building` (a concurrent build under way); `invalid` (a concurrent build that
 * failed or was killed leaves the index in the catalogue, unused by searches and still maintained).
 */
export type PassageIndexStatus = 'ready' | 'missing' | 'building' | 'invalid';

export async function passageIndexStatus(): Promise<PassageIndexStatus> {
  const [row] = await db().$queryRaw<{ valid: boolean | null; building: boolean }[]>`
    SELECT (SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(${PASSAGE_INDEX})) AS valid,
           EXISTS (SELECT 1 FROM pg_stat_progress_create_index p
                   WHERE p.index_relid = to_regclass(${PASSAGE_INDEX})) AS building`;
  if (row?.valid == null) return 'missing';
  if (row.valid) return 'ready';
  return row.building ? 'building' : 'invalid';
}

/**
 * Registers import `id` and drops the index, in one transaction: from its commit every passage
 * written goes in without the graph. Another import already running has dropped it; this one joins.
 */
export async function suspendPassageIndex(id: string): Promise<void> {
  await db().$transaction([
    db().$executeRaw`
      INSERT INTO system_state (key, value, reason, updated_at)
      VALUES (${BULK_IMPORTS_KEY}, jsonb_build_object(${id}::text, now()), 'bulk import started', now())
      ON CONFLICT (key) DO UPDATE
        SET value = system_state.value || EXCLUDED.value, reason = EXCLUDED.reason, updated_at = now()`,
    db().$executeRawUnsafe(`DROP INDEX IF EXISTS ${PASSAGE_INDEX}`),
  ]);
}

/** Import `id` is still loading. */
export async function heartbeatBulkImport(id: string): Promise<void> {
  await db().$executeRaw`
    UPDATE system_state SET value = jsonb_set(value, ARRAY[${id}::text], to_jsonb(now())), updated_at = now()
    WHERE key = ${BULK_IMPORTS_KEY} AND value ? ${id}`;
}

/** Imports whose last heartbeat is younger than `ingestion.bulkImportStaleSeconds`. */
export async function liveBulkImports(): Promise<number> {
  const [row] = await db().$queryRaw<{ live: number }[]>`
    SELECT count(*)::int AS live
    FROM system_state s, jsonb_each_text(s.value) e
    WHERE s.key = ${BULK_IMPORTS_KEY}
      AND e.value::timestamptz > now() - make_interval(secs => ${ingestion.bulkImportStaleSeconds}::float8)`;
  return Number(row?.live ?? 0);
}

/** Forgets imports silent for longer than `ingestion.bulkImportStaleSeconds` (their process died). */
export async function forgetStaleBulkImports(): Promise<void> {
  await db().$executeRaw`
    UPDATE system_state s
    SET value = coalesce((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each_text(s.value) e
                          WHERE e.value::timestamptz
                                > now() - make_interval(secs => ${ingestion.bulkImportStaleSeconds}::float8)), '{}'),
        updated_at = now()
    WHERE s.key = ${BULK_IMPORTS_KEY}`;
}

/** Import `id` has ended (loaded or given up); returns how many others are still loading. */
export async function endBulkImport(id: string): Promise<number> {
  await db().$executeRaw`
    UPDATE system_state SET value = value - ${id}::text, updated_at = now() WHERE key = ${BULK_IMPORTS_KEY}`;
  return liveBulkImports();
}

export type IndexBuild = { passages: number; ms: number };

/**
 * Builds the passage index if it is missing or was left invalid, unless another instance is
 * building it: concurrently on a server (searches and writes go on), with
 * `ingestion.indexBuildMemoryMb` of working memory so the graph is built in memory, and on a server
 * with parallel workers from `ingestion.indexBuildParallelFromPassages` passages. Returns what was
 * built, or null when there was nothing to do.
 */
export async function buildPassageIndex(): Promise<IndexBuild | null> {
  const { pool } = poolOf(db());
  const client = await pool.connect();
  let locked = false;
  try {
    const { rows: lock } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1::bigint) AS locked',
      [BUILD_LOCK],
    );
    locked = lock[0]?.locked === true;
    if (!locked) return null;
    const status = await passageIndexStatus();
    if (status === 'ready' || status === 'building') return null;
    if (status === 'invalid') await client.query(`DROP INDEX IF EXISTS ${PASSAGE_INDEX}`);
    const dimensions = await storedEmbeddingDimension();
    const { rows } = await client.query<{ sql: string; passages: string; embedded: boolean }>(
      `SELECT chunks_hnsw_index_sql($1::int, true) AS sql, (SELECT count(*) FROM chunks) AS passages,
              ${EMBEDDED_DATABASE_SQL} AS embedded`,
      [dimensions],
    );
    const { sql, embedded } = rows[0]!;
    const passages = Number(rows[0]!.passages);
    // The embedded database is one process, with no workers to start.
    const parallel = !embedded && passages >= ingestion.indexBuildParallelFromPassages;
    const started = performance.now();
    await client.query(`SET maintenance_work_mem = '${Math.trunc(ingestion.indexBuildMemoryMb)}MB'`);
    if (parallel) await client.query('SET min_parallel_table_scan_size = 0');
    try {
      await client.query(sql);
    } finally {
      await client.query('RESET maintenance_work_mem');
      if (parallel) await client.query('RESET min_parallel_table_scan_size');
    }
    return { passages, ms: Math.round(performance.now() - started) };
  } finally {
    if (locked) await client.query('SELECT pg_advisory_unlock($1::bigint)', [BUILD_LOCK]).catch(() => {});
    client.release();
  }
}
