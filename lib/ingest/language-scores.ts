// franc's language scores, from franc's own trigram models, computed through an inverted index.
// francAll compares a text's trigrams with every model of its script one by one (about 800 trigrams
// against the 126 Latin-script models, two dictionary lookups each: 200,000 a document, 40 % of
// preparing a document on a thread). Here each trigram of the text looks up the models that hold it,
// once. The figures, ties and order are francAll's: language-scores.test.ts compares the two.
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { trigrams as paddedTrigrams } from 'trigram-utils';

/** franc's own constants: it reads 2,048 characters, and an absent trigram costs 300. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

export type LanguageScore = [code: string, score: number];

/**
 * The models of one script: their codes in franc's order, and for each trigram the models that hold
 * it with its rank there, packed as `model << RANK_BITS | rank`.
 */
type ScriptIndex = { codes: string[]; postings: Map<string, Int32Array> };

/** Room for any rank in a model (franc keeps 300 trigrams a language). */
const RANK_BITS = 10;
const RANK_MASK = (1 << RANK_BITS) - 1;

const indexes = new Map<string, ScriptIndex | null>();

function indexOf(script: string): ScriptIndex | null {
  if (indexes.has(script)) return indexes.get(script)!;
  const models = data[script];
  let index: ScriptIndex | null = null;
  if (models) {
    const codes = Object.keys(models);
    const lists = new Map<string, number[]>();
    codes.forEach((code, model) => {
      models[code]!.split('|').forEach((trigram, rank) => {
        const packed = (model << RANK_BITS) | rank;
        const list = lists.get(trigram);
        if (list) list.push(packed);
        else lists.set(trigram, [packed]);
      });
    });
    const postings = new Map([...lists].map(([trigram, list]) => [trigram, Int32Array.from(list)]));
    index = { codes, postings };
  }
  indexes.set(script, index);
  return index;
}

/** The script most of the text is written in, as franc picks it (the first of equal counts). */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) [top, topShare] = [script, share];
  }
  return [top, topShare];
}

/**
 * What `francAll(value, { minLength })` answers: every language of the text's script with its
 * score from 1 (closest) down, or `[['und', 1]]` when the text is too short or has no letters.
 */
export function languageScores(text: string, minLength: number): LanguageScore[] {
  if (!text || text.length < minLength) return [['und', 1]];
  const value = text.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  const index = script ? indexOf(script) : null;
  if (!script || !index) return script && share !== 0 ? [[script, 1]] : [['und', 1]];

  // The text's distinct trigrams and their counts, as franc's asTuples gives them; the distance is a
  // sum over them, so they need not be sorted as it sorts them.
  const trigrams = new Map<string, number>();
  for (const trigram of paddedTrigrams(value)) trigrams.set(trigram, (trigrams.get(trigram) ?? 0) + 1);
  // Every trigram a model lacks costs MAX_DIFFERENCE; one it holds costs how far its rank is off.
  const distances = new Int32Array(index.codes.length).fill(trigrams.size * MAX_DIFFERENCE);
  for (const [trigram, count] of trigrams) {
    const holders = index.postings.get(trigram);
    if (!holders) continue;
    for (const packed of holders) {
      distances[packed >> RANK_BITS]! += Math.abs(count - (packed & RANK_MASK) - 1) - MAX_DIFFERENCE;
    }
  }
  const ranked = index.codes.map((code, model): LanguageScore => [code, distances[model]!]);
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  return ranked.map(([code, distance]) => [code, 1 - (distance - min) / max || 0]);
}
