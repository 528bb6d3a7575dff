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
