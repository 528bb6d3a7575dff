// Reciprocal rank fusion: merges ranked lists by summing weight / (k + rank); robust to score scales.

export type FusionList<T> = { items: T[]; weight: number };

/**
 * Fuses ranked lists (best first) into one, by Σ weight / (k + rank) over the lists an item is in
 * (Cormack et al. 2009, with a weight per list). A larger k flattens the difference between ranks;
 * a weight says how much one method's ranking is trusted relative to the others'.
 */
export function reciprocalRankFusion<T extends { id: string }>(
  lists: Array<FusionList<T>>,
  k: number,
): Array<T & { fusedScore: number }> {
  const fused = new Map<string, { item: T; score: number; order: number }>();
  for (const { items, weight } of lists) {
    items.forEach((item, index) => {
      const entry = fused.get(item.id) ?? { item, score: 0, order: fused.size };
      entry.score += weight / (k + index + 1);
      fused.set(item.id, entry);
    });
  }
  // Ties keep first-seen order, so the result is deterministic.
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ item, score }) => ({ ...item, fusedScore: score }));
}
