// Entry of `npm run bench`: runs every benchmark, or those named (`npm run bench -- vector-query`).
import { apiQuery } from './api-query';
import { biasScreen } from './bias-screen';
import { cacheQuality } from './cache-quality';
import { chatLatency } from './chat-latency';
import { devStart } from './dev-start';
import { generationFaults } from './generation-faults';
import { hybridQuery } from './hybrid-query';
import { ingestThroughput } from './ingest-throughput';
import { overview } from './overview';
import { pipelineOverhead } from './pipeline-overhead';
import { queryExplorer } from './query-explorer';
import type { BenchContext, Benchmark } from './support/benchmark';
import { stopAllApps } from './support/app';
import { machineLines, ms } from './support/report';
import { vectorQuery } from './vector-query';

const benchmarks: Benchmark[] = [
  vectorQuery,
  ingestThroughput,
  hybridQuery,
  devStart,
  chatLatency,
  apiQuery,
  pipelineOverhead,
  generationFaults,
  cacheQuality,
  queryExplorer,
  biasScreen,
  overview,
];

function usage(): string {
  return [
    'usage: npm run bench [-- <name>...]',
    '',
    ...benchmarks.map((benchmark) => `  ${benchmark.name.padEnd(18)} ${benchmark.summary}`),
  ].join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage());
    return 0;
  }
  const unknown = args.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length) {
    console.error(`unknown benchmark: ${unknown.join(', ')}\n\n${usage()}`);
    return 2;
  }
  // Always in the listed order, so dev-start can hand its app on to chat-latency.
  const selected = args.length ? benchmarks.filter((benchmark) => args.includes(benchmark.name)) : benchmarks;

  console.log('RAG service benchmarks');
  for (const line of machineLines()) console.log(`  ${line}`);

  const context: BenchContext = { keepApp: selected.includes(chatLatency) };
  const failed: string[] = [];
  try {
    for (const benchmark of selected) {
      console.log(`\n=== ${benchmark.name}: ${benchmark.summary}`);
      const started = performance.now();
      try {
        await benchmark.run(context);
        console.log(`\n(${benchmark.name} took ${ms((performance.now() - started) / 1000)} s)`);
      } catch (error) {
        failed.push(benchmark.name);
        console.error(
          `\n✖ ${benchmark.name} FAILED: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  } finally {
    if (context.app) {
      const stopped = await context.app.stop();
      console.log(`\nstopped the app with SIGTERM in ${ms(stopped.stopMs)} ms`);
    }
    await stopAllApps();
  }
  if (failed.length) console.error(`\n${failed.length} benchmark(s) failed: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

// Ctrl-C or a kill: stop the app this run started before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping…`);
    void stopAllApps().finally(() => process.exit(130));
  });
}

// Exits explicitly: a database driver or timer left open must not keep a finished run alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
