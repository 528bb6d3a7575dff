// Runs a BEIR data set's test queries through each retrieval method and scores them: vector only,
// full-text only, hybrid (the app's pipeline without a reranker) and hybrid with the reranker.
import { explainRetrieval, type Hit, type Passage } from '@/lib/rag/retrieve';
import type { Reranker } from '@/lib/rag/rerank';
import type { BeirDataset } from './beir';
import { meanMetrics, type MetricSet } from './metrics';

export const METHODS = ['vector', 'fulltext', 'hybrid', 'hybrid+rerank'] as const;
export type Method = (typeof METHODS)[number];
export type EvaluationResult = Record<Method, MetricSet>;

const CUTOFF = 10;
// Passages asked of the pipeline per query: a document may fill several, and 10 documents are scored.
const PASSAGES_PER_QUERY = 30;

/** Data-set document ids in rank order, each once (a document ranks where its best passage does). */
function documentRanking(hits: Array<Hit | Passage>, corpusIdOf: Map<string, string>): string[] {
  const seen = new Set<string>();
  for (const hit of hits) {
    const id = corpusIdOf.get(hit.documentId);
    if (id !== undefined) seen.add(id);
    if (seen.size === CUTOFF) break;
  }
  return [...seen];
}

/**
 * Scores every test query of `dataset` (the first `limit` when given) on the current database,
 * where `corpusIdOf` maps stored document ids to the data set's ids. `reranker` is the one the
 * "hybrid+rerank" row uses.
 */
export async function evaluateQueries(input: {
  dataset: BeirDataset;
  corpusIdOf: Map<string, string>;
  reranker: Reranker;
  limit?: number;
  progress?: (done: number, total: number) => void;
}): Promise<EvaluationResult> {
  const queries = input.dataset.queries.slice(0, input.limit ?? undefined);
  const runs = Object.fromEntries(METHODS.map((m) => [m, new Map<string, string[]>()])) as Record<
    Method,
    Map<string, string[]>
  >;
  let done = 0;
  for (const query of queries) {
    const request = { question: query.text, viewer: { userId: null }, topK: PASSAGES_PER_QUERY };
    const plain = await explainRetrieval(request, { reranker: null });
    const reranked = await explainRetrieval(request, { reranker: input.reranker });
    runs.vector.set(query.id, documentRanking(plain.vector, input.corpusIdOf));
    runs.fulltext.set(query.id, documentRanking(plain.text, input.corpusIdOf));
    runs.hybrid.set(query.id, documentRanking(plain.passages, input.corpusIdOf));
    runs['hybrid+rerank'].set(query.id, documentRanking(reranked.passages, input.corpusIdOf));
    input.progress?.(++done, queries.length);
  }
  const qrels = new Map(queries.map((q) => [q.id, input.dataset.qrels.get(q.id)!]));
  return Object.fromEntries(METHODS.map((m) => [m, meanMetrics(runs[m], qrels)])) as EvaluationResult;
}
