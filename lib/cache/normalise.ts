// The exact key of a cached answer: the question normalised so that case, spacing, Unicode form and
// closing punctuation do not matter, and its SHA-256.
import { createHash } from 'node:crypto';

// Zero-width characters a copy and paste can carry in; they change nothing a reader sees.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const TRAILING_PUNCTUATION = /[\s.?!…;:,。？！、؟]+$/u;

/**
 * NFKC, case-folded (upper then lower case, which folds "ß" to "ss" and final sigma to sigma),
 * whitespace collapsed, closing punctuation dropped: "  What is  RRF?? " → "what is rrf".
 */
export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toUpperCase()
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(TRAILING_PUNCTUATION, '');
}

/** SHA-256 (hex) of the normalised question: the exact-match key. */
export function questionHash(question: string): string {
  return createHash('sha256').update(normaliseQuestion(question)).digest('hex');
}
