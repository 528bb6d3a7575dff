import { describe, expect, it } from 'vitest';
import { normaliseQuestion, questionHash } from './normalise';

describe('normaliseQuestion', () => {
  it('folds case, collapses whitespace and drops closing punctuation', () => {
    expect(normaliseQuestion('  How   do I\tuse\nPostgres?? ')).toBe('how do i use postgres');
    expect(normaliseQuestion('What is RRF…!')).toBe('what is rrf');
    expect(normaliseQuestion('Was ist RRF？')).toBe('was ist rrf');
  });

  it('applies NFKC and full case folding', () => {
    // Full-width letters and the "ﬁ" ligature are NFKC-equal to plain ones; ß folds to ss.
    expect(normaliseQuestion('Ｗｈａｔ is the ﬁle size')).toBe('what is the file size');
    expect(normaliseQuestion('STRASSE oder Straße')).toBe('strasse oder strasse');
    expect(normaliseQuestion('ΣΟΦΟΣ')).toBe(normaliseQuestion('σοφος'));
  });

  it('drops zero-width characters a paste can carry', () => {
    expect(normaliseQuestion('pg\u200Bvector\uFEFF?')).toBe('pgvector');
  });

  it('keeps punctuation that is part of the question', () => {
    expect(normaliseQuestion('Is v1.2 supported?')).toBe('is v1.2 supported');
    expect(normaliseQuestion('What is C++?')).toBe('what is c++');
    expect(normaliseQuestion('What is C#?')).toBe('what is c#');
    expect(normaliseQuestion('Is it 1.5?')).not.toBe(normaliseQuestion('Is it 1?'));
  });
});

describe('questionHash', () => {
  it('is the same for questions that normalise alike and differs otherwise', () => {
    expect(questionHash('How do I use Postgres?')).toBe(questionHash('how do i use postgres'));
    expect(questionHash('How do I use Postgres?')).not.toBe(questionHash('How do I use MySQL?'));
    expect(questionHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
