// Whether a cached answer to one question may answer another that its embedding finds similar. A
// lexical embedding scores "does X support Y" and "does X not support Y" almost the same, and even a
// neural one is weak on negation, numbers and names; these checks refuse such pairs. Pure functions.
import { differentComparison, oppositeDirection, swappedRoles } from './directions';
import { missingEntity, swappedEntities } from './entities';
import { negationCount, prefixNegation } from './negation';
import { quantityDifference } from './numbers';
import { swappedWords } from './substitution';

export type GuardKind = 'negation' | 'number' | 'entity' | 'direction' | 'comparison' | 'substitution';

export type GuardVerdict = { ok: true } | { ok: false; guard: GuardKind; detail: string };

export type GuardOptions = {
  /** Refuse when each question keeps a significant word the other lacks (lib/cache/settings.ts). */
  requireAlignedWords: boolean;
};

/**
 * Compares a new question with a cached one. Refuses, naming the guard and what differs, when they
 * differ in negation (count of cues, or a negating prefix), in quantities (numbers, units, ordinals,
 * dates), in named things (names, acronyms, code, quoted text, rare terms), in direction (opposite
 * sides of a scale), in what a comparison is made against, or (optionally) by a swapped word.
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

  if (options.requireAlignedWords) {
    const swapped = swappedWords(a, b);
    if (swapped) return { ok: false, guard: 'substitution', detail: swapped };
  }
  return { ok: true };
}
