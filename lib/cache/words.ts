// The words of a question as the guards read them: original case, position, whether a sentence starts
// there, and lowercased stems of the content words (hyphenated words counted by their parts).
import { isStopword, stem } from '@/lib/rag/text';

export type Word = {
  /** As written (NFKC), hyphens and apostrophes inside kept: "UCP1-dependent", "don't". */
  text: string;
  lower: string;
  /** Offset in the NFKC text. */
  start: number;
  /** First word of the text or of a sentence (after . ! ? : or a line break). */
  sentenceStart: boolean;
};

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?:;]["'”’)\]]*\s|\n/;

// Words that ask rather than say, or only soften: they never decide what a question is about.
const FILLERS = new Set(
  'exactly actually really basically kindly simply explain describe know want like way thing things able'.split(
    ' ',
  ),
);

export function wordsOf(text: string): Word[] {
  const normal = text.normalize('NFKC');
  const out: Word[] = [];
  let last = 0;
  for (const match of normal.matchAll(WORD)) {
    const gap = normal.slice(last, match.index);
    out.push({
      text: match[0],
      lower: match[0].toLowerCase(),
      start: match.index,
      sentenceStart: out.length === 0 || SENTENCE_END.test(gap),
    });
    last = match.index + match[0].length;
  }
  return out;
}

/** A word's parts: split at hyphens, apostrophes folded ("don't" → "dont", "Alice's" → "alice"). */
export function partsOf(word: string): string[] {
  return word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/['’]/gu, '')
    .split('-')
    .filter(Boolean);
}

/** Stems of every part of every word, in order (stopwords included). */
export function stemsOf(text: string): string[] {
  return wordsOf(text).flatMap((word) => partsOf(word.text).map(stem));
}

/** Whether a lowercased part says something about the topic (not a stopword, filler or lone letter). */
export function isContentPart(part: string): boolean {
  return !isStopword(part) && !FILLERS.has(part) && !/^\p{L}$/u.test(part);
}

/** Stems of the content parts, in order. */
export function contentStemsOf(text: string): string[] {
  return wordsOf(text)
    .flatMap((word) => partsOf(word.text))
    .filter(isContentPart)
    .map(stem);
}

// Two-word verbs written as one, so "turned off" meets "disabled" and "set up" meets "configure".
const PHRASES: Array<[RegExp, string]> = [
  [/\b(?:turn|turns|turned|turning|switch|switches|switched|switching)\s+on\b/giu, 'enable'],
  [/\b(?:turn|turns|turned|turning|switch|switches|switched|switching)\s+off\b/giu, 'disable'],
  [/\b(?:shut|shuts|shutting)\s+down\b/giu, 'stop'],
  [/\b(?:set|sets|setting)\s+up\b/giu, 'configure'],
  [/\b(?:find|finds|found|finding)\s+out\b/giu, 'learn'],
  [/\b(?:look|looks|looked|looking)\s+up\b/giu, 'find'],
];

/** The text with common two-word verbs replaced by one word of the same sense. */
export function withPhrasalVerbs(text: string): string {
  return PHRASES.reduce((out, [pattern, word]) => out.replace(pattern, word), text.normalize('NFKC'));
}
