import { countTokens as o200k } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens, estimateTokens } from './tokens';

describe('countTokens', () => {
  it('counts o200k tokens, not characters', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello')).toBe(1);
    expect(countTokens('Hello, world!')).toBe(4);
    // Common words are one token each however long; chars/4 would say 9 here.
    expect(countTokens('information international')).toBe(2);
    expect(countTokens('Rückerstattung innerhalb von dreißig Tagen.')).toBeGreaterThan(6);
  });

  it('counts a huge unbroken run in slices, in milliseconds rather than minutes, still about right', () => {
    const run = 'a'.repeat(200_000);
    const started = performance.now();
    const tokens = countTokens(`start ${run} end`);
    // One pass of byte-pair merging over the whole run takes minutes; the slices, well under a second.
    expect(performance.now() - started).toBeLessThan(5_000);
    const perSlice = countTokens('a'.repeat(500));
    expect(tokens).toBeGreaterThanOrEqual(perSlice * 400);
    expect(tokens).toBeLessThanOrEqual(perSlice * 400 + 2 * 400 + 4);
    // Ordinary text stays exact, however long.
    const prose = 'The refund goes back to the original payment method. '.repeat(200);
    expect(countTokens(prose)).toBe(o200k(prose));
  });

  it('treats special-token markup in user text as plain text instead of throwing', () => {
    expect(countTokens('before <|endoftext|> after')).toBeGreaterThan(3);
  });
});

describe('estimateTokens', () => {
  it('counts about four characters per token, rounding up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('a')).toBe(1);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
    expect(estimateTokens('x'.repeat(4000))).toBe(1000);
  });
});
