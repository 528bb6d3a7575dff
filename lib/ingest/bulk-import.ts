// A bulk import: the passage HNSW index is dropped while it loads and built once when it ends.
// Inserting a passage into the graph costs the server several times what building the graph over
// every passage at once costs a passage, so for a first load, or an import large next to the
// corpus, this is the faster way; meanwhile vector search is exact and slower (a scan of every
// passage), and nothing else changes. Several imports may overlap: the last one to end builds the
// index. One that dies leaves it dropped, and the job sweep builds it once no import is alive
// (lib/ingest/passage-index-job.ts).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { ingestion } from '@/lib/config';
import {
  buildPassageIndex,
  endBulkImport,
  heartbeatBulkImport,
  suspendPassageIndex,
  type IndexBuild,
} from '@/lib/db/passage-index';
import { log } from '@/lib/observability/logger';

/** How a bulk import ended for the index. */
export type BulkImportEnd =
  | ({ outcome: 'built' } & IndexBuild)
  /** Other imports are still loading: the last of them builds the index. */
  | { outcome: 'others-loading'; loading: number }
  /** Someone else built it meanwhile, or is building it (the job sweep, after a silence). */
  | { outcome: 'in-hand' };

export type BulkImport = {
  id: string;
  /** Ends the import and builds the index unless another import is still loading. Safe to call twice. */
  finish(): Promise<BulkImportEnd>;
};

/** Starts a bulk import: the index is dropped when this returns. */
export async function beginBulkImport(): Promise<BulkImport> {
  const id = randomUUID();
  await suspendPassageIndex(id);
  const timer = setInterval(() => {
    heartbeatBulkImport(id).catch((error: unknown) =>
      log().warn({ err: error, bulkImport: id }, 'bulk import heartbeat failed'),
    );
  }, ingestion.bulkImportHeartbeatSeconds * 1000);
  timer.unref();
  let finished: Promise<BulkImportEnd> | null = null;
  return {
    id,
    finish() {
      finished ??= (async (): Promise<BulkImportEnd> => {
        clearInterval(timer);
        const loading = await endBulkImport(id);
        if (loading > 0) return { outcome: 'others-loading', loading };
        const built = await buildPassageIndex();
        return built ? { outcome: 'built', ...built } : { outcome: 'in-hand' };
      })();
      return finished;
    },
  };
}
