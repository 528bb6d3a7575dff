// Near-duplicate passages: the same text twice in one answer's sources (two copies of a file, or a
// short passage that is all inside a longer one) wastes a slot, so only the best-ranked copy stays.
import { words } from './text';

const SHINGLE_WORDS = 5;

/** The set of overlapping word 5-grams of a text (its words when it is shorter than that). */
export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < SHINGLE_WORDS) {
    if (w.length > 0) out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(w.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/**
 * How much of the smaller shingle set is in the larger one (the overlap coefficient), from 0 to 1.
 * Unlike Jaccard it calls a passage contained in a longer one a duplicate, while two neighbouring
 * chunks that share only their overlap stay well apart.
 */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / small.size;
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
  const kept: Array<{ item: T; shingles: Set<string> }> = [];
  const duplicates: Array<T & { duplicateOf: string }> = [];
  for (const item of ranked) {
    if (kept.length >= maxKept) break;
    const own = shingles(item.text);
    const original = kept.find((k) => overlap(own, k.shingles) >= threshold);
    if (original) duplicates.push({ ...item, duplicateOf: original.item.id });
    else kept.push({ item, shingles: own });
  }
  return { kept: kept.map((k) => k.item), duplicates };
}
