import { describe, expect, it } from 'vitest';
import { differentQuestionType, questionTypes } from './question-type';

const types = (text: string) => {
  const found = questionTypes(text);
  return found ? [...found].sort() : null;
};

describe('questionTypes', () => {
  it('reads the kind of answer a question asks for', () => {
    expect(types('Where are the demo accounts?')).toEqual(['where']);
    expect(types("What's the default temperature?")).toEqual(['what']);
    expect(types('Which roles exist?')).toEqual(['what']);
    expect(types('How many files can one request hold?')).toEqual(['how-much']);
    expect(types('How often is a job retried?')).toEqual(['how-much']);
    expect(types('How long does a session last?')).toEqual(['how-long']);
    expect(types('What happens when a key is revoked?')).toEqual(['what-happens', 'when']);
    expect(types('When a key is revoked, what happens?')).toEqual(['what-happens', 'when']);
    expect(types('Is Redis required?')).toEqual(['yes-no']);
  });

  it('reads statements and requests as asking nothing in particular', () => {
    expect(types('Explain reciprocal rank fusion.')).toBeNull();
    expect(types('Sildenafil helps men who take SSRIs.')).toBeNull();
  });
});

describe('differentQuestionType', () => {
  it.each([
    ['Is Redis required to run the app?', 'How do I run the app with Redis?'],
    ['Where are backups stored?', 'Why are backups stored?'],
    ['How is a key revoked?', 'When is a key revoked?'],
    ['How can an API key be revoked?', 'What happens when an API key is revoked?'],
  ])('"%s" / "%s" ask for different things', (a, b) => {
    expect(differentQuestionType(a, b, false)).not.toBeNull();
  });

  it('lets "what" pass with any other kind unless strict', () => {
    expect(
      differentQuestionType('How do I stop the app?', 'What is the way to stop the app?', false),
    ).toBeNull();
    expect(
      differentQuestionType('How can a key be revoked?', 'What happens when a key is revoked?', true),
    ).not.toBeNull();
  });

  it('lets statements pass with any question', () => {
    expect(
      differentQuestionType('Obesity decreases life quality.', 'Does obesity decrease life quality?', true),
    ).toBeNull();
    expect(differentQuestionType('Tell me how to use Postgres.', 'What is Postgres?', true)).toBeNull();
  });
});
