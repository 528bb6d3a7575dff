// Which question terms select full-text candidates: the rarest, within a budget of matching passages.
import { describe, expect, it } from 'vitest';
import { candidateTerms } from './chunks';

const term = (lexeme: string, df: number) => ({ lexeme, df, idf: 1 });

describe('candidateTerms', () => {
  it('takes the rarest terms while their matches stay within the budget', () => {
    const terms = [term('cell', 4000), term('apoptosi', 120), term('mitochondri', 300), term('studi', 9000)];
    expect(candidateTerms(terms, 5000).map((t) => t.lexeme)).toEqual(['apoptosi', 'mitochondri', 'cell']);
    expect(candidateTerms(terms, 500).map((t) => t.lexeme)).toEqual(['apoptosi', 'mitochondri']);
  });

  it('always keeps the rarest term, even when it alone exceeds the budget', () => {
    expect(candidateTerms([term('studi', 9000), term('use', 20000)], 5000).map((t) => t.lexeme)).toEqual([
      'studi',
    ]);
  });

  it('keeps every term of a question whose words are all rare', () => {
    const terms = [term('a', 1), term('b', 2), term('c', 3)];
    expect(candidateTerms(terms, 5000)).toHaveLength(3);
    expect(candidateTerms([], 5000)).toEqual([]);
  });
});
