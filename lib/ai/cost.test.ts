import { describe, expect, it } from 'vitest';
import { costUsd } from './cost';

describe('costUsd', () => {
  it('prices input and output tokens per million from the config table', () => {
    // gpt-4o-mini: $0.15 in, $0.60 out per million tokens.
    expect(costUsd('gpt-4o-mini', 1_000_000, 0)).toBeCloseTo(0.15, 10);
    expect(costUsd('gpt-4o-mini', 2000, 500)).toBeCloseTo((2000 * 0.15 + 500 * 0.6) / 1e6, 12);
    expect(costUsd('gpt-4o', 1000, 1000)).toBeCloseTo((1000 * 2.5 + 1000 * 10) / 1e6, 12);
  });

  it('prices a dated snapshot like its base model', () => {
    expect(costUsd('gpt-4o-mini-2024-07-18', 1_000_000, 0)).toBeCloseTo(0.15, 10);
    expect(costUsd('gpt-4o-2024-08-06', 1_000_000, 0)).toBeCloseTo(2.5, 10);
  });

  it('costs nothing for local, unknown or lookalike models', () => {
    expect(costUsd('local-extractive', 5000, 5000)).toBe(0);
    expect(costUsd('llama3.1:8b', 5000, 5000)).toBe(0);
    expect(costUsd('gpt-4o-mini-custom', 5000, 5000)).toBe(0);
    expect(costUsd('constructor', 5000, 5000)).toBe(0);
  });

  it('treats missing or invalid token counts as zero', () => {
    expect(costUsd('gpt-4o-mini', Number.NaN, -5)).toBe(0);
  });
});
