// What kind of answer a question asks for: a place (where), a time (when), a reason (why), a way
// (how), an amount (how many / how much / how often), a duration (how long), a person (who), a thing
// (what / which), a consequence (what happens), or yes or no (a question without a question word).
// "How can a key be revoked?" and "what happens when a key is revoked?" share every content word.
import { wordsOf } from './words';

export type QuestionType =
  'what' | 'what-happens' | 'who' | 'where' | 'when' | 'why' | 'how' | 'how-much' | 'how-long' | 'yes-no';

const WH: Record<string, QuestionType> = {
  what: 'what',
  which: 'what',
  who: 'who',
  whom: 'who',
  whose: 'who',
  where: 'where',
  when: 'when',
  why: 'why',
  how: 'how',
};
// "How many times" and "how often" both ask for a number.
const HOW: Record<string, QuestionType> = {
  many: 'how-much',
  much: 'how-much',
  often: 'how-much',
  long: 'how-long',
};

/**
 * The question words of a question by kind ("what happens when…" asks what, with a when in it);
 * yes-no for a question without one; null for a statement or request ("Explain RRF.", a claim),
 * which may be answered like any question about the same thing.
 */
export function questionTypes(text: string): Set<QuestionType> | null {
  const words = wordsOf(text);
  // A claim's "who" or "when" starts a clause, not a question: "men who experience…".
  const asks = /\?\s*$/u.test(text) || (words[0] !== undefined && words[0].lower in WH);
  if (!asks) return null;
  const types = new Set<QuestionType>();
  for (const [i, word] of words.entries()) {
    const type = WH[word.lower.replace(/['’]s$/u, '')];
    const next = words[i + 1]?.lower ?? '';
    if (type === 'how') types.add(HOW[next] ?? 'how');
    // "What happens when…" asks for a consequence, not for a thing.
    else if (type === 'what' && /^happen/u.test(next)) types.add('what-happens');
    else if (type) types.add(type);
  }
  return types.size > 0 ? types : new Set(['yes-no']);
}

/**
 * "how / where" when the two ask for kinds of answer that have nothing in common, or null. With
 * `strict` false, "what" passes with any other kind: "what is the way to…" asks how, "what is it
 * for" asks why.
 */
export function differentQuestionType(a: string, b: string, strict: boolean): string | null {
  const typesA = questionTypes(a);
  const typesB = questionTypes(b);
  if (!typesA || !typesB || [...typesA].some((type) => typesB.has(type))) return null;
  if (!strict && (typesA.has('what') || typesB.has('what'))) return null;
  return `${[...typesA].join('+')} / ${[...typesB].join('+')}`;
}
