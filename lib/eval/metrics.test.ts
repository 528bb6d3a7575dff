import { describe, expect, it } from 'vitest';
import { meanMetrics, mrrAtK, ndcgAtK, recallAtK, type Judgments } from './metrics';

const j = (entries: Record<string, number>): Judgments => new Map(Object.entries(entries));

describe('nDCG@k', () => {
  it('is 1 for the ideal order and 0 without a relevant result', () => {
    expect(ndcgAtK(['a', 'b', 'c'], j({ a: 1 }), 10)).toBe(1);
    expect(ndcgAtK(['x', 'y'], j({ a: 1 }), 10)).toBe(0);
    expect(ndcgAtK(['a'], j({}), 10)).toBe(0);
  });

  it('discounts by log2(rank + 1): one relevant document at rank 3 is 1/log2(4) = 0.5', () => {
    expect(ndcgAtK(['x', 'y', 'a'], j({ a: 1 }), 10)).toBeCloseTo(0.5, 12);
  });

  it('uses graded gains: grades 2 and 1 in the wrong order', () => {
    // DCG = 1/log2(2) + 2/log2(3) = 1 + 1.26186; IDCG = 2 + 1/log2(3) = 2.63093.
    const expected = (1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3));
    expect(ndcgAtK(['b', 'a'], j({ a: 2, b: 1 }), 10)).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.8597, 4);
  });

  it('counts only the first k results, and the ideal only up to k documents', () => {
    expect(ndcgAtK(['x', 'a'], j({ a: 1 }), 1)).toBe(0);
    // Two relevant, k = 1: the ideal DCG is one document's, so a hit at rank 1 is perfect.
    expect(ndcgAtK(['a', 'b'], j({ a: 1, b: 1 }), 1)).toBe(1);
  });

  it('ignores judged-irrelevant documents (grade 0)', () => {
    expect(ndcgAtK(['z', 'a'], j({ z: 0, a: 1 }), 10)).toBeCloseTo(1 / Math.log2(3), 12);
  });
});

describe('recall@k and MRR@k', () => {
  it('recall is the share of relevant documents found', () => {
    expect(recallAtK(['a', 'x', 'c'], j({ a: 1, b: 2, c: 1, z: 0 }), 10)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(['x', 'a'], j({ a: 1 }), 1)).toBe(0);
  });

  it('MRR is the reciprocal rank of the first relevant result', () => {
    expect(mrrAtK(['x', 'y', 'a', 'b'], j({ a: 1, b: 1 }), 10)).toBeCloseTo(1 / 3, 12);
    expect(mrrAtK(['x', 'y', 'a'], j({ a: 1 }), 2)).toBe(0);
  });

  it('averages over every judged query, counting a query without results as 0', () => {
    const qrels = new Map([
      ['q1', j({ a: 1 })],
      ['q2', j({ b: 1 })],
    ]);
    const runs = new Map([['q1', ['a']]]);
    expect(meanMetrics(runs, qrels)).toEqual({ 'ndcg@10': 0.5, 'recall@10': 0.5, 'mrr@10': 0.5 });
  });
});
