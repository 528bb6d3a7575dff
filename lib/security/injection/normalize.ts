// Text normalisation for the injection detector: undoes the Unicode and spelling tricks attackers
// use to slip past keyword rules, and reports which tricks it saw (they are signals themselves).

/** Zero-width and invisible format characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen…). */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/g;
/** Bidirectional embedding, override and isolate controls (Trojan Source). */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Tag characters (U+E0000 block), used to hide ASCII text in emoji sequences. */
const TAGS = /[\u{e0000}-\u{e007f}]/gu;

/**
 * Look-alike letters NFKC leaves alone: Cyrillic and Greek letters that render as Latin ones.
 * Not the whole Unicode confusables table, only letters that occur inside Latin words.
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ɡ: 'g',
  ı: 'i',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  χ: 'x',
  ε: 'e',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');

/** Digits and symbols standing in for letters, applied only inside words that also hold letters. */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

export type Normalized = {
  /** Lowercase, NFKC, confusables mapped, diacritics and invisible characters removed, spaces collapsed. */
  text: string;
  /** `text` with leetspeak undone; equal to `text` when there was none. */
  unleet: string;
  /** Tricks seen in the raw text. */
  signals: {
    invisible: number;
    bidi: number;
    confusables: number;
    fullwidth: number;
    tags: number;
    spacedLetters: number;
  };
};

/** An invisible character between two Latin letters: inside a word, where no script needs one. */
const INVISIBLE_IN_WORD = new RegExp(`(?<=[A-Za-z])(?:${INVISIBLE.source})+(?=[A-Za-z])`, 'g');
const SPACED_LETTERS = /(?:^|\s)(?:\p{L} ){7,}\p{L}(?=\s|$|[.,!?])/gu;
const FULLWIDTH = /[\uff01-\uff5e]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const ANY_CONFUSABLE = new RegExp(CONFUSABLE_RE.source);

export function normalize(raw: string): Normalized {
  const spacedLetters = raw.match(SPACED_LETTERS)?.length ?? 0;
  // ASCII text (most passages) holds none of the characters the tricks use, and Unicode
  // normalisation leaves it as it is: only lowercasing and spacing apply.
  const ascii = !NON_ASCII.test(raw);
  // Invisible characters count only inside Latin words: some scripts separate words with ZWSP.
  const invisible = ascii ? 0 : (raw.match(INVISIBLE_IN_WORD)?.length ?? 0);
  const bidi = ascii ? 0 : (raw.match(BIDI)?.length ?? 0);
  const tags = ascii ? 0 : (raw.match(TAGS)?.length ?? 0);
  const fullwidth = ascii ? 0 : (raw.match(FULLWIDTH)?.length ?? 0);
  let text = raw;
  let confusables = 0;
  if (!ascii) {
    text = raw.replace(INVISIBLE, '').replace(BIDI, '').replace(TAGS, '').normalize('NFKC');
    // Confusables count only when mixed into Latin words: ordinary Cyrillic or Greek text is not a trick.
    if (ANY_CONFUSABLE.test(text)) {
      text = text.replace(/[\p{L}\p{M}]+/gu, (word) => {
        if (!/[a-z]/i.test(word)) return word;
        return word.replace(CONFUSABLE_RE, (ch) => {
          confusables++;
          return CONFUSABLES[ch] ?? ch;
        });
      });
    }
    text = text
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '');
  }
  text = text
    .toLowerCase()
    // Literal "\n" sequences typed into a question act as fake line breaks.
    .replace(/\\+\s?n/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
  return {
    text,
    unleet: unleet(text),
    signals: { invisible, bidi, confusables, fullwidth, tags, spacedLetters },
  };
}

/**
 * A word (a run of non-space) with a digit or one of @$!| before its last character: the only words
 * `unleet` can change, so the others are not handed to it one by one.
 */
const LEET_WORD = /(?<!\S)(?=\S*[0-9@$!|]\S)\S+/g;

function unleet(text: string): string {
  return text.replace(LEET_WORD, (token) => {
    if (!/[a-z]/.test(token)) return token;
    // Keep trailing punctuation, and tokens that are plain numbers with units ("10kg", "2023").
    const match = /^(.*?)([.,;:?!]*)$/.exec(token);
    const core = match?.[1] ?? token;
    const tail = match?.[2] ?? '';
    if (/^\d+[a-z]{0,3}$/.test(core) || /^[a-z]{1,3}\d+$/.test(core)) return token;
    return core.replace(/[0-9@$!|]/g, (ch) => LEET[ch] ?? ch) + tail;
  });
}

// Encoded runs that may hide a payload. Each regex tries every position of a text and rescans the
// word from each, so it runs only where a match can be: prose, nearly all text, cannot match at all.
export const BASE64_TOKEN = /[A-Za-z0-9+/]{20,}={0,2}|[A-Za-z0-9_-]{24,}/g;
export const HEX_RUN = /\b(?:[0-9a-fA-F]{2}[ :]?){12,}\b|(?:\\x[0-9a-fA-F]{2}){8,}/g;
const PERCENT_RUN = /(?:%[0-9a-fA-F]{2}){8,}/g;

/** Characters of a BASE64_TOKEN match (but its "=" padding): [A-Za-z0-9+/_-]. */
const isBase64Char = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 43 ||
  c === 47 ||
  c === 95 ||
  c === 45;
/** Characters of HEX_RUN's first form: [0-9a-fA-F :]. */
const isHexRunChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 32 || c === 58;

/**
 * `text.match(BASE64_TOKEN)`, run only on the runs of at least 20 characters of [A-Za-z0-9+/_-]
 * (with up to two "=" after them), where every match lies.
 */
export function base64Tokens(text: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isBase64Char(text.charCodeAt(i))) continue;
    if (i - start >= 20) {
      let end = i;
      while (end < i + 2 && text.charCodeAt(end) === 61) end++;
      tokens.push(...(text.slice(start, end).match(BASE64_TOKEN) ?? []));
    }
    start = i + 1;
  }
  return tokens;
}

/**
 * `text.match(HEX_RUN)`, run only when a match can be: its first form needs 24 characters in a row
 * of [0-9a-fA-F :], its second a "\x".
 */
export function hexRuns(text: string): string[] {
  let run = 0;
  let possible = text.includes('\\x');
  for (let i = 0; i < text.length && !possible; i++) {
    run = isHexRunChar(text.charCodeAt(i)) ? run + 1 : 0;
    possible = run >= 24;
  }
  return (possible && text.match(HEX_RUN)) || [];
}

/** Readable text: what a hidden instruction decodes to, unlike random bytes. */
function readable(text: string): boolean {
  const printable = text.replace(/[^\x20-\x7e\u00c0-\u017f\n]/g, '').length;
  return text.length >= 8 && printable / text.length > 0.95 && /[a-z]{3,} [a-z]{2,}/i.test(text);
}

/**
 * Hidden payloads in the raw text: base64, hex and percent-encoded runs that decode to readable text,
 * and the ROT13 reading of a text that mentions ROT13.
 */
export function decodePayloads(raw: string): string[] {
  const decoded: string[] = [];
  for (const token of base64Tokens(raw)) {
    // A word of letters only is far likelier an identifier than base64.
    if (!/[0-9+/=]/.test(token) && !/[A-Z].*[a-z].*[A-Z]/.test(token)) continue;
    decoded.push(Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  }
  for (const run of hexRuns(raw)) {
    decoded.push(Buffer.from(run.replace(/\\x|[ :]/g, ''), 'hex').toString('utf8'));
  }
  for (const run of (raw.includes('%') && raw.match(PERCENT_RUN)) || []) {
    try {
      decoded.push(decodeURIComponent(run));
    } catch {
      // Not valid UTF-8: not a text payload.
    }
  }
  if (/\brot-?13\b/i.test(raw)) {
    decoded.push(
      raw.replace(/[a-z]/gi, (ch) => {
        const base = ch <= 'Z' ? 65 : 97;
        return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
      }),
    );
  }
  return decoded.filter(readable);
}
