import { describe, expect, it } from 'vitest';
import { cosine, maximalMarginalRelevance } from './mmr';

const item = (id: string, embedding: number[]) => ({ id, embedding });

describe('maximal marginal relevance', () => {
  // a and a2 say the same thing; b is a little less relevant but different.
  const ranked = [
    { item: item('a', [1, 0]), relevance: 1 },
    { item: item('a2', [0.99, 0.14]), relevance: 0.95 },
    { item: item('b', [0, 1]), relevance: 0.9 },
  ];

  it('keeps the relevance order at lambda 1', () => {
    expect(maximalMarginalRelevance(ranked, 3, 1).map((x) => x.id)).toEqual(['a', 'a2', 'b']);
  });

  it('lifts a different passage above a redundant one at lower lambda', () => {
    expect(maximalMarginalRelevance(ranked, 2, 0.5).map((x) => x.id)).toEqual(['a', 'b']);
    expect(maximalMarginalRelevance(ranked, 3, 0.5).map((x) => x.id)).toEqual(['a', 'b', 'a2']);
  });

  it('does not give up much relevance for diversity at a high lambda', () => {
    // Relevance 1, 0.99, 0.5 rescales to 1, 0.98, 0: at 0.85 a2 stays ahead of b despite its redundancy.
    const far = [
      { item: item('a', [1, 0]), relevance: 1 },
      { item: item('a2', [0.99, 0.14]), relevance: 0.99 },
      { item: item('b', [0, 1]), relevance: 0.5 },
    ];
    expect(maximalMarginalRelevance(far, 2, 0.85).map((x) => x.id)).toEqual(['a', 'a2']);
  });

  it('returns at most k and copes with short lists', () => {
    expect(maximalMarginalRelevance(ranked, 1, 0.5)).toHaveLength(1);
    expect(maximalMarginalRelevance([], 3, 0.5)).toEqual([]);
    expect(maximalMarginalRelevance(ranked.slice(0, 1), 3, 0.5).map((x) => x.id)).toEqual(['a']);
  });

  it('computes cosine similarity, 0 for a zero vector', () => {
    expect(cosine([1, 0], [1, 0])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 2])).toBe(0);
    expect(cosine([3, 4], [6, 8])).toBeCloseTo(1, 12);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
});
