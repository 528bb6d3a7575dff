// Reads a retrieval data set in the BEIR layout: corpus.jsonl, queries.jsonl and qrels/test.tsv.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Judgments } from './metrics';

export type BeirDocument = { id: string; title: string; text: string };
export type BeirDataset = {
  corpus: BeirDocument[];
  /** Test queries that have judgments, in file order. */
  queries: Array<{ id: string; text: string }>;
  qrels: Map<string, Judgments>;
};

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

const id = z.union([z.string().min(1), z.number()]).transform(String);
const corpusLine = z.object({ _id: id, title: z.string().default(''), text: z.string() });
const queryLine = z.object({ _id: id, text: z.string().min(1) });
const qrelRow = z.tuple([z.string().min(1), z.string().min(1), z.coerce.number().int().min(0)]);

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(code === 'ENOENT' ? `${file} is missing` : `cannot read ${file}: ${code}`);
  }
}

function jsonLines<T>(text: string, file: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DatasetError(`${file}:${index + 1} is not valid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DatasetError(`${file}:${index + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
    }
    out.push(parsed.data);
  });
  return out;
}

/** Loads the test split of a BEIR data set; throws DatasetError with a one-line reason when it is unusable. */
export async function loadBeirDataset(dir: string): Promise<BeirDataset> {
  const corpusFile = path.join(dir, 'corpus.jsonl');
  const queriesFile = path.join(dir, 'queries.jsonl');
  const qrelsFile = path.join(dir, 'qrels', 'test.tsv');
  // One after another, so a data set missing several files always names the first one.
  const corpusText = await readText(corpusFile);
  const queriesText = await readText(queriesFile);
  const qrelsText = await readText(qrelsFile);

  const corpus = jsonLines(corpusText, corpusFile, corpusLine).map((d) => ({
    id: d._id,
    title: d.title,
    text: d.text,
  }));
  if (corpus.length === 0) throw new DatasetError(`${corpusFile} has no documents`);
  const allQueries = new Map(jsonLines(queriesText, queriesFile, queryLine).map((q) => [q._id, q.text]));

  const lines = qrelsText.split('\n').filter((line) => line.trim() !== '');
  const header = lines
    .shift()
    ?.trim()
    .split(/\t|\s+/);
  if (header?.[0] !== 'query-id' || header[1] !== 'corpus-id') {
    throw new DatasetError(`${qrelsFile} must start with the header "query-id corpus-id score"`);
  }
  const qrels = new Map<string, Judgments>();
  lines.forEach((line, index) => {
    const parsed = qrelRow.safeParse(line.trim().split(/\t|\s+/));
    if (!parsed.success) {
      throw new DatasetError(
        `${qrelsFile}:${index + 2}: expected "query-id corpus-id score" with an integer score`,
      );
    }
    const [queryId, docId, grade] = parsed.data;
    const judgments = qrels.get(queryId) ?? new Map<string, number>();
    judgments.set(docId, grade);
    qrels.set(queryId, judgments);
  });
  const queries = [...qrels.keys()].map((queryId) => {
    const text = allQueries.get(queryId);
    if (text === undefined)
      throw new DatasetError(`${qrelsFile} judges query ${queryId}, which ${queriesFile} lacks`);
    return { id: queryId, text };
  });
  if (queries.length === 0) throw new DatasetError(`${qrelsFile} has no judgments`);
  return { corpus, queries, qrels };
}
