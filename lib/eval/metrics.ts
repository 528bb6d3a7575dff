// Ranking metrics of information retrieval at a cut-off k, as BEIR and trec_eval compute them.

/** Graded relevance of documents for one query: id → grade (0 = not relevant). */
export type Judgments = Map<string, number>;

/**
 * Normalised discounted cumulative gain: Σ gain / log2(rank + 1) over the first k results, divided
 * by the same sum for the ideal order of the judged documents. Gain is the grade itself (linear, as
 * trec_eval's ndcg_cut and BEIR use it). 0 when nothing is relevant.
 */
export function ndcgAtK(ranked: string[], judgments: Judgments, k: number): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (judgments.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...judgments.values()]
    .filter((grade) => grade > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant documents (grade > 0) found in the first k results. */
export function recallAtK(ranked: string[], judgments: Judgments, k: number): number {
  const relevant = [...judgments.values()].filter((grade) => grade > 0).length;
  if (relevant === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => (judgments.get(id) ?? 0) > 0).length;
  return found / relevant;
}

/** Reciprocal rank of the first relevant result within the first k (0 when there is none). */
export function mrrAtK(ranked: string[], judgments: Judgments, k: number): number {
  const index = ranked.slice(0, k).findIndex((id) => (judgments.get(id) ?? 0) > 0);
  return index === -1 ? 0 : 1 / (index + 1);
}

export type MetricSet = { 'ndcg@10': number; 'recall@10': number; 'mrr@10': number };

/** Mean of the three metrics at 10 over queries; `runs` maps a query to its ranked document ids. */
export function meanMetrics(runs: Map<string, string[]>, qrels: Map<string, Judgments>): MetricSet {
  let ndcg = 0;
  let recall = 0;
  let mrr = 0;
  for (const [query, judgments] of qrels) {
    const ranked = runs.get(query) ?? [];
    ndcg += ndcgAtK(ranked, judgments, 10);
    recall += recallAtK(ranked, judgments, 10);
    mrr += mrrAtK(ranked, judgments, 10);
  }
  const n = Math.max(qrels.size, 1);
  return { 'ndcg@10': ndcg / n, 'recall@10': recall / n, 'mrr@10': mrr / n };
}
