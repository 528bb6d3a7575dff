// The reranking stage's one interface: a provider's cross-encoder or the built-in local scorer.

export type RerankCandidate = { title: string; headingPath: string; text: string };

/** One candidate's new position: its index in the input and its relevance (higher is better). */
export type RerankResult = { index: number; score: number };

export interface Reranker {
  /** What reranked, for logs and the admin explanation: "local-proximity", "cohere:rerank-v3.5". */
  readonly id: string;
  /** The best `topN` candidates for `query`, best first. Throws on failure; the caller falls back. */
  rerank(input: {
    query: string;
    candidates: RerankCandidate[];
    topN: number;
    signal?: AbortSignal;
  }): Promise<RerankResult[]>;
}

/** The text a reranker reads for a candidate: where it sits, then what it says. */
export function candidateText(candidate: RerankCandidate): string {
  const where = [candidate.title, candidate.headingPath].filter(Boolean).join(' › ');
  return where ? `${where}\n${candidate.text}` : candidate.text;
}
