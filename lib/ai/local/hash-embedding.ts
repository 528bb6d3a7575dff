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

/**
 * Every feature key seen so far gets a small integer id, so that counting a text's features is
 * typed-array work instead of a string-keyed map per text. Text is Zipf-distributed: most words of a
 * passage were seen in an earlier one, and stemming, the rarity lookup, slicing n-grams and hashing
 * them were most of the embedding's cost, so each distinct word's feature ids and weights are kept
 * too. Both tables are emptied when full; they only save work and never change a result.
 */
/**
 * Measured: SciFact's 5,183 abstracts (35,407 distinct words, 154,445 features) keep 27 MiB of heap
 * in these tables, so this bound holds them to about that much of a server's memory.
 */
const FEATURE_IDS_MAX = 150_000;
const featureIds = new Map<string, number>();
let featureHashes = new Uint32Array(1024);
/** Each feature's sign (±1), from a second hash of its first. */
let featureSigns = new Int8Array(1024);

/** What one word contributes: its stem's feature, then its character n-grams. */
type WordFeatures = { ids: Int32Array; unigramWeight: number; gramWeight: number };
const wordMemo = new Map<string, WordFeatures>();

function featureId(key: string): number {
  let id = featureIds.get(key);
  if (id === undefined) {
    id = featureIds.size;
    featureIds.set(key, id);
    if (id >= featureHashes.length) {
      const grownHashes = new Uint32Array(featureHashes.length * 2);
      grownHashes.set(featureHashes);
      featureHashes = grownHashes;
      const grownSigns = new Int8Array(featureSigns.length * 2);
      grownSigns.set(featureSigns);
      featureSigns = grownSigns;
    }
    const hash = fnv1a(key);
    featureHashes[id] = hash;
    featureSigns[id] = fmix32(hash) & 1 ? 1 : -1;
  }
  return id;
}

function wordFeatures(word: string): WordFeatures {
  const known = wordMemo.get(word);
  if (known) return known;
  const term = stem(word);
  // A common word says little about the topic: without this, "patients" or "increase" would
  // outweigh the rare terms that decide what a passage is about.
  const rarity = wordWeight(term);
  // Prefixes keep the families apart, so the word "abc" and the n-gram "abc" do not share a slot.
  const keys = [`w:${term}`];
  const marked = `<${word}>`;
  for (const n of CHAR_NGRAM_SIZES) {
    for (let i = 0; i + n <= marked.length; i++) keys.push(`c:${marked.slice(i, i + n)}`);
  }
  const grams = keys.length - 1;
  const features: WordFeatures = {
    ids: Int32Array.from(keys, featureId),
    unigramWeight: UNIGRAM_WEIGHT * rarity,
    // Spread the word's n-gram weight over its n-grams, so long words do not outweigh short ones.
    gramWeight: (CHAR_NGRAM_WEIGHT * rarity) / Math.sqrt(Math.max(grams, 1)),
  };
  wordMemo.set(word, features);
  return features;
}

// Scratch space of `addFeatures`, indexed by feature id: occurrences in the current text (0 = unseen)
// and the weight of the first occurrence; and the ids in order of first occurrence. Reset after each
// text for the ids it used.
let counts = new Int32Array(0);
let weights = new Float64Array(0);
let order = new Int32Array(1024);

// 1 + ln(tf) for the small counts nearly every feature has, looked up instead of a Math.log for each
// feature of each passage: the same doubles Math.log gives.
const SUBLINEAR_TF = Float64Array.from({ length: 64 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

/**
 * Adds a text's features to `vector`: each once, in order of first occurrence, with the weight of
 * its first occurrence and sublinear term frequency (see `hashEmbed`).
 */
function addFeatures(text: string, vector: Float64Array): void {
  // Emptied between texts only: the ids of the text being counted must stay valid until it is done.
  if (featureIds.size >= FEATURE_IDS_MAX) {
    featureIds.clear();
    wordMemo.clear();
    counts = new Int32Array(0);
    weights = new Float64Array(0);
  }
  let distinct = 0;
  for (const word of contentWords(text)) {
    const { ids, unigramWeight, gramWeight } = wordFeatures(word);
    if (counts.length < featureIds.size) {
      const size = Math.max(featureIds.size * 2, 1024);
      const grownCounts = new Int32Array(size);
      grownCounts.set(counts);
      const grownWeights = new Float64Array(size);
      grownWeights.set(weights);
      counts = grownCounts;
      weights = grownWeights;
    }
    if (order.length < distinct + ids.length) {
      const grownOrder = new Int32Array((distinct + ids.length) * 2);
      grownOrder.set(order);
      order = grownOrder;
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (counts[id]! === 0) {
        order[distinct++] = id;
        weights[id] = i === 0 ? unigramWeight : gramWeight;
      }
      counts[id]! += 1;
    }
  }
  const dimensions = vector.length;
  for (let k = 0; k < distinct; k++) {
    const id = order[k]!;
    const count = counts[id]!;
    const tf = count < SUBLINEAR_TF.length ? SUBLINEAR_TF[count]! : 1 + Math.log(count);
    vector[featureHashes[id]! % dimensions]! += featureSigns[id]! * weights[id]! * tf;
    counts[id] = 0;
  }
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
  addFeatures(text, vector);

  let norm = 0;
  for (let i = 0; i < dimensions; i++) norm += vector[i]! * vector[i]!;
  norm = Math.sqrt(norm);
  if (norm < 1e-12) {
    // No features, or (very rarely) features that cancelled exactly: see above.
    const fallback = new Array<number>(dimensions).fill(0);
    fallback[0] = 1;
    return fallback;
  }
  const unit = new Array<number>(dimensions);
  for (let i = 0; i < dimensions; i++) unit[i] = vector[i]! / norm;
  return unit;
}
