import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashEmbed } from './hash-embedding';
import { wordWeight } from './word-weights';
import { stem } from '@/lib/rag/text';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const norm = (v: number[]) => Math.sqrt(cosine(v, v));

describe('hashEmbed', () => {
  it('is deterministic', () => {
    const text = 'Postgres stores vectors with the pgvector extension.';
    expect(hashEmbed(text, 384)).toEqual(hashEmbed(text, 384));
  });

  it('gives a text the same vector whatever was embedded before it (the per-word memo only saves work)', () => {
    const text = 'Vitamin D deficiency raises the risk of fractures in older patients.';
    const first = hashEmbed(text, 384);
    // Words shared with the text, seen first in other company, and many new ones.
    for (let i = 0; i < 500; i++) hashEmbed(`fractures vitamin patients term${i} risk${i % 7}`, 384);
    expect(hashEmbed(text, 384)).toEqual(first);
    expect(hashEmbed(text, 64)).toHaveLength(64);
  });

  it('gives the same vectors after its tables were emptied for growing past their bound', () => {
    const probe = 'Vitamin D deficiency raises the risk of fractures in older patients.';
    const before = hashEmbed(probe, 384);
    // 12,000 made-up ten-letter words, about 25 new features each: well past the bound (150,000).
    const word = (n: number) =>
      Array.from({ length: 10 }, (_, i) =>
        String.fromCharCode(97 + ((Math.floor(n / 26 ** (i % 4)) + i * 7) % 26)),
      ).join('') + n.toString(36);
    for (let text = 0; text < 600; text++) {
      hashEmbed(Array.from({ length: 20 }, (_, i) => word(text * 20 + i)).join(' '), 384);
    }
    expect(hashEmbed(probe, 384)).toEqual(before);
  });

  it('gives the vectors it always gave: stored passages were embedded with them', () => {
    // Any change to tokenising, hashing, weighting or arithmetic order moves some bit of these.
    const texts = [
      'How do refunds work for annual plans?',
      'Größe der Datenbank: 384 Dimensionen, naïve café',
      '数据库 and pgvector HNSW indexes',
      "The server's port isn't open; x86_64 v2.3.1",
      'repeat repeat repeat repeat the word repeat',
      'again '.repeat(80),
      '',
    ];
    const digest = createHash('sha256');
    for (const text of texts) digest.update(new Uint8Array(new Float64Array(hashEmbed(text, 384)).buffer));
    expect(digest.digest('hex')).toBe('db82aaeed8f2d2c0c6a8cf3647f1266c323d3f75697f0417370250cf679e315b');
  });

  it('respects the requested dimensions and returns unit vectors', () => {
    for (const dimensions of [8, 384, 1536]) {
      const vector = hashEmbed('How do I reset my password?', dimensions);
      expect(vector).toHaveLength(dimensions);
      expect(norm(vector)).toBeCloseTo(1, 10);
      expect(vector.every(Number.isFinite)).toBe(true);
    }
  });

  it('puts similar texts closer than unrelated ones', () => {
    const query = hashEmbed('How do I reset my password?', 384);
    const related = hashEmbed('To reset your password, open Settings and choose "Reset password".', 384);
    const unrelated = hashEmbed('The cafeteria serves lunch from noon until two.', 384);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.2);
  });

  it('matches inflected forms and near spellings', () => {
    const base = hashEmbed('database indexes', 384);
    expect(cosine(base, hashEmbed('databases index', 384))).toBeGreaterThan(0.8);
    // A misspelling shares character n-grams though not the word: a small but real pull.
    const typo = cosine(hashEmbed('configuration', 384), hashEmbed('configuraton', 384));
    const other = cosine(hashEmbed('configuration', 384), hashEmbed('lunch', 384));
    expect(typo).toBeGreaterThan(0.03);
    expect(typo).toBeGreaterThan(other);
  });

  it('lets a rare word decide more than a common one', () => {
    // Both documents share one word with the query; the rarer shared word wins.
    const query = hashEmbed('patients with vitamin deficiency', 384);
    const rare = hashEmbed('vitamin supplements for children', 384);
    const common = hashEmbed('patients waiting in the hospital', 384);
    expect(cosine(query, rare)).toBeGreaterThan(cosine(query, common));
    // Weights are looked up by stem, as the embedding counts words.
    const weight = (word: string) => wordWeight(stem(word));
    expect(weight('vitamin')).toBeGreaterThan(weight('patients'));
    expect(weight('patients')).toBeGreaterThan(weight('time'));
    expect(weight('the')).toBeLessThan(0.25);
    expect(weight('qwzxv')).toBe(1);
  });

  it('returns a fixed unit vector, not zeros, for text without content words', () => {
    for (const text of ['', '   ', 'the and of', '?!']) {
      const vector = hashEmbed(text, 16);
      expect(vector[0]).toBe(1);
      expect(norm(vector)).toBe(1);
    }
  });

  it('rejects a non-positive or fractional size', () => {
    expect(() => hashEmbed('x', 0)).toThrow(RangeError);
    expect(() => hashEmbed('x', 2.5)).toThrow(RangeError);
  });
});
