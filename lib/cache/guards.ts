// Whether a cached answer to one question may answer another that its embedding finds similar. A
// lexical embedding scores "does X support Y" and "does X not support Y" almost the same, and even a
// neural one is weak on negation, numbers and names; these checks refuse such pairs. Pure functions.
import { differentComparison, oppositeDirection, swappedRoles } from './directions';
import { missingEntity, swappedEntities } from './entities';
import { negationCount, prefixNegation } from './negation';
import { quantityDifference } from './numbers';
import { differentQuestionType } from './question-type';
import { narrowingWords, swappedWords, unmatchedWords } from './substitution';

export type GuardKind =
  'negation' | 'number' | 'entity' | 'direction' | 'comparison' | 'question' | 'substitution' | 'narrowing';

export type GuardVerdict = { ok: true } | { ok: false; guard: GuardKind; detail: string };

export type GuardOptions = {
  /**
   * Refuse when each question keeps a significant word the other lacks, or one has a rare word the
   * other lacks (`answerCache` in lib/config.ts).
   */
  requireAlignedWords: boolean;
};

/**
 * Compares a new question with a cached one. Refuses, naming the guard and what differs, when they
 * differ in negation (count of cues, or a negating prefix), in quantities (numbers, units, ordinals,
 * dates), in named things (names, acronyms, code, quoted text, rare terms), in direction (opposite
 * sides of a scale), in what a comparison is made against or who does what, in the kind of answer
 * asked for (how, why, where…), or (optionally) by a swapped word or a narrowing one.
 */
export function compareQuestions(
  a: string,
  b: string,
  options: GuardOptions = { requireAlignedWords: true },
): GuardVerdict {
  const negationsA = negationCount(a);
  const negationsB = negationCount(b);
  if (negationsA !== negationsB) {
    return { ok: false, guard: 'negation', detail: `${negationsA} negation(s) vs ${negationsB}` };
  }
  const prefixed = prefixNegation(a, b) ?? prefixNegation(b, a);
  if (prefixed) return { ok: false, guard: 'negation', detail: prefixed };

  const quantity = quantityDifference(a, b);
  if (quantity) return { ok: false, guard: 'number', detail: quantity };

  const entity = missingEntity(a, b) ?? swappedEntities(a, b);
  if (entity) return { ok: false, guard: 'entity', detail: entity };

  const direction = oppositeDirection(a, b);
  if (direction) return { ok: false, guard: 'direction', detail: direction };

  const comparison = differentComparison(a, b) ?? swappedRoles(a, b);
  if (comparison) return { ok: false, guard: 'comparison', detail: comparison };

  // A different kind of answer asked for: refused outright unless one of them asks "what", which
  // can ask for anything; then only when one also has a significant word the other lacks.
  const unmatched = unmatchedWords(a, b);
  const oneSided = unmatched.onlyA.length > 0 || unmatched.onlyB.length > 0;
  const questionType = differentQuestionType(a, b, oneSided);
  if (questionType) return { ok: false, guard: 'question', detail: questionType };

  if (options.requireAlignedWords) {
    const swapped = swappedWords(a, b);
    if (swapped) return { ok: false, guard: 'substitution', detail: swapped };
    const narrowing = narrowingWords(a, b);
    if (narrowing) return { ok: false, guard: 'narrowing', detail: narrowing };
  }
  return { ok: true };
}
