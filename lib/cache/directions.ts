// Direction in a question: words on opposite sides of one scale ("increase"/"reduce", "before"/"after",
// "maximum"/"minimum", "men"/"women") and what a comparison is made against ("more than X", "compared
// to X", "from X to Y"). "Does X raise Y" and "does X lower Y" share every other word.
import { stem } from '@/lib/rag/text';
import { OPPOSITES } from './opposites';
import { isSignificant } from './substitution';
import { contentStemsOf, isContentPart, partsOf, withPhrasalVerbs, wordsOf } from './words';

type Axis = { name: string; sides: [Set<string>, Set<string>] };

const compiled: Axis[] = OPPOSITES.map((line) => {
  const [one, other] = line.split('|').map((side) => side.trim().split(/\s+/));
  const stems = (words: string[]) => new Set(words.map((word) => stem(word.toLowerCase())));
  return { name: `${one![0]}/${other![0]}`, sides: [stems(one!), stems(other!)] };
});

/** Which side of an axis a stem is on (0 or 1), by the stem or a longer form of it ("suppressor"). */
function sideOf(stemmed: string, sides: [Set<string>, Set<string>]): 0 | 1 | null {
  for (const index of [0, 1] as const) {
    if (sides[index].has(stemmed)) return index;
  }
  for (const index of [0, 1] as const) {
    for (const word of sides[index]) if (word.length >= 6 && stemmed.startsWith(word)) return index;
  }
  return null;
}

/** For each axis a text touches, the sides it names in order (hyphenated words also count whole). */
export function directionsOf(text: string): Map<string, Array<0 | 1>> {
  const stems = wordsOf(withPhrasalVerbs(text)).flatMap((word) => {
    const parts = partsOf(word.text);
    return parts.length > 1 ? [stem(parts.join('-')), ...parts.map(stem)] : parts.map(stem);
  });
  const found = new Map<string, Array<0 | 1>>();
  for (const axis of compiled) {
    const sides: Array<0 | 1> = [];
    for (const stemmed of stems) {
      const side = sideOf(stemmed, axis.sides);
      if (side !== null) sides.push(side);
    }
    if (sides.length > 0) found.set(axis.name, sides);
  }
  return found;
}

/**
 * An axis on which the texts point different ways, or null. Both must name the axis: a side named by
 * one text only ("does X increase Y" / "does X affect Y") is left to the similarity threshold. Texts
 * naming both sides ("low X with high Y") are compared by which words trade places (swappedRoles):
 * the order of the sides alone changes with every reordering paraphrase.
 */
export function oppositeDirection(a: string, b: string): string | null {
  const left = directionsOf(a);
  const right = directionsOf(b);
  for (const [axis, sidesA] of left) {
    const sidesB = right.get(axis);
    if (!sidesB) continue;
    const setA = new Set(sidesA);
    const setB = new Set(sidesB);
    if (setA.size !== setB.size || [...setA].some((side) => !setB.has(side))) return axis;
    // Both sides in both: the balance must hold ("promotes growth, suppressing …" / "suppresses
    // growth, suppressing …"); which words trade places is swappedRoles's question.
    const ups = (sides: Array<0 | 1>) => sides.filter((side) => side === 0).length;
    if (setA.size === 2 && (ups(sidesA) !== ups(sidesB) || sidesA.length !== sidesB.length)) return axis;
  }
  return null;
}

// What a comparison or a movement is made against: the words after the marker, up to a boundary.
const MARKERS: Array<{ kind: string; words: string[] }> = [
  { kind: 'comparison', words: ['than'] },
  { kind: 'comparison', words: ['compared', 'to'] },
  { kind: 'comparison', words: ['compared', 'with'] },
  { kind: 'comparison', words: ['comparison', 'to'] },
  { kind: 'comparison', words: ['comparison', 'with'] },
  { kind: 'comparison', words: ['relative', 'to'] },
  { kind: 'comparison', words: ['versus'] },
  { kind: 'comparison', words: ['vs'] },
  { kind: 'comparison', words: ['that', 'of'] },
  { kind: 'comparison', words: ['those', 'of'] },
  { kind: 'instead', words: ['instead', 'of'] },
  { kind: 'from', words: ['from'] },
];
// Words that end the thing compared against: a clause, or a phrase that places the whole statement
// ("more than warfarin in the elderly").
const BOUNDARY_WORDS = new Set(
  (
    'to into that which who whom where when while if because since although though but and or as is are was ' +
    'were in on at during among across within for after before per than compared versus vs from'
  ).split(' '),
);
const OBJECT_MAX_WORDS = 6;

/** The content stems each comparison marker of a text points at, by kind of marker. */
export function comparisonObjects(text: string): Map<string, string[][]> {
  const normal = text.normalize('NFKC');
  const words = wordsOf(normal);
  const objects = new Map<string, string[][]>();
  for (let i = 0; i < words.length; i++) {
    for (const marker of MARKERS) {
      if (!marker.words.every((word, k) => words[i + k]?.lower === word)) continue;
      const object: string[] = [];
      for (let j = i + marker.words.length; j < words.length && object.length < OBJECT_MAX_WORDS; j++) {
        const word = words[j]!;
        // A clause ends at punctuation between words.
        const gap = normal.slice(words[j - 1]!.start + words[j - 1]!.text.length, word.start);
        if (j > i + marker.words.length && /[,;:.!?()]/.test(gap)) break;
        if (BOUNDARY_WORDS.has(word.lower) && object.length > 0) break;
        for (const part of partsOf(word.text))
          if (isContentPart(part) || /\d/.test(part)) object.push(stem(part));
      }
      if (object.length === 0) continue;
      const list = objects.get(marker.kind) ?? [];
      list.push(object);
      objects.set(marker.kind, list);
      break;
    }
  }
  return objects;
}

const sameSet = (a: string[], b: string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((word) => right.has(word));
};

/** A comparison both texts make against different things ("more than X" / "more than Y"), or null. */
export function differentComparison(a: string, b: string): string | null {
  const left = comparisonObjects(a);
  const right = comparisonObjects(b);
  for (const [kind, objectsA] of left) {
    const objectsB = right.get(kind);
    if (!objectsB) continue;
    const unmatched = objectsA.find((object) => !objectsB.some((other) => sameSet(object, other)));
    if (unmatched) return `${kind} ${unmatched.join(' ')}`;
    const unmatchedB = objectsB.find((object) => !objectsA.some((other) => sameSet(object, other)));
    if (unmatchedB) return `${kind} ${unmatchedB.join(' ')}`;
  }
  return null;
}

/**
 * Two words, or two runs of words, that trade places around the same words between them: "Alice
 * reports to Bob" / "Bob reports to Alice", "does the job queue depend on the database" / "does the
 * database depend on the job queue". The passive swaps roles legitimately ("X supports Y" / "Y is
 * supported by X"), so a pair passes when one text only is in the passive voice or has "by" between
 * the two. Null when no such pair.
 */
export function swappedRoles(a: string, b: string): string | null {
  if (isPassive(a) !== isPassive(b)) return null;
  return swappedRuns(contentStemsOf(a), contentStemsOf(b)) ?? swappedWordPair(a, b);
}

// Relations that hold both ways round: "X is associated with Y" says "Y is associated with X". Only
// when nothing but the relation stands between the two: "low X correlates with high Y" is not "high
// X correlates with low Y".
const SYMMETRIC = new Set(
  'associat association correlat correlation relat relation link interact interaction connect similar equal'
    .split(' ')
    .map((word) => stem(word)),
);

/** X M Y in one and Y M X in the other, around a common beginning and end (all runs non-empty). */
function swappedRuns(a: string[], b: string[]): string | null {
  if (a.length !== b.length || a.join(' ') === b.join(' ') || !sameSet(a, b)) return null;
  let start = 0;
  while (a[start] === b[start]) start++;
  let end = 0;
  while (a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const left = a.slice(start, a.length - end);
  const right = b.slice(start, b.length - end);
  const n = left.length;
  for (let i = 1; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const [x, m, y] = [left.slice(0, i), left.slice(i, j), left.slice(j)];
      if (m.every((word) => SYMMETRIC.has(word))) continue;
      if ([...y, ...m, ...x].join(' ') === right.join(' ') && x.join(' ') !== y.join(' ')) {
        return `${x.join(' ')} … ${y.join(' ')}`;
      }
    }
  }
  return null;
}

/** One word each side of the same words, trading places; "by" in one text only lets it pass. */
function swappedWordPair(a: string, b: string): string | null {
  const spansA = positions(a);
  const spansB = positions(b);
  const shared = [...spansA.keys()].filter((word) => spansB.has(word));
  for (const x of shared) {
    for (const y of shared) {
      const [ax, ay, bx, by] = [spansA.get(x)!, spansA.get(y)!, spansB.get(x)!, spansB.get(y)!];
      if (!(ax.index < ay.index && by.index < bx.index)) continue;
      // Between the two, the words that carry meaning ("keep answering" is "answering").
      const betweenA = contentStemsOf(a.slice(ax.end, ay.start)).filter(isSignificant);
      const betweenB = contentStemsOf(b.slice(by.end, bx.start)).filter(isSignificant);
      if (betweenA.length === 0 || !sameSet(betweenA, betweenB)) continue;
      if (betweenA.every((word) => SYMMETRIC.has(word))) continue;
      const agentA = /\bby\b/iu.test(a.slice(ax.end, ay.start));
      const agentB = /\bby\b/iu.test(b.slice(by.end, bx.start));
      if (agentA !== agentB) continue;
      return `${x} … ${y}`;
    }
  }
  return null;
}

// A form of "be" or "get" and, within five words, a past participle: "is rendered", "are kept".
const PASSIVE =
  /\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\b(?:\s+[\p{L}-]+){0,5}?\s+(?:[\p{L}-]+(?:ed|en)|kept|built|made|done|shown|seen|written|given|taken|known|found|held|run|sent|set|put|read|led|met|paid|said|sold|told|thought|brought|bought|caught|taught|left|lost|meant|spent|split|cut|hit|hurt|let|shut|spread)\b/iu;

/** Whether a text says something in the passive voice ("how is an answer rendered"). */
export function isPassive(text: string): boolean {
  return PASSIVE.test(text.normalize('NFKC'));
}

/** Content stems that occur once in the text, with their word's order and span. */
function positions(text: string): Map<string, { index: number; start: number; end: number }> {
  const found = new Map<string, { index: number; start: number; end: number }>();
  const repeated = new Set<string>();
  wordsOf(text).forEach((word, index) => {
    for (const part of partsOf(word.text)) {
      if (!isContentPart(part)) continue;
      const stemmed = stem(part);
      if (found.has(stemmed)) repeated.add(stemmed);
      else found.set(stemmed, { index, start: word.start, end: word.start + word.text.length });
    }
  });
  for (const word of repeated) found.delete(word);
  return found;
}
