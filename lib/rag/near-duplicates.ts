// Near-duplicate passages: the same text twice in one answer's sources (two copies of a file, or a
// short passage that is all inside a longer one) wastes a slot, so only the best-ranked copy stays.
import { words } from './text';

const SHINGLE_WORDS = 5;

/** A word's 32-bit FNV-1a hash. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/** One hash for a run of word hashes, mixed so that order matters (murmur3's finaliser at the end). */
function runHash(hashes: number[], from: number, to: number): number {
  let h = 0x9747b28c;
  for (let i = from; i < to; i++) h = Math.imul(h ^ hashes[i]!, 0x5bd1e995) ^ (h >>> 15);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The overlapping word 5-grams of a text (its words when it is shorter than that), as a sorted set
 * of 32-bit hashes: comparing two passages is then one merge of two typed arrays. Two different
 * 5-grams share a hash with odds of one in four billion, which moves an overlap by one shingle.
 */
export function shingles(text: string): Uint32Array {
  const hashes = words(text).map(wordHash);
  if (hashes.length === 0) return new Uint32Array(0);
  const count = Math.max(1, hashes.length - SHINGLE_WORDS + 1);
  const all = new Uint32Array(count);
  for (let i = 0; i < count; i++) all[i] = runHash(hashes, i, Math.min(i + SHINGLE_WORDS, hashes.length));
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i]!;
  return all.subarray(0, unique);
}

/**
 * The overlap coefficient of two shingle sets (how much of the smaller one is in the larger), by one
 * merge of the sorted hashes; with `atLeast`, the merge stops and answers 0 as soon as the shingles
 * left cannot bring it up to that.
 */
function mergedOverlap(a: Uint32Array, b: Uint32Array, atLeast = 0): number {
  if (a.length === 0 || b.length === 0) return 0;
  const size = Math.min(a.length, b.length);
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if ((shared + Math.min(a.length - i, b.length - j)) / size < atLeast) return 0;
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared / size;
}

/**
 * How much of the smaller shingle set is in the larger one (the overlap coefficient), from 0 to 1.
 * Unlike Jaccard it calls a passage contained in a longer one a duplicate, while two neighbouring
 * chunks that share only their overlap stay well apart.
 */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  return mergedOverlap(a, b);
}

/**
 * Whether the overlap of two shingle sets reaches `threshold` (above 0): the same answer as
 * overlap(), but the merge stops as soon as the shingles left cannot reach it (after about a fifth
 * of it for two unrelated passages at 0.8).
 */
export function overlapsAtLeast(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  const value = mergedOverlap(a, b, threshold);
  return value > 0 && value >= threshold;
}

/**
 * Splits a ranked list into the passages to keep and the near-duplicates dropped, each dropped one
 * naming the better-ranked passage it repeats. `threshold` is the overlap at or above which two
 * passages count as the same text.
 */
export function removeNearDuplicates<T extends { id: string; text: string }>(
  ranked: T[],
  threshold: number,
  /** Stop once this many distinct passages are kept: later stages never look further down. */
  maxKept = Number.POSITIVE_INFINITY,
): { kept: T[]; duplicates: Array<T & { duplicateOf: string }> } {
  const kept: Array<{ item: T; shingles: Uint32Array }> = [];
  const duplicates: Array<T & { duplicateOf: string }> = [];
  for (const item of ranked) {
    if (kept.length >= maxKept) break;
    const own = shingles(item.text);
    const original = kept.find((k) => overlapsAtLeast(own, k.shingles, threshold));
    if (original) duplicates.push({ ...item, duplicateOf: original.item.id });
    else kept.push({ item, shingles: own });
  }
  return { kept: kept.map((k) => k.item), duplicates };
}
