import { describe, expect, it } from 'vitest';
import { estimatedFrequencies } from './document-frequency';

describe('estimatedFrequencies', () => {
  const shares = new Map([
    ['may', 0.47],
    ['cell', 0.012],
    ['rare', 0.0005],
  ]);

  it('estimates the lexemes the statistics put above the threshold, and counts the rest', () => {
    const { estimated, toCount } = estimatedFrequencies(
      ['may', 'cell', 'rare', 'unseen'],
      shares,
      100_000,
      1_000,
    );
    expect([...estimated]).toEqual([
      ['may', 47_000],
      ['cell', 1_200],
    ]);
    // Below the threshold, and absent from the statistics (rare, or never analysed): counted exactly.
    expect(toCount).toEqual(['rare', 'unseen']);
  });

  it('counts everything when there are no statistics, or the threshold is not exceeded', () => {
    expect(estimatedFrequencies(['may', 'cell'], new Map(), 100_000, 1_000).toCount).toEqual(['may', 'cell']);
    expect(estimatedFrequencies(['cell'], shares, 100_000, 1_200).toCount).toEqual(['cell']);
  });
});
