// Word alignment of two questions: each significant content word of one must appear in the other, as
// itself, another form of it ("chunked"/"chunking") or a listed synonym ("remove"/"delete"). When both
// keep a significant word the other lacks, one thing was swapped for another ("in mice"/"in rats"),
// which a lexical embedding cannot tell from a paraphrase.
import { wordWeight } from '@/lib/ai/local/word-weights';
import { stem } from '@/lib/rag/text';
import { sameWordFamily } from './entities';
import { contentStemsOf, stemsOf, withPhrasalVerbs } from './words';

/**
 * Weight (lib/ai/local/word-weights.ts) from which an unmatched word counts: "men" (0.44) and "rats"
 * (0.53) do, "get" or "thing" (under 0.4) do not.
 */
const SIGNIFICANT_WEIGHT = 0.42;
/**
 * Weight from which a word only one question has narrows it: "what does the job do on failure"
 * (0.60) is not "what does the job do", while "the command" (0.55) or "the service" (0.52) added to a
 * question seldom change what it asks.
 */
const NARROWING_WEIGHT = 0.58;

// General-purpose synonyms of questions about software and of scientific claims. A word may be in
// several groups. Kept small: every pair here is one a false hit could ride on.
const SYNONYMS: string[] = [
  'create make generate produce',
  'start launch run boot begin initiate',
  'stop halt terminate quit shut',
  'delete remove erase purge discard',
  'change modify alter edit update adjust',
  'show display indicate demonstrate reveal exhibit',
  'need require necessary needed required must',
  'allow permit let',
  'big large huge bigger larger biggest largest',
  'small little tiny smaller smallest',
  'fast quick rapid quickly rapidly speedy',
  'get obtain fetch retrieve acquire',
  'find locate',
  'fix repair resolve',
  'error failure fault',
  'help assist',
  'answer reply response respond return',
  'question query',
  'person people individual individuals persons',
  'cost price charge fee',
  'limit cap',
  'cause lead result trigger',
  'associate association associated link linked relate related relation relationship correlate correlation connected',
  'risk chance likelihood probability odds',
  'effect impact influence affect',
  'increase raise elevate boost augment rise',
  'decrease reduce lower lessen diminish decline',
  'inhibit suppress prevent block repress hinder impede attenuate',
  'promote induce activate stimulate encourage facilitate',
  'improve enhance',
  'worsen impair damage harm deteriorate aggravate exacerbate',
  'often frequently commonly usually regularly',
  'rarely seldom infrequently',
  'important crucial essential critical vital major',
  'difficult hard tough',
  'easy simple',
  'configure configuration config setup',
  'app application program',
  'doc docs document documents',
  'store save keep retain persist preserve hold kept',
  'contain include comprise hold',
  'use utilise utilize employ',
  'choose select pick',
  'happen occur',
  'method approach',
  'purpose goal aim',
  'merge combine fuse join',
  'split divide',
  'chunk passage segment',
  'through via',
  'protect protective',
  'same identical',
  'characterize characterise',
];

const groups = new Map<string, Set<number>>();
SYNONYMS.forEach((line, index) => {
  for (const word of line.split(' ')) {
    const key = stem(word);
    const set = groups.get(key) ?? new Set<number>();
    set.add(index);
    groups.set(key, set);
  }
});

function synonyms(a: string, b: string): boolean {
  const left = groups.get(a);
  const right = groups.get(b);
  return left !== undefined && right !== undefined && [...left].some((group) => right.has(group));
}

const matches = (word: string, others: string[]) =>
  others.some((other) => other === word || sameWordFamily(word, other) || synonyms(word, other));

// Numbers, in digits or words, are the number guard's ("10" and "ten" agree there).
const NUMBER_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand ' +
    'million billion single dozen twice half'
  )
    .split(' ')
    .map(stem),
);

/** Whether a content stem carries enough meaning to count when it is unmatched (numbers are left out). */
export const isSignificant = (word: string) =>
  !/^\p{N}+$/u.test(word) && !NUMBER_WORDS.has(word) && wordWeight(word) >= SIGNIFICANT_WEIGHT;

/** The significant content words of `a` that `b` does not match, and those of `b` that `a` does not. */
export function unmatchedWords(a: string, b: string): { onlyA: string[]; onlyB: string[] } {
  const [phrasedA, phrasedB] = [withPhrasalVerbs(a), withPhrasalVerbs(b)];
  // A content word may be matched by any word of the other, stopwords included ("identical"/"same").
  const allA = [...new Set(stemsOf(phrasedA))];
  const allB = [...new Set(stemsOf(phrasedB))];
  return {
    onlyA: [...new Set(contentStemsOf(phrasedA))].filter(
      (word) => isSignificant(word) && !matches(word, allB),
    ),
    onlyB: [...new Set(contentStemsOf(phrasedB))].filter(
      (word) => isSignificant(word) && !matches(word, allA),
    ),
  };
}

/** "mice / rats" when both questions keep a significant word the other lacks; null otherwise. */
export function swappedWords(a: string, b: string): string | null {
  const { onlyA, onlyB } = unmatchedWords(a, b);
  return onlyA.length > 0 && onlyB.length > 0 ? `${onlyA.join(' ')} / ${onlyB.join(' ')}` : null;
}

// Words that name who does something in general, or only mark a comparison: saying them or leaving
// them out does not narrow a question ("how is X parsed" / "how does the app parse X").
const NOT_NARROWING = new Set(
  (
    'app application service system program software tool platform compared comparison versus relative ' +
    'contain include have exist available'
  )
    .split(' ')
    .map(stem),
);

/** "+failure" when one question has a word rare enough to narrow it that the other lacks; or null. */
export function narrowingWords(a: string, b: string): string | null {
  const { onlyA, onlyB } = unmatchedWords(a, b);
  const narrowing = [...onlyA, ...onlyB].filter(
    (word) => wordWeight(word) >= NARROWING_WEIGHT && !NOT_NARROWING.has(word),
  );
  return narrowing.length > 0 ? narrowing.map((word) => `+${word}`).join(' ') : null;
}
