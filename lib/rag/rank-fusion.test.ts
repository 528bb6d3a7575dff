import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './rank-fusion';

describe('reciprocal rank fusion', () => {
  it('puts items found by both methods above items found by one', () => {
    const vector = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const text = [{ id: 'c' }, { id: 'd' }];
    const fused = reciprocalRankFusion([vector, text], 60).map((x) => x.id);
    expect(fused[0]).toBe('c');
    expect(fused).toEqual(['c', 'a', 'b', 'd']);
  });

  it('scores 1/(k+rank) summed over lists', () => {
    const [top] = reciprocalRankFusion([[{ id: 'x' }], [{ id: 'x' }]], 60);
    expect(top?.fusedScore).toBeCloseTo(2 / 61);
  });
});
