// Builds the passage HNSW index on each instance's job sweep when it is missing (or left invalid by a
// build that died) and no bulk import is loading: an import killed before it could build the index
// leaves it dropped, and searches exact and slow, only until the next sweep after its heartbeat stops.
import 'server-only';
import {
  buildPassageIndex,
  forgetStaleBulkImports,
  liveBulkImports,
  passageIndexStatus,
} from '@/lib/db/passage-index';
import { defineJob } from '@/lib/jobs/queue';
import { log } from '@/lib/observability/logger';

export async function restorePassageIndex(): Promise<void> {
  const status = await passageIndexStatus();
  if (status === 'ready' || status === 'building') return;
  if ((await liveBulkImports()) > 0) return;
  await forgetStaleBulkImports();
  log().warn({ status }, 'the passage index is not in place and no bulk import is running: building it');
  const built = await buildPassageIndex();
  if (built) log().info(built, 'passage index built');
}

export const restorePassageIndexJob = defineJob<Record<string, never>>({
  name: 'restore-passage-index',
  concurrency: 1,
  run: restorePassageIndex,
  sweep: restorePassageIndex,
});
