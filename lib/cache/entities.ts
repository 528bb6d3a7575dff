// Named things in a question: names (capitalised words that do not start a sentence), acronyms and
// mixed-case names ("HNSW", "PostgreSQL", "iPhone"), words with digits ("GNB1", "gpt-4o", "v2"),
// code (paths, file names, snake_case, `backticks`, commands, e-mail addresses), quoted strings,
// and rare terms no general English word list knows ("pgvector", "sildenafil"). A question about
// one of them is not answered by an answer about another.
import { wordWeight } from '@/lib/ai/local/word-weights';
import { stem } from '@/lib/rag/text';
import { wordsOf } from './words';

export type Entity = { text: string; parts: string[]; kind: 'name' | 'code' | 'quoted' | 'term' };

/**
 * Weight (lib/ai/local/word-weights.ts) from which a lowercase word counts as a rare term: 0.9 and
 * above means the SUBTLEX-US list of 74,000 words has it at most a few times (product and drug names,
 * jargon, typos), while "docker" (0.85) or "windows" (0.51) are not rare enough to tell.
 */
const RARE_TERM_WEIGHT = 0.9;
/** Share of capitalised words from which a text is in title case (or shouted), so capitals say nothing. */
const TITLE_CASE_SHARE = 0.6;

const CODE_PATTERNS: RegExp[] = [
  /`([^`]+)`/gu, // `inline code`
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu, // e-mail addresses
  /(?:[\w.@-]*\/)+[\w.@%+~:-]+\/?/gu, // paths and URLs: /api/v1/query, docs/ARCHITECTURE.md, @ai-sdk/openai
  /\b[\p{L}\p{N}-]*\p{L}[\p{L}\p{N}-]*(?:\.[\p{L}\p{N}_-]+)+/gu, // dotted names: config.ts, hnsw.ef_search
  /\b\w*\p{L}\w*_\w+/gu, // snake_case and ENV_NAMES
  /\b\p{L}[\w-]*:\p{L}[\w-]*/gu, // commands such as apikey:create
  /(?:^|\s)(--?\p{L}[\w-]*)/gu, // flags
  /\b\w+\(\)/gu, // calls
];
const QUOTED: RegExp[] = [
  /"([^"]{1,80})"/gu,
  /“([^”]{1,80})”/gu,
  /«([^»]{1,80})»/gu,
  /(?:^|\s)'([^']{1,80})'(?=[\s.,;:!?)]|$)/gu,
];
// Dotted abbreviations are not names: "e.g", "i.e", "U.S".
const ABBREVIATION = /^(?:\p{L}{1,2}\.)+\p{L}{0,2}\.?$/u;

/** Lowercased, stemmed alphanumeric runs: how both the entity and the other text are compared. */
export function flatParts(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/gu, '')
    .replace(/['’]/gu, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map(stem);
}

const isRare = (part: string) => /^\p{L}{4,}$/u.test(part) && wordWeight(stem(part)) >= RARE_TERM_WEIGHT;

export function entitiesOf(text: string): Entity[] {
  const normal = text.normalize('NFKC');
  const entities: Entity[] = [];
  const add = (value: string, kind: Entity['kind']) => {
    const parts = flatParts(value);
    if (parts.length > 0) entities.push({ text: value, parts, kind });
  };

  for (const pattern of CODE_PATTERNS) {
    for (const match of normal.matchAll(pattern)) {
      const value = match[1] ?? match[0];
      // Only digits and dots is a number or version: the number guard's.
      if (/^[\d.,]+$/.test(value) || ABBREVIATION.test(value)) continue;
      add(value.trim(), 'code');
    }
  }
  for (const pattern of QUOTED) for (const match of normal.matchAll(pattern)) add(match[1]!, 'quoted');

  const words = wordsOf(normal);
  const alphabetic = words.filter((word) => /^\p{L}/u.test(word.text) && word.text.length > 1);
  const capitalised = alphabetic.filter((word) => /^\p{Lu}/u.test(word.text)).length;
  // In "How Do I Install On Linux" or "HOW DO I INSTALL" capitals mark nothing: only rare words count.
  const capitalsMeanNothing = alphabetic.length >= 3 && capitalised / alphabetic.length >= TITLE_CASE_SHARE;

  for (const word of words) {
    const value = word.text;
    const hasDigit = /\p{N}/u.test(value);
    const hasLetter = /\p{L}/u.test(value);
    const uppercase = value.match(/\p{Lu}/gu)?.length ?? 0;
    if (hasDigit && hasLetter) add(value, 'name');
    else if (!capitalsMeanNothing && (uppercase >= 2 || /\p{Ll}\p{Lu}/u.test(value))) add(value, 'name');
    else if (!capitalsMeanNothing && /^\p{Lu}\p{Ll}/u.test(value) && !word.sentenceStart) add(value, 'name');
    // A capital letter alone names something too: "T cells" / "B cells", "vitamin D", "plan A".
    else if (!capitalsMeanNothing && /^\p{Lu}$/u.test(value) && value !== 'I' && !word.sentenceStart)
      add(value, 'name');
    else {
      for (const part of value.toLowerCase().split('-')) if (isRare(part)) add(part, 'term');
    }
  }
  return entities;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether two stems are forms of one word: a shared beginning of 4+ letters and most of the shorter. */
export function sameWordFamily(a: string, b: string): boolean {
  if (a === b) return true;
  if (!/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(b)) return false;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 4 && common >= 0.75 * Math.min(a.length, b.length);
}

function present(entity: Entity, parts: string[]): boolean {
  if (containsRun(parts, entity.parts)) return true;
  // A rare term may come in another form: "ingested" / "ingestion", "iPSC" / "iPSCs".
  return entity.kind === 'term' && parts.some((part) => sameWordFamily(part, entity.parts[0]!));
}

/** An entity of `a` that `b` does not mention, else one of `b` that `a` does not; null when none. */
export function missingEntity(a: string, b: string): string | null {
  const partsA = flatParts(a);
  const partsB = flatParts(b);
  for (const entity of entitiesOf(a)) if (!present(entity, partsB)) return entity.text;
  for (const entity of entitiesOf(b)) if (!present(entity, partsA)) return entity.text;
  return null;
}

/**
 * Two entities whose mentions move in opposite directions between the texts ("Varenicline beats
 * varenicline with bupropion" / "Bupropion beats varenicline with bupropion"): the same words, other
 * roles. Null when no mention count goes up while another goes down.
 */
export function swappedEntities(a: string, b: string): string | null {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const entity of entitiesOf(text)) {
      const key = entity.parts.join(' ');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const countsA = count(a);
  const countsB = count(b);
  const keys = new Set([...countsA.keys(), ...countsB.keys()]);
  const more = [...keys].find((key) => (countsA.get(key) ?? 0) > (countsB.get(key) ?? 0));
  const fewer = [...keys].find((key) => (countsA.get(key) ?? 0) < (countsB.get(key) ?? 0));
  return more !== undefined && fewer !== undefined ? `${more} / ${fewer}` : null;
}
