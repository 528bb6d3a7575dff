import { describe, expect, it } from 'vitest';
import { negationCount, prefixNegation } from './negation';

describe('negationCount', () => {
  it.each([
    ['Does the app support Redis?', 0],
    ['Does the app not support Redis?', 1],
    ["Doesn't the app support Redis?", 1],
    ['Why doesn’t the reranker help?', 1],
    ['The app cannot run without pgvector.', 2],
    ['Is there no way to stop it?', 1],
    ['The key is never shown again.', 1],
    ['Nothing is stored and nobody sees it.', 2],
    ['Neither the CLI nor the API can do that.', 2],
    ['Mice lacking IFN-γ fail to clear the virus.', 2],
    ['Non-toxic goitre shrinks.', 1],
    ['dont cache this', 1],
  ])('%s → %i', (text, count) => {
    expect(negationCount(text)).toBe(count);
  });

  it('does not read "No." before a number as a negation', () => {
    expect(negationCount('What does form No. 5 ask for?')).toBe(0);
    expect(negationCount('Is no 5 the right one?')).toBe(0);
  });

  it('counts negations in other languages', () => {
    expect(negationCount('Unterstützt die App kein Redis?')).toBe(1);
    expect(negationCount("L'application ne supporte pas Redis.")).toBe(2);
    expect(negationCount("L'application n'accepte pas Redis.")).toBe(2);
    expect(negationCount('¿La aplicación no soporta Redis?')).toBe(1);
    expect(negationCount("L'app non supporta Redis?")).toBe(1);
    expect(negationCount('A aplicação não suporta Redis?')).toBe(1);
    expect(negationCount('Ondersteunt de app geen Redis?')).toBe(1);
    expect(negationCount('Приложение не поддерживает Redis?')).toBe(1);
    expect(negationCount('应用不支持 Redis 吗')).toBe(1);
  });

  it('counts "fail to" only before "to"', () => {
    expect(negationCount('Why did the job fail?')).toBe(0);
    expect(negationCount('Why did the job fail to start?')).toBe(1);
  });
});

describe('prefixNegation', () => {
  it.each([
    ['Which formats are unsupported?', 'Which formats are supported?'],
    ['Is the server unreachable?', 'Is the server reachable?'],
    ['Is it impossible to delete a document?', 'Is it possible to delete a document?'],
    ['The outcome is independent of genetics.', 'The outcome is dependent on genetics.'],
    ['Is the key invalid?', 'Is the key valid?'],
    ['Pyridostatin destabilizes the quadruplex.', 'Pyridostatin stabilizes the quadruplex.'],
    ['Is the queue asynchronous?', 'Is the queue synchronous?'],
    ['Are noncommunicable diseases more common?', 'Are communicable diseases more common?'],
  ])('"%s" negates "%s"', (a, b) => {
    expect(prefixNegation(a, b)).not.toBeNull();
  });

  it('leaves words that only look prefixed, and words both texts hold', () => {
    expect(prefixNegation('How do I inform users?', 'How do I form users?')).toBeNull();
    expect(prefixNegation('Is the database around?', 'Is the database round?')).toBeNull();
    expect(prefixNegation('Is it valid or invalid?', 'Is it invalid or valid?')).toBeNull();
    expect(prefixNegation('How do I uninstall it?', 'How do I remove it?')).toBeNull();
  });
});
