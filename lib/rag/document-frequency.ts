// Which lexemes' document frequencies the planner's statistics can stand in for.

/**
 * Splits `lexemes` into those the statistics put in more than `countAbove` of `passages` (their
 * estimated frequency: share × passages) and those to count exactly. Such a lexeme is commoner than
 * any term the full-text candidates are selected by, and its idf barely moves with a sampled share;
 * counting it exactly reads every passage holding it (about 100 ms for 47,000 of 100,000).
 */
export function estimatedFrequencies(
  lexemes: string[],
  shares: Map<string, number>,
  passages: number,
  countAbove: number,
): { estimated: Map<string, number>; toCount: string[] } {
  const estimated = new Map<string, number>();
  const toCount: string[] = [];
  for (const lexeme of lexemes) {
    const estimate = Math.round((shares.get(lexeme) ?? 0) * passages);
    if (estimate > countAbove) estimated.set(lexeme, estimate);
    else toCount.push(lexeme);
  }
  return { estimated, toCount };
}
