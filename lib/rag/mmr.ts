// Maximal marginal relevance (Carbonell & Goldstein 1998): picks passages that are relevant and not
// redundant with those already picked, so the sources cover more than one angle of a question.

/** Cosine similarity of two vectors (0 when either is zero). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Orders `ranked` (best first, each with a relevance score) by MMR and returns the first `k`:
 * each step takes the candidate maximising λ·relevance − (1−λ)·(its highest similarity to a
 * passage already taken). Relevance is rescaled to [0, 1] by the list's range, so λ means the same
 * whatever scale the scores come in. λ = 1 keeps the relevance order unchanged.
 */
export function maximalMarginalRelevance<T extends { embedding: ArrayLike<number> }>(
  ranked: Array<{ item: T; relevance: number }>,
  k: number,
  lambda: number,
): T[] {
  if (lambda >= 1 || ranked.length <= 1) return ranked.slice(0, k).map((r) => r.item);
  const max = Math.max(...ranked.map((r) => r.relevance));
  const min = Math.min(...ranked.map((r) => r.relevance));
  const span = max - min || 1;
  const pool = ranked.map((r) => ({ item: r.item, relevance: (r.relevance - min) / span, redundancy: 0 }));
  const picked: T[] = [];
  while (picked.length < k && pool.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    pool.forEach((candidate, index) => {
      const score = lambda * candidate.relevance - (1 - lambda) * candidate.redundancy;
      if (score > bestScore) {
        bestScore = score;
        best = index;
      }
    });
    const [chosen] = pool.splice(best, 1);
    picked.push(chosen!.item);
    for (const candidate of pool) {
      candidate.redundancy = Math.max(
        candidate.redundancy,
        cosine(candidate.item.embedding, chosen!.item.embedding),
      );
    }
  }
  return picked;
}
