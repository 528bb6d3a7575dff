// Labels and numbers for the retrieval explanation: where a chunk comes from, and each stage's score.

type Located = { source: string; title: string; page: number | null; headingPath: string };

/** "handbook.pdf › p. 2 › Refunds › Card payments": file, page (for paged formats), heading path. */
export function chunkLabel(chunk: Located): string {
  return [chunk.source || chunk.title, chunk.page ? `p. ${chunk.page}` : '', chunk.headingPath]
    .filter(Boolean)
    .join(' › ');
}

export type Stage = 'vector' | 'text' | 'fused' | 'rerank';

/**
 * Scores live on different scales: cosine similarity and reranker scores around 0–1, BM25 open-ended,
 * reciprocal-rank fusion tiny (1/(60+rank)), so each gets the digits that tell its values apart.
 */
export function formatScore(stage: Stage, score: number): string {
  const digits = stage === 'fused' ? 4 : stage === 'text' ? 2 : 3;
  return score.toFixed(digits);
}
