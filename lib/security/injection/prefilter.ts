// Which rules can match a text at all, found in one pass: every rule needs some word of its own to
// match ("ignore" or "disregard", "instructions" or "prompt"…), read off its pattern, and one scan
// of the text for all those words tells which rules are worth running. Most text holds none of a
// rule's words, so most of the 88 patterns never run on it; the verdict is the same as running every
// rule (a rule is skipped only when its pattern cannot match).
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/** Shorter required strings ("a ", "is") occur in nearly every text and filter nothing. */
const MIN_LITERAL_LENGTH = 3;

/** Strings one of which every match contains; null when no such set is known (the rule always runs). */
type Requirement = string[] | null;

function usable(requirement: Requirement): Requirement {
  return requirement && requirement.every((s) => s.length >= MIN_LITERAL_LENGTH) ? requirement : null;
}

/** The more selective of two requirements: longer shortest string, then fewer strings. */
function better(a: Requirement, b: Requirement): Requirement {
  if (!a) return b;
  if (!b) return a;
  const shortest = (r: string[]) => Math.min(...r.map((s) => s.length));
  if (shortest(a) !== shortest(b)) return shortest(a) > shortest(b) ? a : b;
  return a.length <= b.length ? a : b;
}

/** A match of one of the alternatives contains what that alternative requires: the union, if each requires something. */
function ofAlternatives(alternatives: readonly AST.Alternative[]): Requirement {
  const parts = alternatives.map(ofAlternative);
  if (parts.some((part) => part === null)) return null;
  return [...new Set((parts as string[][]).flat())];
}

/**
 * A sequence's match contains the match of each of its elements, so it requires whatever its most
 * selective element requires; a run of plain characters requires itself.
 */
function ofAlternative(alternative: AST.Alternative): Requirement {
  let requirement: Requirement = null;
  let run = '';
  const endRun = () => {
    if (run) requirement = better(requirement, usable([run]));
    run = '';
  };
  for (const element of alternative.elements) {
    if (element.type === 'Character') {
      run += String.fromCodePoint(element.value);
      continue;
    }
    endRun();
    requirement = better(requirement, ofElement(element));
  }
  endRun();
  return requirement;
}

function ofElement(element: AST.Element): Requirement {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return usable(ofAlternatives(element.alternatives));
    case 'Quantifier':
      return element.min >= 1 ? ofElement(element.element) : null;
    case 'Character':
      return usable([String.fromCodePoint(element.value)]);
    default:
      // Classes, sets, assertions and backreferences match many strings or none.
      return null;
  }
}

/**
 * Strings one of which occurs in every text `pattern` matches (read from its syntax), or null when
 * none can be said: a case-insensitive pattern, or one whose every part is optional or a class.
 */
export function requiredLiterals(pattern: RegExp): string[] | null {
  if (pattern.flags.includes('i')) return null;
  const { pattern: ast } = parseRegExpLiteral(pattern);
  return usable(ofAlternatives(ast.alternatives));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export type Prefilter = {
  /** Indexes of the patterns that may match one of `texts`. */
  candidates(texts: readonly string[]): Set<number>;
};

/** A prefilter for `patterns`, in their order. */
export function compilePrefilter(patterns: readonly RegExp[]): Prefilter {
  const requirements = patterns.map(requiredLiterals);
  const always = requirements.flatMap((requirement, index) => (requirement ? [] : [index]));
  const literals = [...new Set(requirements.flatMap((requirement) => requirement ?? []))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1),
  );
  // Where several literals start at one place the scan reports the longest, and the others are its
  // prefixes: each literal stands for the patterns needing it or any of its prefixes.
  const patternsOf = new Map<string, number[]>(
    literals.map((literal) => [
      literal,
      requirements.flatMap((requirement, index) =>
        requirement?.some((needed) => literal.startsWith(needed)) ? [index] : [],
      ),
    ]),
  );
  // A lookahead tries every position, so literals that overlap are all seen.
  const scanner =
    literals.length > 0 ? new RegExp(`(?=(${literals.map(escapeRegExp).join('|')}))`, 'g') : null;

  return {
    candidates(texts) {
      const found = new Set<number>(always);
      if (!scanner) return found;
      const seen = new Set<string>();
      for (const text of texts) {
        for (const hit of text.matchAll(scanner)) {
          const literal = hit[1]!;
          if (seen.has(literal)) continue;
          seen.add(literal);
          for (const index of patternsOf.get(literal)!) found.add(index);
        }
      }
      return found;
    },
  };
}
