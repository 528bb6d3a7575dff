// `npm run eval:retrieval -- <dataset dir> [--json] [--database-url URL] [--limit N]`: ingests a BEIR
// data set into a scratch database through the real ingestion path and scores each retrieval method.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connectDb, db } from '@/lib/db/client';
import { refreshLexemeFrequencies } from '@/lib/db/lexeme-frequencies';
import { ingestFile } from '@/lib/ingest/pipeline';
import { retrieval } from '@/lib/config';
import { createLocalReranker, getReranker } from '@/lib/rag/rerank';
import { DatasetError, loadBeirDataset, type BeirDocument } from './beir';
import { METHODS, evaluateQueries, type EvaluationResult } from './retrieval-eval';
import { withScratchDatabase } from './scratch-database';

export const USAGE =
  'usage: npm run eval:retrieval -- <dataset dir> [--json] [--database-url postgresql://…] [--limit N]';

const argsSchema = z.object({
  dataset: z.string().min(1, 'a dataset directory is required'),
  json: z.boolean(),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '--database-url must be a postgres:// or postgresql:// URL')
    .optional(),
  limit: z.coerce
    .number({ error: '--limit must be a positive integer' })
    .int('--limit must be a positive integer')
    .positive('--limit must be a positive integer')
    .optional(),
});
export type EvalArgs = z.infer<typeof argsSchema>;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseEvalArgs(argv: string[]): EvalArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'database-url': { type: 'string' },
        limit: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  if (parsed.positionals.length > 1)
    throw new UsageError(`one dataset directory expected, got ${parsed.positionals.length}`);
  const result = argsSchema.safeParse({
    dataset: parsed.positionals[0] ?? '',
    json: parsed.values.json,
    databaseUrl: parsed.values['database-url'],
    limit: parsed.values.limit,
  });
  if (!result.success) throw new UsageError(result.error.issues[0]!.message);
  return result.data;
}

/** A data-set record as the markdown file an uploader would send. */
function asMarkdown(doc: BeirDocument): Uint8Array {
  const body = doc.title ? `# ${doc.title}\n\n${doc.text}\n` : `${doc.text}\n`;
  return new TextEncoder().encode(body);
}

const INGEST_CONCURRENCY = 4;

/** Ingests every record with `ingestFile`; returns stored document id → data-set id. */
async function ingestCorpus(
  corpus: BeirDocument[],
  progress: (line: string) => void,
): Promise<Map<string, string>> {
  const corpusIdOf = new Map<string, string>();
  let next = 0;
  let done = 0;
  let failed = 0;
  const every = Math.max(1, Math.round(corpus.length / 20));
  const worker = async () => {
    while (next < corpus.length) {
      const doc = corpus[next++]!;
      // The id is the file name, so two records with the same text stay two documents.
      const result = await ingestFile({
        fileName: `${doc.id}.md`,
        bytes: asMarkdown(doc),
        source: `beir/${doc.id}`,
      });
      if (result.status === 'READY') corpusIdOf.set(result.documentId, doc.id);
      else failed += 1;
      done += 1;
      if (done % every === 0 || done === corpus.length) {
        progress(`ingesting ${done}/${corpus.length} documents${failed ? ` (${failed} failed)` : ''}`);
      }
    }
  };
  await Promise.all(Array.from({ length: INGEST_CONCURRENCY }, worker));
  return corpusIdOf;
}

export function formatTable(result: EvaluationResult): string {
  const header = `${'method'.padEnd(15)}${'nDCG@10'.padStart(9)}${'R@10'.padStart(9)}${'MRR@10'.padStart(9)}`;
  const rows = METHODS.map((method) => {
    const m = result[method];
    return `${method.padEnd(15)}${[m['ndcg@10'], m['recall@10'], m['mrr@10']].map((x) => x.toFixed(4).padStart(9)).join('')}`;
  });
  return [header, ...rows].join('\n');
}

/** Runs the evaluation; returns the process exit code (2 for bad arguments or an unusable data set). */
export async function runEvalCli(
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  let args: EvalArgs;
  let dataset;
  try {
    args = parseEvalArgs(argv);
    dataset = await loadBeirDataset(args.dataset);
  } catch (error) {
    if (error instanceof UsageError || error instanceof DatasetError) {
      io.err(`eval:retrieval: ${error.message}${error instanceof UsageError ? ` (${USAGE})` : ''}`);
      return 2;
    }
    throw error;
  }
  const queries = Math.min(dataset.queries.length, args.limit ?? Infinity);
  io.err(
    `${dataset.corpus.length} documents, ${queries} test queries; scratch database on ${args.databaseUrl ? 'the given server' : 'embedded PGlite'}`,
  );
  const result = await withScratchDatabase(args.databaseUrl, async (url) => {
    connectDb(url, INGEST_CONCURRENCY + 2);
    try {
      const started = performance.now();
      const corpusIdOf = await ingestCorpus(dataset.corpus, io.err);
      io.err(`ingested in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      // Fresh tables have no planner statistics yet; autovacuum would gather them in a while.
      await db().$executeRawUnsafe('ANALYZE');
      // What the app's job sweep does after the corpus changes: every lexeme counted at once.
      const counted = await refreshLexemeFrequencies({ minIntervalSeconds: 0 });
      io.err(`lexeme frequencies counted: ${counted?.lexemes ?? 0}`);
      // The configured reranker (a provider when RERANK_BASE_URL is set), else the local one.
      const reranker = getReranker() ?? createLocalReranker(retrieval.rerank.localOptions);
      io.err(`reranker: ${reranker.id}`);
      const every = Math.max(1, Math.round(queries / 10));
      return await evaluateQueries({
        dataset,
        corpusIdOf,
        reranker,
        limit: args.limit,
        progress: (done, total) => {
          if (done % every === 0 || done === total) io.err(`querying ${done}/${total}`);
        },
      });
    } finally {
      await db().$disconnect();
    }
  });
  io.out(args.json ? JSON.stringify(result) : formatTable(result));
  return 0;
}
