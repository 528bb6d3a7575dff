// Guessing a document's language, as the Postgres text search configuration its full-text index uses.
import { languageScores } from './language-scores';

/** Text search configurations that stock Postgres 15 and later ship: the only names accepted. */
export const textSearchConfigs = [
  'simple',
  'arabic',
  'armenian',
  'basque',
  'catalan',
  'danish',
  'dutch',
  'english',
  'finnish',
  'french',
  'german',
  'greek',
  'hindi',
  'hungarian',
  'indonesian',
  'irish',
  'italian',
  'lithuanian',
  'nepali',
  'norwegian',
  'portuguese',
  'romanian',
  'russian',
  'serbian',
  'spanish',
  'swedish',
  'tamil',
  'turkish',
  'yiddish',
] as const;

export type TextSearchConfig = (typeof textSearchConfigs)[number];

export function isTextSearchConfig(name: string): name is TextSearchConfig {
  return (textSearchConfigs as readonly string[]).includes(name);
}

/** franc's ISO 639-3 codes for the languages Postgres has a stemmer for. */
const CONFIG_BY_CODE: Record<string, TextSearchConfig> = {
  arb: 'arabic',
  hye: 'armenian',
  eus: 'basque',
  cat: 'catalan',
  dan: 'danish',
  nld: 'dutch',
  eng: 'english',
  fin: 'finnish',
  fra: 'french',
  deu: 'german',
  ell: 'greek',
  hin: 'hindi',
  hun: 'hungarian',
  ind: 'indonesian',
  gle: 'irish',
  ita: 'italian',
  lit: 'lithuanian',
  npi: 'nepali',
  nob: 'norwegian',
  nno: 'norwegian',
  por: 'portuguese',
  ron: 'romanian',
  rus: 'russian',
  srp: 'serbian',
  spa: 'spanish',
  swe: 'swedish',
  tam: 'tamil',
  tur: 'turkish',
  ydd: 'yiddish',
};

/** Below this many letters a guess is noise; English, the most common case, is the safe default. */
const MIN_LETTERS = 40;
/** franc reads 2,048 characters; a sample from start, middle and end beats a title page alone. */
const SAMPLE_WINDOW = 680;
/** A language Postgres cannot stem wins only if it scores clearly above the best one it can. */
const MARGIN = 0.03;
/** Below this many letters, franc's top guesses often sit within a few percent of each other... */
const SURE_LETTERS = 300;
/** ...and a runner-up this close (of another configuration) makes the guess a coin toss. */
const SHORT_TEXT_MARGIN = 0.04;

/** Prose of a Markdown text: code, links and markup are the same in every language. */
function prose(text: string): string {
  return text
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#>*_|[\]`~=-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Three windows of `size` characters, from the start, the middle and the end. */
function sample(text: string, size: number): string {
  if (text.length <= size * 3) return text;
  const middle = Math.floor(text.length / 2 - size / 2);
  return [0, middle, text.length - size].map((start) => text.slice(start, start + size)).join('\n\n');
}

/** Scripts written without spaces or stemmers (Chinese, Japanese, Korean, Thai…): 'simple' at once. */
const UNSTEMMED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

export type ScriptCounts = { letters: number; latin: number; unstemmed: number };

/**
 * Code points of a text that are letters, that are of the Latin script, and that are of a script
 * without a stemmer, in one pass: ASCII, most of most texts, is told apart without a regex.
 */
export function scriptCounts(text: string): ScriptCounts {
  const counts = { letters: 0, latin: 0, unstemmed: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const lower = code | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) {
        counts.letters++;
        counts.latin++;
      }
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    i += char.length - 1;
    if (LETTER.test(char)) counts.letters++;
    if (LATIN.test(char)) counts.latin++;
    if (UNSTEMMED_SCRIPT.test(char)) counts.unstemmed++;
  }
  return counts;
}

/**
 * The text search configuration for a text: its detected language when Postgres has a stemmer for
 * it, 'simple' (no stemming, no stop words) when the language is clearly one without, and 'english'
 * when Latin-script text is too short or the guess too uncertain to say.
 */
export function detectLanguage(text: string): TextSearchConfig {
  // Sampled before cleaning too, so a long document costs no more than a short one.
  const clean = prose(sample(text, SAMPLE_WINDOW * 6));
  const counts = scriptCounts(clean);
  const { letters } = counts;
  if (counts.unstemmed > letters / 2) return 'simple';
  const latin = counts.latin >= letters / 2;
  if (letters < MIN_LETTERS) return latin ? 'english' : 'simple';

  const scores = languageScores(sample(clean, SAMPLE_WINDOW), MIN_LETTERS);
  const [bestCode, bestScore] = scores[0] ?? ['und', 0];
  if (bestCode === 'und') return latin ? 'english' : 'simple';
  const configOf = (code: string) => CONFIG_BY_CODE[code] ?? 'simple';
  const known = scores.find(([code]) => code in CONFIG_BY_CODE);
  // franc confuses close languages (Scots for English, Galician for Portuguese); prefer a stemmer.
  const best = known && bestScore - known[1] <= MARGIN ? configOf(known[0]) : configOf(bestCode);
  if (letters >= SURE_LETTERS || !latin) return best;
  // On short text the guesses sit close together: a language without a stemmer, or another
  // configuration close behind, is a coin toss, and English the better bet.
  const rival = scores.find(([code]) => configOf(code) !== best);
  return best === 'simple' || (rival && bestScore - rival[1] < SHORT_TEXT_MARGIN) ? 'english' : best;
}
