// Entry of a document preparation thread (lib/ingest/prepare-pool.ts). In the built app the bundler
// compiles it with what it imports. Run from the TypeScript sources (the CLI, tests and benchmarks
// under tsx or Vitest), a worker thread starts without the process's TypeScript loader, so the pool
// asks it to register tsx first.
import { workerData } from 'node:worker_threads';

const loader = workerData?.fromSources
  ? import('tsx/esm/api').then(({ register }) => register())
  : Promise.resolve();
loader.then(() => import('./prepare-thread.ts'));
