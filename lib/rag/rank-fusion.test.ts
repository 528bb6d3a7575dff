import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './rank-fusion';

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

describe('reciprocal rank fusion', () => {
  it('puts items found by both methods above items found by one', () => {
    const vector = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const text = [{ id: 'c' }, { id: 'd' }];
    const fused = reciprocalRankFusion(
      [
        { items: vector, weight: 1 },
        { items: text, weight: 1 },
      ],
      60,
    );
    expect(ids(fused)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('scores weight/(k+rank) summed over lists', () => {
    const [top] = reciprocalRankFusion(
      [
        { items: [{ id: 'x' }], weight: 1 },
        { items: [{ id: 'y' }, { id: 'x' }], weight: 0.5 },
      ],
      60,
    );
    expect(top?.id).toBe('x');
    expect(top?.fusedScore).toBeCloseTo(1 / 61 + 0.5 / 62, 12);
  });

  it('lets a heavier list win a disagreement', () => {
    const vector = { items: [{ id: 'v' }, { id: 't' }], weight: 1 };
    const text = { items: [{ id: 't' }, { id: 'v' }], weight: 1 };
    // Equal weights: a tie, broken by first-seen order.
    expect(ids(reciprocalRankFusion([vector, text], 60))).toEqual(['v', 't']);
    expect(ids(reciprocalRankFusion([vector, { ...text, weight: 1.5 }], 60))).toEqual(['t', 'v']);
    expect(ids(reciprocalRankFusion([{ ...vector, weight: 1.5 }, text], 60))).toEqual(['v', 't']);
  });

  it('ignores a list of weight 0', () => {
    const fused = reciprocalRankFusion(
      [
        { items: [{ id: 'a' }, { id: 'b' }], weight: 0 },
        { items: [{ id: 'b' }, { id: 'a' }], weight: 1 },
      ],
      60,
    );
    expect(ids(fused)).toEqual(['b', 'a']);
  });
});
