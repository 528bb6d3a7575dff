// Deterministic text embeddings without a model: feature hashing of words and their character
// n-grams, each weighted by how rare the word is in general English.
import { contentWords, stem } from '@/lib/rag/text';
import { wordWeight } from './word-weights';

// Relative weights of the two feature families, measured on retrieval (docs/BENCHMARKS.md): words
// carry the meaning; character n-grams catch spelling variants, compounds and the morphology the
// stemmer misses, and at 384 dimensions they recover more than word pairs did (which are left out:
// they added collisions for no gain).
const UNIGRAM_WEIGHT = 1;
const CHAR_NGRAM_WEIGHT = 1.5;
const CHAR_NGRAM_SIZES = [3, 4, 5] as const;

/** 32-bit FNV-1a over UTF-16 code units: fast, well spread, and the same in every runtime. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: an independent-looking second hash derived from the first, for the sign. */
function fmix32(value: number): number {
  let h = value ^ 0x9e3779b9;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Features of a text with their weight per occurrence and how often they occur. */
function features(text: string): Map<string, { weight: number; count: number }> {
  const found = new Map<string, { weight: number; count: number }>();
  const add = (feature: string, weight: number) => {
    const entry = found.get(feature);
    if (entry) entry.count += 1;
    else found.set(feature, { weight, count: 1 });
  };

  const rawWords = contentWords(text);
  for (const word of rawWords) {
    const term = stem(word);
    // A common word says little about the topic: without this, "patients" or "increase" would
    // outweigh the rare terms that decide what a passage is about.
    const rarity = wordWeight(term);
    // Prefixes keep the families apart, so the word "abc" and the n-gram "abc" do not share a slot.
    add(`w:${term}`, UNIGRAM_WEIGHT * rarity);
    const marked = `<${word}>`;
    const grams: string[] = [];
    for (const n of CHAR_NGRAM_SIZES) {
      for (let i = 0; i + n <= marked.length; i++) grams.push(marked.slice(i, i + n));
    }
    // Spread the word's n-gram weight over its n-grams, so long words do not outweigh short ones.
    const weight = (CHAR_NGRAM_WEIGHT * rarity) / Math.sqrt(Math.max(grams.length, 1));
    for (const gram of grams) add(`c:${gram}`, weight);
  }
  return found;
}

/**
 * Embeds a text as an L2-normalised vector of the given size using the signed hashing trick:
 * each feature adds ± its weight to one dimension chosen by a hash, with the sign taken from a
 * second hash so that collisions cancel out on average instead of piling up. Term frequency is
 * sublinear (1 + ln tf) so a repeated word does not drown the rest.
 *
 * A text with no features (empty, or only stopwords and punctuation) gets the unit vector on
 * dimension 0 rather than a zero vector: pgvector's cosine distance to a zero vector is NaN,
 * which poisons ORDER BY and comparisons. The fixed axis is simply far from everything real.
 */
export function hashEmbed(text: string, dimensions: number): number[] {
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  }
  const vector = new Float64Array(dimensions);
  for (const [feature, { weight, count }] of features(text)) {
    const hash = fnv1a(feature);
    const sign = fmix32(hash) & 1 ? 1 : -1;
    vector[hash % dimensions]! += sign * weight * (1 + Math.log(count));
  }

  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm < 1e-12) {
    // No features, or (very rarely) features that cancelled exactly: see above.
    const fallback = new Array<number>(dimensions).fill(0);
    fallback[0] = 1;
    return fallback;
  }
  return Array.from(vector, (value) => value / norm);
}
