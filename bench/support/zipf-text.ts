// Synthetic English-like text with a Zipf word distribution, grouped in topics: passages, headings and
// questions for full-text and hybrid benchmarks, deterministic from a seed.
import { prng } from './corpus';

// Real stop words, at the rate they occur in English prose, so that the analyser has them to drop.
const STOP_WORDS = [
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'it', 'as', 'was', 'with', 'be', 'by', 'on',
  'not', 'this', 'are', 'or', 'from', 'at', 'which', 'an', 'but', 'were', 'have', 'has', 'these', 'their',
  'than', 'been', 'its', 'may', 'other', 'into', 'more', 'also', 'when', 'such',
]; // prettier-ignore
const QUESTION_STARTS = [
  'what is',
  'how does',
  'why do',
  'which',
  'does',
  'how can',
  'when should',
  'where are',
];
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'cr', 'dr',
  'gr', 'pl', 'pr', 'st', 'tr', 'sh', 'ch', 'th', 'sp', 'cl', 'fl']; // prettier-ignore
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng'];

/** Share of a passage's words that are stop words, and of the rest that come from its topic. */
const STOP_SHARE = 0.4;
const TOPIC_SHARE = 0.4;
/** Zipf exponent of word ranks (about 1 in natural language). */
const ZIPF_S = 1.05;

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s, by binary search over the cumulative weights. */
function zipfSampler(random: () => number, n: number, s = ZIPF_S): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / (rank + 1) ** s;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

function vocabulary(random: () => number, size: number): string[] {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(ONSETS) + pick(VOWELS);
    word += pick(CODAS);
    if (word.length >= 4 && !STOP_WORDS.includes(word)) words.add(word);
  }
  return [...words];
}

export type ZipfText = {
  topics: number;
  /** A passage of `words` words about topic `topic`, in sentences. */
  passage(topic: number, words: number): string;
  /** A heading path ("Alpha beta › Gamma") for a section of topic `topic`. */
  heading(topic: number): string;
  /** A question of a few content words, mostly from topic `topic`. */
  question(topic: number): string;
  random: () => number;
};

/**
 * A text source: a vocabulary of `words` made-up words used with Zipf frequencies (a few very common,
 * most rare, as in real text), and `topics` topics each with its own 60 mid-frequency words, so
 * passages of one topic share terms (and neighbours), as documents about one subject do.
 */
export function zipfText(options: { words?: number; topics?: number; seed?: number } = {}): ZipfText {
  const random = prng(options.seed ?? 20261124);
  const words = vocabulary(random, options.words ?? 30_000);
  const topicCount = options.topics ?? 1_000;
  const global = zipfSampler(random, words.length);
  const stop = zipfSampler(random, STOP_WORDS.length, 0.8);
  const inTopic = zipfSampler(random, 60, 0.8);
  // Topic words come from below the 200 most common words, which every topic uses anyway.
  const topicWords = Array.from({ length: topicCount }, () =>
    Array.from({ length: 60 }, () => words[200 + Math.floor(random() * (words.length - 200))]!),
  );
  const contentWord = (topic: number, topicShare: number) =>
    random() < topicShare ? topicWords[topic]![inTopic()]! : words[global()]!;

  return {
    topics: topicCount,
    random,
    passage(topic, count) {
      const sentences: string[] = [];
      let sentence: string[] = [];
      let length = 8 + Math.floor(random() * 14);
      for (let i = 0; i < count; i++) {
        sentence.push(
          random() < STOP_SHARE ? STOP_WORDS[stop()]! : contentWord(topic, TOPIC_SHARE / (1 - STOP_SHARE)),
        );
        if (sentence.length >= length || i === count - 1) {
          const text = sentence.join(' ');
          sentences.push(`${text[0]!.toUpperCase()}${text.slice(1)}.`);
          sentence = [];
          length = 8 + Math.floor(random() * 14);
        }
      }
      return sentences.join(' ');
    },
    heading(topic) {
      const title = `${topicWords[topic]![0]} ${topicWords[topic]![1]}`;
      const section = `${contentWord(topic, 0.7)} ${contentWord(topic, 0.7)}`;
      return `${title[0]!.toUpperCase()}${title.slice(1)} › ${section[0]!.toUpperCase()}${section.slice(1)}`;
    },
    question(topic) {
      const start = QUESTION_STARTS[Math.floor(random() * QUESTION_STARTS.length)]!;
      const parts = [start];
      const count = 3 + Math.floor(random() * 5);
      for (let i = 0; i < count; i++) {
        parts.push(contentWord(topic, 0.7));
        if (i < count - 1 && random() < 0.4) parts.push(STOP_WORDS[stop()]!);
      }
      return `${parts.join(' ')}?`;
    },
  };
}
