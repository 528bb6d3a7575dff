// The bias screen: a generated answer checked for biased or non-inclusive language with
// retext-equality (English) plus the organisation's own term lists (lib/config.ts `bias`). A hit in the
// answer's own words queues it for review; a hit inside a quotation the answer took verbatim from a
// retrieved passage is recorded as quoted, since the words are the document's (docs/GOVERNANCE.md).
import { retext } from 'retext';
import retextEquality from 'retext-equality';
import { bias } from '@/lib/config';

export type BiasFlag = {
  /** The words as the answer wrote them. */
  term: string;
  /** retext-equality's rule id (e.g. `chairman-chairwoman`), or `term-list` for a configured term. */
  rule: string;
  source: 'retext-equality' | 'term-list';
  message: string;
  /** Words that may be better, when the list has any. */
  suggestions: string[];
  /** Inside a quotation found verbatim in a retrieved passage: the document's words, not the answer's. */
  quoted: boolean;
  /** The number of that passage ([n] in the answer), when quoted. */
  passage?: number;
};

export type ExtraTerm = { term: string; suggestions?: readonly string[]; message?: string };

export type BiasScreenOptions = {
  extraTerms: readonly ExtraTerm[];
  ignoreTerms: readonly string[];
  /** Accept "he or she" and similar pairs (retext-equality's `binary`). */
  allowBinaryPairs: boolean;
  /** Flags kept per answer; the rest are dropped (the answer is queued either way). */
  maxFlagsKept: number;
};

/** A retrieved passage the answer may quote. */
export type QuotablePassage = { n: number; text: string };

export type BiasScreen = (answer: string, passages?: readonly QuotablePassage[]) => BiasFlag[];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower case, one kind of apostrophe and quote, single spaces: for comparing a quotation with a passage. */
const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

// Code is not prose (`git checkout master` names a branch): blanked, keeping every offset.
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;
// Quotations: "…", “…”, „…“ or „…”, «…». Single quotes are left out: they are apostrophes too often.
const QUOTATION = /"([^"\n]{3,2000})"|“([^”\n]{3,2000})”|„([^“”\n]{3,2000})[“”]|«([^»\n]{3,2000})»/g;

type Span = { start: number; end: number; passage: number };

/** The quotations of the answer that a retrieved passage contains word for word, with that passage's number. */
function quotedSpans(answer: string, passages: readonly QuotablePassage[]): Span[] {
  if (passages.length === 0) return [];
  const texts = passages.map((passage) => ({ n: passage.n, text: comparable(passage.text) }));
  const spans: Span[] = [];
  for (const match of answer.matchAll(QUOTATION)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const wanted = comparable(inner.replace(/[.,;:!?…]+$/, ''));
    if (!wanted) continue;
    const found = texts.find((passage) => passage.text.includes(wanted));
    if (found) spans.push({ start: match.index, end: match.index + match[0].length, passage: found.n });
  }
  return spans;
}

// retext-equality's messages say "in somes cases".
const tidy = (reason: string) => reason.replace('in somes cases', 'in some cases');

/**
 * A screen with these options. The retext processor is built once; retext-equality's per-paragraph
 * setup costs more than the words, so the answer is screened as one paragraph (line breaks become
 * spaces, offsets unchanged).
 */
export function createBiasScreen(options: BiasScreenOptions): BiasScreen {
  const ignored = new Set(options.ignoreTerms.map((term) => comparable(term)));
  const processor = retext()
    .use(retextEquality, {
      ignore: options.ignoreTerms.map((term) => term.toLowerCase()),
      binary: options.allowBinaryPairs,
    })
    .freeze();
  const extra = options.extraTerms
    .filter((entry) => !ignored.has(comparable(entry.term)))
    .map((entry) => ({
      entry,
      // Whole words by Unicode letters and digits; spaces and hyphens in a term match either.
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}])${escape(entry.term).replace(/(?:\s|\\-)+/g, '[\\s-]+')}(?![\\p{L}\\p{N}])`,
        'giu',
      ),
    }));

  return (answer, passages = []) => {
    const prose = answer.replace(CODE, (code) => ' '.repeat(code.length));
    const spans = quotedSpans(prose, passages);
    const quoteAt = (offset: number) => spans.find((span) => offset >= span.start && offset < span.end);
    const hits: Array<Omit<BiasFlag, 'quoted' | 'passage'> & { offset: number }> = [];

    const file = processor.processSync(prose.replace(/[\r\n]/g, ' '));
    for (const message of file.messages) {
      const term = typeof message.actual === 'string' ? message.actual : '';
      if (!term || ignored.has(comparable(term))) continue;
      hits.push({
        term,
        rule: message.ruleId ?? 'retext-equality',
        source: 'retext-equality',
        message: tidy(message.reason),
        suggestions: Array.isArray(message.expected) ? message.expected : [],
        offset: message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0,
      });
    }
    for (const { entry, pattern } of extra) {
      for (const match of prose.matchAll(pattern)) {
        // retext-equality may know the term too: one flag for one place.
        if (hits.some((hit) => hit.offset === match.index)) continue;
        const suggestions = [...(entry.suggestions ?? [])];
        hits.push({
          term: match[0],
          rule: 'term-list',
          source: 'term-list',
          message:
            entry.message ??
            `\`${match[0]}\` is on the organisation's list of terms to avoid${suggestions.length ? `, ${suggestions.map((s) => `\`${s}\``).join(', ')} may be better` : ''}`,
          suggestions,
          offset: match.index,
        });
      }
    }

    return hits
      .sort((a, b) => a.offset - b.offset)
      .slice(0, options.maxFlagsKept)
      .map(({ offset, ...hit }) => {
        const quote = quoteAt(offset);
        return quote ? { ...hit, quoted: true, passage: quote.passage } : { ...hit, quoted: false };
      });
  };
}

let configured: BiasScreen | undefined;

/** Screens an answer with the configured term lists (lib/config.ts `bias`). */
export function screenAnswerForBias(answer: string, passages: readonly QuotablePassage[] = []): BiasFlag[] {
  configured ??= createBiasScreen(bias);
  return configured(answer, passages);
}

/** The flags that send an answer to review: those in its own words, not in a quotation of a passage. */
export const ownWords = (flags: readonly BiasFlag[]) => flags.filter((flag) => !flag.quoted);

/** The review item's note: the distinct terms, in order. */
export function biasReviewNote(flags: readonly BiasFlag[]): string {
  const terms = [...new Set(flags.map((flag) => flag.term.toLowerCase()))];
  const shown = terms.slice(0, 8).map((term) => `"${term}"`);
  return `Possibly biased or non-inclusive language: ${shown.join(', ')}${terms.length > shown.length ? ` and ${terms.length - shown.length} more` : ''}`;
}
