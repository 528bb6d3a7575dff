// Reciprocal rank fusion: merges ranked lists by summing 1 / (k + rank); robust to score scales.
export function reciprocalRankFusion<T extends { id: string }>(
  lists: T[][],
  k: number,
): Array<T & { fusedScore: number }> {
  const fused = new Map<string, { item: T; score: number }>();
  for (const list of lists) {
    list.forEach((item, index) => {
      const entry = fused.get(item.id) ?? { item, score: 0 };
      entry.score += 1 / (k + index + 1);
      fused.set(item.id, entry);
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score)
    .map(({ item, score }) => ({ ...item, fusedScore: score }));
}
