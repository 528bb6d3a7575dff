// Shared text analysis: the tokenizer and sentence splitter of local embeddings and the extractive model.

// Function words that carry no topic. Kept small on purpose: a long list starts to drop words that
// matter in technical text ("up", "down", "off", "not").
const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet if then else than that this these those there here ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs ' +
    'is am are was were be been being do does did doing done have has had having ' +
    'will would shall should can could may might must ' +
    'of to in on at by for with from into onto about as per via over under ' +
    'what which who whom whose when where why how ' +
    'all any some each every both either neither such own same other ' +
    'also just only very too much many more most ' +
    'please tell'
  ).split(' '),
);

// Scripts written without spaces between words: each character becomes its own token, which is a
// crude but useful stand-in for word segmentation.
const UNSPACED_SCRIPT = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
// WORD over lowercased ASCII, where a letter is a-z, a number 0-9, no mark exists, and the apostrophe
// is '. NFKC leaves ASCII as it is, and it holds no unspaced script: most text takes this path.
const ASCII_WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
const NON_ASCII = /[^\x00-\x7f]/;
const APOSTROPHE = /['’]/;

/** Lowercased words of a text in order, stopwords included, apostrophes folded ("don't" → "dont"). */
export function words(text: string): string[] {
  const found = NON_ASCII.test(text)
    ? text.normalize('NFKC').toLowerCase().replace(UNSPACED_SCRIPT, ' $1 ').match(WORD)
    : text.toLowerCase().match(ASCII_WORD);
  if (!found) return [];
  for (let i = 0; i < found.length; i++) {
    const word = found[i]!;
    if (APOSTROPHE.test(word)) found[i] = word.replace(/['’]s$/, '').replace(/['’]/g, '');
  }
  return found;
}

/** Whether a lowercased word is a stopword. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const VOWEL = /[aeiouy]/;
// Roots that end in what looks like a suffix and that the vowel rule below does not catch.
const NOT_A_SUFFIX = new Set([
  'embed',
  'hundred',
  'naked',
  'sacred',
  'wicked',
  'kindred',
  'during',
  'ceiling',
]);

/**
 * A light suffix stemmer for English: plurals, -ing, -ed and a final silent e, so that
 * "databases", "database", "storing", "stored" and "store" meet. Conservative on purpose:
 * a wrong merge hurts retrieval more than a missed one. Non-ASCII words pass through.
 */
export function stem(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.length === 3) return dropSilentE(w);

  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  const suffix = NOT_A_SUFFIX.has(w) ? 0 : /ing$/.test(w) ? 3 : /ed$/.test(w) ? 2 : 0;
  if (suffix > 0) {
    const base = w.slice(0, -suffix);
    // "string", "bring", "need", "shed": no vowel or too short left means it was not a suffix.
    if (base.length >= 2 && VOWEL.test(base) && !(suffix === 2 && base.endsWith('e'))) {
      w = base;
      // "running" → "run", but "install", "pass" and "add" keep their double letter.
      if (w.length > 3 && /([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    }
  }
  return dropSilentE(w);
}

// Dropping a final e makes "store"/"stored"/"storing" and "use"/"used"/"using" agree.
function dropSilentE(word: string): string {
  return word.length >= 3 && word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
}

/** Content words of a text, unstemmed: stopwords and single Latin letters removed. */
export function contentWords(text: string): string[] {
  return words(text).filter(
    (word) => !STOPWORDS.has(word) && !(word.length === 1 && word >= 'a' && word <= 'z'),
  );
}

/** Content words of a text, stemmed: the terms both retrieval scoring and local embeddings count. */
export function tokenize(text: string): string[] {
  return contentWords(text).map(stem);
}

// Words after which a period does not end a sentence.
const ABBREVIATIONS = new Set(
  'e.g i.e etc vs cf al approx fig mr mrs ms dr prof inc ltd co jr sr st dept est ca min max'.split(' '),
);

const FENCE = /^\s*(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const RULE = /^\s{0,3}(?:[-*_]\s*){3,}$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Blocks of running text in a markdown document: paragraphs, list items and table rows, with
 * code fences, headings and rules left out (they are not sentences an answer can quote).
 */
function textBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inListItem = false;
  let fence: string | null = null;
  const flush = () => {
    if (current.length > 0) blocks.push(current.join(' '));
    current = [];
    inListItem = false;
  };

  for (const rawLine of markdown.split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(rawLine);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      continue;
    }
    const line = rawLine.replace(/^\s{0,3}(?:>\s?)+/, '');
    if (SETEXT_UNDERLINE.test(line) && current.length > 0 && !inListItem) {
      current.pop(); // the line above was a heading, not text
      flush();
      continue;
    }
    if (line.trim() === '' || HEADING.test(line) || RULE.test(line) || TABLE_SEPARATOR.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      const cells = line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim())
        .filter(Boolean);
      blocks.push(cells.join('; '));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      current.push(line.slice(item[0].length).trim());
      inListItem = true;
      continue;
    }
    current.push(line.trim());
  }
  flush();
  return blocks;
}

/** Whether a period after this text is part of an abbreviation or an initial ("e.g.", "J. Smith"). */
function endsInAbbreviation(before: string): boolean {
  const last = (/(\S+)$/.exec(before)?.[1] ?? '').replace(/^[("'[]+/, '');
  return ABBREVIATIONS.has(last.toLowerCase()) || /^\p{Lu}$/u.test(last);
}

/** Splits one block of text into sentences at ., ! and ? followed by space and a likely sentence start. */
function splitBlock(block: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?…]+)(["')\]]*)\s+(?=["'(\[]?[\p{Lu}\p{N}`*_])|([。！？])/gu;
  let start = 0;
  for (const match of block.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const punctuation = match[1] ?? '';
    if (punctuation === '.' && endsInAbbreviation(block.slice(start, match.index))) continue;
    sentences.push(block.slice(start, end).trim());
    start = end;
  }
  sentences.push(block.slice(start).trim());
  return sentences;
}

/**
 * Sentences of a markdown text in document order. List items and table rows count as sentences
 * of their own; headings, rules and fenced code are left out.
 */
export function splitSentences(text: string): string[] {
  return textBlocks(text)
    .flatMap(splitBlock)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}
