// Negation in a question: the cues that turn "does X support Y" into "does X not support Y", counted,
// and negating prefixes that turn a word of the other question into its opposite ("supported" →
// "unsupported"). A lexical embedding barely sees either; the guard refuses when they differ.
import { stem } from '@/lib/rag/text';
import { partsOf, stemsOf, wordsOf } from './words';

// Whole words that negate, lowercased, apostrophes folded. English first, then German, French,
// Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Polish and Russian.
const CUES = new Set(
  [
    'not no never none nothing nobody nowhere neither nor without cannot non lack lacks lacking lacked',
    'unable absent absence',
    'dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt wont wouldnt shouldnt couldnt cant',
    'mustnt neednt aint shant mightnt',
    'nicht kein keine keinen keinem keiner keines nie niemals nichts ohne',
    'ne pas jamais sans aucun aucune rien',
    'nunca sin ningun ningún ninguna ninguno nada jamás tampoco ni',
    'non mai senza nessun nessuno nessuna niente',
    'não nao sem nenhum nenhuma jamais',
    'niet geen nooit zonder niets',
    'inte ej aldrig utan ingen inget ikke ikkje uden intet',
    'nigdy bez żaden zadna żadna',
    'не нет без никогда ни ничего',
  ]
    .join(' ')
    .split(/\s+/),
);

// Verbs that negate what follows when followed by "to": "fail to reveal", "failed to show".
const FAIL = new Set(['fail', 'fails', 'failed', 'failing']);

// Negating marks inside words, for scripts without spaces (Chinese and Japanese).
const CJK_CUES = /[不没沒未無无非別别]|ない|ません/gu;

/** How many negation cues a text holds ("n't" counts once, "fail to" once, "No. 5" not at all). */
export function negationCount(text: string): number {
  const normal = text.normalize('NFKC');
  const words = wordsOf(normal);
  let count = 0;
  for (const [i, word] of words.entries()) {
    const lower = word.lower;
    // "don't", "can't", "won't"; and French elision, "n'est", "n'a".
    if (/n['’]t$/u.test(lower) || /^n['’]\p{L}/u.test(lower)) {
      count += 1;
      continue;
    }
    for (const part of partsOf(lower)) {
      if (FAIL.has(part) && words[i + 1]?.lower === 'to') count += 1;
      if (!CUES.has(part)) continue;
      // "No. 5" and "no 5" abbreviate "number".
      if (part === 'no' && /^\s*\.?\s*\d/u.test(normal.slice(word.start + word.text.length))) continue;
      count += 1;
    }
  }
  count += normal.match(CJK_CUES)?.length ?? 0;
  return count;
}

// Prefixes that negate the rest of a word, with the shortest rest that still makes a word of it
// ("unable"/"able" counts; "around"/"round" would not, so "a" needs a longer rest).
const PREFIXES: Array<[prefix: string, minRest: number]> = [
  ['non', 4],
  ['un', 4],
  ['in', 5],
  ['im', 5],
  ['il', 5],
  ['ir', 5],
  ['dis', 4],
  ['anti', 4],
  ['de', 6],
  ['a', 6],
];

/**
 * A word of `a` that is a word of `b` with a negating prefix, "unsupported" for "supported",
 * "independent" for "dependent", when `b` does not hold the prefixed word itself. Null when none.
 */
export function prefixNegation(a: string, b: string): string | null {
  const stemsA = new Set(stemsOf(a));
  const stemsB = new Set(stemsOf(b));
  for (const word of stemsA) {
    if (stemsB.has(word)) continue;
    for (const [prefix, minRest] of PREFIXES) {
      if (!word.startsWith(prefix)) continue;
      const rest = word.slice(prefix.length);
      if (rest.length < minRest) continue;
      const restStem = stem(rest);
      if ((stemsB.has(rest) || stemsB.has(restStem)) && !stemsA.has(rest) && !stemsA.has(restStem)) {
        return `${word} / ${rest}`;
      }
    }
  }
  return null;
}
