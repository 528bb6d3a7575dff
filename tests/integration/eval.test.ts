// [EVAL] The retrieval evaluation CLI on a tiny BEIR data set written here: scratch database, the real
// ingestion path, one row of metrics per method; bad arguments and bad data sets exit with code 2.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runEvalCli } from '../../lib/eval/cli';

const corpus = [
  {
    _id: 'd1',
    title: 'Penguin colonies',
    text: 'Emperor penguins breed in large colonies on the Antarctic sea ice during winter.',
  },
  {
    _id: 'd2',
    title: 'Volcanic soils',
    text: 'Volcanic ash weathers into fertile soils rich in minerals that vineyards favour.',
  },
  {
    _id: 'd3',
    title: 'Tidal energy',
    text: 'Tidal turbines turn the rise and fall of the sea into electricity at predictable times.',
  },
  {
    _id: 'd4',
    title: 'Honey bees',
    text: 'Honey bees communicate the direction of flowers to their hive mates with a waggle dance.',
  },
  {
    _id: 'd5',
    title: 'Glacier retreat',
    text: 'Mountain glaciers retreat as summers warm, and meltwater raises river levels for a while.',
  },
  {
    _id: 'd6',
    title: 'Bee decline',
    text: 'Pesticides and parasites weaken bee colonies, and pollination of crops suffers.',
  },
];
const queries = [
  { _id: 'q1', text: 'How do bees tell each other where flowers are?' },
  { _id: 'q2', text: 'Where do emperor penguins breed?' },
  { _id: 'q3', text: 'electricity from tides' },
  { _id: 'q-unjudged', text: 'not in the qrels, so not evaluated' },
];
// Graded: d4 answers q1 fully (2), d6 is related (1).
const qrels = 'query-id\tcorpus-id\tscore\nq1\td4\t2\nq1\td6\t1\nq2\td1\t1\nq3\td3\t1\n';

let dir: string;

async function writeDataset(
  into: string,
  files: { corpus?: string; queries?: string; qrels?: string | null },
) {
  await mkdir(path.join(into, 'qrels'), { recursive: true });
  await writeFile(
    path.join(into, 'corpus.jsonl'),
    files.corpus ?? corpus.map((d) => JSON.stringify(d)).join('\n'),
  );
  await writeFile(
    path.join(into, 'queries.jsonl'),
    files.queries ?? queries.map((q) => JSON.stringify(q)).join('\n'),
  );
  if (files.qrels !== null) await writeFile(path.join(into, 'qrels', 'test.tsv'), files.qrels ?? qrels);
}

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvalCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The Postgres server of this run (for its scratch database), or none: the CLI's embedded default. */
function serverArgs(): string[] {
  if (inject('database') !== 'postgres') return [];
  const url = new URL(inject('databaseUrl'));
  url.pathname = '/postgres';
  return ['--database-url', url.toString()];
}

describe(`[EVAL] retrieval evaluation CLI on ${inject('database')}`, () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'beir-tiny-'));
    await writeDataset(path.join(dir, 'good'), {});
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ingests the corpus, runs every judged query and prints one row of metrics per method', async () => {
    const result = await run([path.join(dir, 'good'), '--json', ...serverArgs()]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('6 documents, 3 test queries');
    expect(result.err).toMatch(/ingesting 6\/6 documents/);
    // Counted at once, as the app's job sweep would after the corpus changed.
    expect(result.err).toMatch(/lexeme frequencies counted: [1-9]\d*/);
    const metrics = JSON.parse(result.out) as Record<string, Record<string, number>>;
    expect(Object.keys(metrics)).toEqual(['vector', 'fulltext', 'hybrid', 'hybrid+rerank']);
    for (const row of Object.values(metrics)) {
      expect(Object.keys(row)).toEqual(['ndcg@10', 'recall@10', 'mrr@10']);
      for (const value of Object.values(row)) expect(value).toBeGreaterThanOrEqual(0);
      for (const value of Object.values(row)) expect(value).toBeLessThanOrEqual(1);
    }
    // Each judged document shares rare words with its query: full text puts it first every time,
    // and all of them are within the 10 results of every method on a six-document corpus.
    expect(metrics.fulltext!['mrr@10']).toBe(1);
    expect(metrics.hybrid!['mrr@10']).toBe(1);
    for (const row of Object.values(metrics)) expect(row['recall@10']).toBe(1);
    // q1's ideal order is d4 (grade 2) before d6 (grade 1); nDCG is below 1 only if that is missed.
    expect(metrics.hybrid!['ndcg@10']).toBeGreaterThan(0.9);
  });

  it('prints a table and honours --limit', async () => {
    const result = await run([path.join(dir, 'good'), '--limit', '1', ...serverArgs()]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('1 test queries');
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^method\s+nDCG@10\s+R@10\s+MRR@10$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual([
      'vector',
      'fulltext',
      'hybrid',
      'hybrid+rerank',
    ]);
  });

  it('refuses bad arguments and unusable data sets with one line and exit code 2', async () => {
    await writeDataset(path.join(dir, 'no-qrels'), { qrels: null });
    await writeDataset(path.join(dir, 'bad-json'), { corpus: '{"_id": "d1", "text": "ok"}\n{not json' });
    await writeDataset(path.join(dir, 'bad-header'), { qrels: 'q1\td4\t2\n' });
    await writeDataset(path.join(dir, 'unknown-query'), { qrels: 'query-id\tcorpus-id\tscore\nq9\td1\t1\n' });
    const cases: Array<[string[], RegExp]> = [
      [[], /a dataset directory is required/],
      [[path.join(dir, 'good'), '--limit', '0'], /--limit must be a positive integer/],
      [[path.join(dir, 'good'), '--limit', 'many'], /--limit must be a positive integer/],
      [[path.join(dir, 'good'), '--database-url', 'mysql://x'], /--database-url must be a postgres/],
      [[path.join(dir, 'good'), '--colour'], /Unknown option '--colour'/],
      [[path.join(dir, 'missing')], /corpus\.jsonl is missing/],
      [[path.join(dir, 'no-qrels')], /test\.tsv is missing/],
      [[path.join(dir, 'bad-json')], /corpus\.jsonl:2 is not valid JSON/],
      [[path.join(dir, 'bad-header')], /must start with the header "query-id corpus-id score"/],
      [[path.join(dir, 'unknown-query')], /judges query q9, which .*queries\.jsonl lacks/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err.split('\n')[0]).toMatch(message);
      expect(result.out).toBe('');
    }
  });
});
