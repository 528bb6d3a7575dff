// Person names, found locally: compromise's people tagger (lexicon and grammar rules, no model
// download), plus names introduced by a cue ("my name is", "Name:", an honorific) that the tagger's
// English-centred lexicon misses. The weakest detector here: see docs/SECURITY.md for its figures.
import nlp from 'compromise';
import type { PiiSpan } from './types';

const namePart = String.raw`\p{Lu}[\p{L}'’-]*\.?`;
const cuedPattern = new RegExp(
  String.raw`(?:\b(?:my name is|name is|name:|i am called|call me|signed,?)|\b(?:mr|mrs|ms|miss|dr|prof)\.?)[ \t]+(${namePart}(?:[ \t]${namePart}){0,3})`,
  'giu',
);

interface PersonTerm {
  text: string;
  offset: { start: number; length: number };
}

/** Trims the punctuation and possessive "'s" that the tagger leaves on a name's edges. */
function trimmed(text: string, start: number, end: number): PiiSpan | undefined {
  let value = text.slice(start, end);
  // A title ("Dr.", "Mrs") is not part of the name.
  const lead = value.length - value.replace(/^\s*(?:(?:mr|mrs|ms|miss|dr|prof)\.?\s+)?/iu, '').length;
  value = value
    .slice(lead)
    .trimEnd()
    .replace(/(?:['’]s)?[\s.,;:!?)"'’]*$/u, '');
  start += lead;
  // A name has a letter and starts with a capital; the tagger also tags lower-case pronoun-like words.
  if (!/^\p{Lu}/u.test(value)) return undefined;
  return { type: 'PERSON', start, end: start + value.length, value };
}

export function findPersons(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const people = nlp(text).people().json({ offset: true }) as PersonTerm[];
  for (const person of people) {
    const span = trimmed(text, person.offset.start, person.offset.start + person.offset.length);
    if (span) spans.push(span);
  }
  for (const match of text.matchAll(cuedPattern)) {
    const name = match[1] ?? '';
    const start = match.index + match[0].length - name.length;
    const span = trimmed(text, start, start + name.length);
    if (span) spans.push(span);
  }
  return spans;
}
