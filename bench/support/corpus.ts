// A deterministic synthetic corpus for vector benchmarks: texts from a seeded PRNG, embedded with the
// app's own local embedding (hashEmbed), so vectors have the shape real local-model vectors have.
import { toSql } from 'pgvector';
import { hashEmbed } from '@/lib/ai/local/hash-embedding';

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same corpus on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'st', 'tr', 'pl', 'qu'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io'];
const WORDS = 3_000;
const TOPICS = 200;
const WORDS_PER_TOPIC = 40;

function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) {
      word += ONSETS[Math.floor(random() * ONSETS.length)]! + VOWELS[Math.floor(random() * VOWELS.length)]!;
    }
    if (word.length >= 3) words.add(word);
  }
  return [...words];
}

/** An index skewed towards 0, so a few words are common and most are rare, roughly as in real text. */
function skewed(random: () => number, size: number): number {
  return Math.floor(random() ** 2.5 * size);
}

/**
 * A passage or question about one topic: most words come from the topic's own vocabulary, the rest
 * from the shared one. Topics give the corpus the clusters real documents have; uniformly random
 * texts would be near-equidistant, a case no nearest-neighbour index (nor a user) meets in practice.
 */
function textAbout(
  random: () => number,
  topic: string[],
  shared: string[],
  length: number,
  focus: number,
): string {
  const picked: string[] = [];
  for (let i = 0; i < length; i++) {
    picked.push(
      random() < focus ? topic[skewed(random, topic.length)]! : shared[skewed(random, shared.length)]!,
    );
  }
  return picked.join(' ');
}

export type VectorCorpus = {
  texts: string[];
  /** pgvector literals ('[0.1,…]') of the texts, ready for `$n::vector`. */
  vectors: string[];
  queries: string[];
  queryVectors: string[];
};

export function makeVectorCorpus(options: {
  chunks: number;
  queries: number;
  dimensions: number;
  seed?: number;
}): VectorCorpus {
  const random = prng(options.seed ?? 20261124);
  const words = vocabulary(random, WORDS);
  const topics = Array.from({ length: TOPICS }, () =>
    Array.from({ length: WORDS_PER_TOPIC }, () => words[Math.floor(random() * words.length)]!),
  );
  const topicOf = () => topics[Math.floor(random() * topics.length)]!;
  const texts = Array.from({ length: options.chunks }, () =>
    textAbout(random, topicOf(), words, 60 + Math.floor(random() * 80), 0.5),
  );
  const queries = Array.from({ length: options.queries }, () =>
    textAbout(random, topicOf(), words, 4 + Math.floor(random() * 8), 0.7),
  );
  const literal = (text: string) => toSql(hashEmbed(text, options.dimensions))!;
  return { texts, vectors: texts.map(literal), queries, queryVectors: queries.map(literal) };
}
