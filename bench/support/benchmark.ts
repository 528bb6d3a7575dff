// What a benchmark is to the runner, and what benchmarks run together share.
import type { RunningApp } from './app';

export type BenchContext = {
  /** The app started by `dev-start`, handed on to later benchmarks of the same run. */
  app?: RunningApp;
  /** Whether a later benchmark of this run wants the app `dev-start` starts. */
  keepApp: boolean;
};

export type Benchmark = {
  name: string;
  /** One line for the list printed by `npm run bench -- --help`. */
  summary: string;
  run(context: BenchContext): Promise<void>;
};
