// Splitting documents into passages: by page and heading, then by paragraph and sentence, sized in tokens.
import { countTokens } from '@/lib/ai/tokens';
import { chunking } from '@/lib/config';
import type { ParsedDocument } from '@/lib/ingest/types';

export type Chunk = {
  ordinal: number;
  text: string;
  /** Headings above the passage, outermost first, joined with " › ". */
  headingPath: string;
  /** The page the passage is on (from 1), or null for a format without pages. */
  page: number | null;
  /**
   * o200k tokens of `text`, summed over the blocks and sentences it was packed from (each counted
   * once, so no text is tokenized twice): the exact count, or a token or so above it per join.
   */
  tokenCount: number;
};

export type ChunkOptions = {
  /**
   * The document title: a top heading that repeats it is left out of heading paths. chunkMarkdown
   * drops a top heading the title contains ("README.md: Ask the docs"); chunkDocument only one equal
   * to it, and takes the parsed title when this is undefined (null: keep every heading).
   */
  title?: string | null;
  targetTokens?: number;
  maxTokens?: number;
  overlapTokens?: number;
};

type Sizes = { target: number; max: number; overlap: number };
type Section = { headings: string[]; lines: string[] };
type Heading = { level: number; text: string };
type BlockKind = 'prose' | 'code' | 'table';
type Block = { text: string; kind: BlockKind };
/** A block or a piece of one, with its token count; `continues` means it carries on the previous piece's block. */
type Piece = Block & { continues: boolean; tokens: number };
/** A unit of text to pack, with its token count. */
type Unit = { text: string; tokens: number };

const HEADING_SEPARATOR = ' › ';
const FENCE = /^\s*(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const NOT_A_SETEXT_TEXT = /^\s*(?:[-*+]\s|\d+[.)]\s|>|\||#)/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FRONT_MATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/;
/**
 * Tokens counted for the "\n", "\n\n" or " " that joins two pieces. Pieces counted apart plus this
 * bound the joined text's count (the tokenizer merges a space into the next word, never splits more),
 * so a passage is never tokenized again while it grows and still never exceeds the maximum.
 */
const JOIN_TOKENS = 1;
/**
 * Characters a token may take at most in ordinary text (prose runs 4-5, code 3-4): a block longer
 * than this many times a limit is not counted whole, as it is about to be split anyway.
 */
const CHARS_PER_TOKEN = 6;

/** Heading text as a reader sees it: inline code, emphasis and link syntax removed. */
function plainHeading(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(?<!\\)[`*]+/g, '')
    .replace(/(?<![\\\w])_+|(?<!\\)_+(?!\w)/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

/**
 * Splits markdown into sections, one per heading, each knowing the headings above it. `stack` holds
 * the open headings and is updated in place, so the next page of a document continues under them.
 */
function sectionsOf(markdown: string, stack: Heading[] = []): Section[] {
  const headingsNow = () => stack.map((h) => h.text).filter(Boolean);
  const sections: Section[] = [{ headings: headingsNow(), lines: [] }];
  let fence: string | null = null;
  const open = (level: number, text: string) => {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, text: plainHeading(text) });
    sections.push({ headings: headingsNow(), lines: [] });
  };

  for (const line of markdown.split(/\r?\n/)) {
    const current = sections[sections.length - 1]!;
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      current.lines.push(line);
      continue;
    }
    if (fenceMatch) fence = fenceMatch[1]!;

    const atx = fence === null ? ATX_HEADING.exec(line) : null;
    if (atx) {
      open(atx[1]!.length, atx[2]!);
      continue;
    }
    const previous = current.lines[current.lines.length - 1];
    const setext = fence === null ? SETEXT_UNDERLINE.exec(line) : null;
    if (setext && previous?.trim() && !NOT_A_SETEXT_TEXT.test(previous)) {
      // Only a lone paragraph line can be a setext heading; a longer paragraph stays text.
      const before = current.lines[current.lines.length - 2];
      if (before === undefined || before.trim() === '') {
        current.lines.pop();
        open(setext[1]!.startsWith('=') ? 1 : 2, previous);
        continue;
      }
    }
    current.lines.push(line);
  }
  return sections;
}

/** Blocks of a section: paragraphs, lists and tables split at blank lines; each code fence whole. */
function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const flush = (kind?: BlockKind) => {
    const text = current.join('\n').replace(/^\n+/, '').trimEnd();
    if (text.trim() && !THEMATIC_BREAK.test(text)) {
      blocks.push({
        text,
        kind: kind ?? (current.every((l) => /^\s*\|/.test(l) || !l.trim()) ? 'table' : 'prose'),
      });
    }
    current = [];
  };
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      current.push(line);
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) {
        fence = null;
        flush('code');
      }
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      current.push(line);
      continue;
    }
    if (line.trim() === '') flush();
    else current.push(line);
  }
  flush(fence !== null ? 'code' : undefined);
  return blocks;
}

const unit = (text: string): Unit => ({ text, tokens: countTokens(text) });

/** Greedily joins units (with a separator) into pieces of at most `max` tokens. */
function pack(units: Unit[], separator: string, max: number): Unit[] {
  const pieces: Unit[] = [];
  let current: Unit | null = null;
  for (const next of units) {
    if (current && current.tokens + JOIN_TOKENS + next.tokens > max) {
      pieces.push(current);
      current = null;
    }
    current = current
      ? {
          text: `${current.text}${separator}${next.text}`,
          tokens: current.tokens + JOIN_TOKENS + next.tokens,
        }
      : next;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Cuts one unbroken string (a long URL, base64, a CJK sentence) into pieces of at most `max` tokens. */
function cutHard(text: string, max: number): Unit[] {
  const pieces: Unit[] = [];
  let rest = text;
  while (rest) {
    // Start from a generous guess in characters and shrink it until the piece fits.
    let length = Math.min(rest.length, max * 4);
    let piece = unit(rest.slice(0, length));
    while (piece.tokens > max && length > 2) {
      length = Math.max(2, Math.floor((length * max) / piece.tokens) - 1);
      piece = unit(rest.slice(0, length));
    }
    // Never cut a surrogate pair in two.
    if (/[\uD800-\uDBFF]$/.test(piece.text)) piece = unit(rest.slice(0, length - 1));
    pieces.push(piece);
    rest = rest.slice(piece.text.length);
  }
  return pieces;
}

/**
 * Cuts text at spaces into pieces of at most `max` tokens (a single longer word is cut hard). Words
 * are counted with the space before them, as the tokenizer reads them (" value" is one token), so
 * joining them costs nothing; a piece's first word, without its space, is allowed one token more.
 */
function splitWords(text: string, max: number): Unit[] {
  const pieces: Unit[] = [];
  let current = '';
  let tokens = 0;
  const flush = () => {
    if (current) pieces.push({ text: current, tokens });
    current = '';
    tokens = 0;
  };
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const spaced = unit(` ${word}`);
    if (spaced.tokens + 1 > max) {
      flush();
      pieces.push(...cutHard(word, max));
      continue;
    }
    if (current && tokens + spaced.tokens > max) flush();
    if (current) {
      current += spaced.text;
      tokens += spaced.tokens;
    } else {
      current = word;
      tokens = spaced.tokens + 1;
    }
  }
  flush();
  return pieces;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const SENTENCE_END = /(?<=[.!?。！？])\s+(?=["'(\[]?[\p{Lu}\p{N}`*])/u;

/** Items of a list block: each marker line with the wrapped or nested lines under it. */
function listItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    if (LIST_ITEM.test(line) || items.length === 0) items.push(line);
    else items[items.length - 1] += `\n${line}`;
  }
  return items;
}

/**
 * Pieces of `lines` under a repeated head (a code fence or a table header), each within `max` tokens;
 * null when the head and tail would take more than half of every piece.
 */
function splitUnder(head: string, lines: string[], tail: string, max: number): Unit[] | null {
  const frame = (head ? countTokens(head) + JOIN_TOKENS : 0) + (tail ? countTokens(tail) + JOIN_TOKENS : 0);
  if (frame > max / 2) return null;
  const room = max - frame;
  const units = lines.flatMap((line) => {
    const counted = unit(line);
    return counted.tokens > room ? splitWords(line, room) : [counted];
  });
  return pack(units, '\n', room).map((body) => ({
    text: [head, body.text, tail].filter(Boolean).join('\n'),
    tokens: frame + body.tokens,
  }));
}

/** Prose counted whole when it is short enough to fit `limit`, else sentence by sentence (and by words). */
function proseUnits(text: string, limit: number, max: number): Unit[] {
  if (text.length <= limit * CHARS_PER_TOKEN) {
    const whole = unit(text);
    if (whole.tokens <= limit) return [whole];
  }
  return text.split(SENTENCE_END).flatMap((sentence) => {
    const counted = unit(sentence);
    return counted.tokens > max ? splitWords(sentence, max) : [counted];
  });
}

const total = (units: Unit[]) => units.reduce((sum, u, i) => sum + u.tokens + (i > 0 ? JOIN_TOKENS : 0), 0);

/**
 * Splits a block into pieces that are valid markdown on their own. Lists longer than the target
 * split between items; paragraphs, code and tables only when they exceed the limit: paragraphs
 * between sentences, code between lines inside repeated fences, tables between rows under a
 * repeated header. Each piece of text is tokenized once: a block short enough to fit is counted
 * whole, a longer one only in the units it may be split into.
 */
function splitBlock(block: Block, sizes: Sizes): Piece[] {
  const isList = block.kind === 'prose' && LIST_ITEM.test(block.text);
  const limit = isList ? sizes.target : sizes.max;
  if (block.text.length <= limit * CHARS_PER_TOKEN) {
    const tokens = countTokens(block.text);
    if (tokens <= limit) return [{ ...block, continues: false, tokens }];
  }
  let pieces: Unit[];
  if (block.kind === 'code') {
    const lines = block.text.split('\n');
    const openFence = lines.shift()!;
    const bareFence = openFence.trim().replace(/[^`~].*$/, '');
    const closeFence = FENCE.exec(lines[lines.length - 1] ?? '') ? lines.pop()! : bareFence;
    // An info string too long to repeat gives way to a bare fence; that is always small enough.
    pieces =
      splitUnder(openFence, lines, closeFence, sizes.max) ??
      splitUnder(bareFence, lines, bareFence, sizes.max) ??
      splitUnder('', lines, '', sizes.max)!;
  } else if (block.kind === 'table') {
    const [header = '', separator = '', ...rows] = block.text.split('\n');
    // A header too wide to repeat (dozens of columns) stays only above the first rows.
    pieces =
      splitUnder(`${header}\n${separator}`, rows, '', sizes.max) ??
      splitUnder('', [header, separator, ...rows], '', sizes.max)!;
  } else {
    const units = isList
      ? listItems(block.text).flatMap((item) => proseUnits(item, sizes.target, sizes.max))
      : proseUnits(block.text, sizes.max, sizes.max);
    // Dense text (long words, few tokens) can fit after all; then it stays one piece. Its units
    // are rejoined rather than the block kept as written: the counts are of the rejoined text.
    pieces = pack(units, isList ? '\n' : ' ', total(units) <= limit ? limit : sizes.target);
  }
  return pieces.map((piece, i) => ({ ...piece, kind: block.kind, continues: i > 0 }));
}

/**
 * The end of a prose piece to repeat at the start of the next passage: whole sentences when they
 * fit in `overlap` tokens (and are at least a third of it), else the last words that fit.
 */
function overlapOf(piece: Piece, overlap: number): Unit | null {
  if (piece.kind !== 'prose' || overlap <= 0 || piece.tokens <= overlap) return null;
  // Tokens run about four characters in prose; twice that in characters holds the overlap for sure.
  const tail = piece.text.slice(-overlap * 8);
  const starts = [...tail.matchAll(/[.!?。！？]\s+(?=\S)/gu)].map((m) => m.index + m[0].length);
  for (const start of starts) {
    if (tail.length - start > overlap * 6) continue;
    const candidate = unit(tail.slice(start));
    if (candidate.tokens > overlap) continue;
    if (candidate.tokens >= overlap / 3) return candidate;
    break;
  }
  const words = tail.split(/\s+/).slice(1);
  let take = 0;
  for (let chars = 0; take < words.length && chars + words[words.length - 1 - take]!.length < overlap * 4;) {
    chars += words[words.length - 1 - take]!.length + 1;
    take++;
  }
  while (take > 0) {
    const candidate = unit(words.slice(-take).join(' '));
    if (candidate.tokens <= overlap) return candidate;
    take--;
  }
  return null;
}

/** Splits one section into passage texts of about `sizes.target` tokens, never above `sizes.max`. */
function chunkSection(lines: string[], sizes: Sizes): Unit[] {
  const pieces = blocksOf(lines).flatMap((block) => splitBlock(block, sizes));
  const chunks: Unit[] = [];
  let current = '';
  let currentTokens = 0;
  let last: Piece | undefined;
  for (const piece of pieces) {
    // Pieces of one paragraph or list rejoin as they were; blocks and code or table pieces stand apart.
    const joiner =
      !piece.continues || piece.kind !== 'prose' ? '\n\n' : LIST_ITEM.test(piece.text) ? '\n' : ' ';
    const combined = currentTokens + JOIN_TOKENS + piece.tokens;
    // A passage below half the target still takes the next piece, up to the hard limit.
    const fits = combined <= sizes.target || (currentTokens < sizes.target / 2 && combined <= sizes.max);
    if (!current) {
      current = piece.text;
      currentTokens = piece.tokens;
    } else if (fits) {
      current = `${current}${joiner}${piece.text}`;
      currentTokens = combined;
    } else {
      chunks.push({ text: current, tokens: currentTokens });
      const overlap = last ? overlapOf(last, sizes.overlap) : null;
      if (overlap && overlap.tokens + JOIN_TOKENS + piece.tokens <= sizes.max) {
        current = `${overlap.text}${joiner}${piece.text}`;
        currentTokens = overlap.tokens + JOIN_TOKENS + piece.tokens;
      } else {
        current = piece.text;
        currentTokens = piece.tokens;
      }
    }
    last = piece;
  }
  if (current) chunks.push({ text: current, tokens: currentTokens });
  return chunks;
}

function sizesOf(options: ChunkOptions): Sizes {
  const max = options.maxTokens ?? chunking.maxTokens;
  return {
    max,
    target: Math.min(options.targetTokens ?? chunking.targetTokens, max),
    overlap: options.overlapTokens ?? chunking.overlapTokens,
  };
}

/** Appends the passages of one page (or a whole unpaged document) to `chunks`. */
function chunkInto(
  chunks: Chunk[],
  markdown: string,
  page: number | null,
  stack: Heading[],
  sizes: Sizes,
  isTitle: (heading: string) => boolean,
): void {
  for (const section of sectionsOf(markdown, stack)) {
    const headings = [...section.headings];
    if (headings[0] && isTitle(headings[0].toLowerCase())) headings.shift();
    const headingPath = headings.join(HEADING_SEPARATOR);
    for (const { text, tokens } of chunkSection(section.lines, sizes)) {
      chunks.push({ ordinal: chunks.length, text, headingPath, page, tokenCount: tokens });
    }
  }
}

/**
 * Passages of a markdown document for retrieval. Each passage stays within one section, so its
 * heading path says what it is about; passages aim at `chunking.targetTokens`, never exceed
 * `chunking.maxTokens`, and repeat up to `chunking.overlapTokens` of the previous passage of the
 * same section so a sentence cut at a boundary is still found whole. Code fences and tables are
 * split only when they alone exceed the limit, and then keep their fence or header.
 */
export function chunkMarkdown(markdown: string, options: ChunkOptions = {}): Chunk[] {
  const chunks: Chunk[] = [];
  // Front matter is metadata, not text to answer from.
  const body = markdown.replace(FRONT_MATTER, '');
  const title = options.title?.trim().toLowerCase();
  chunkInto(chunks, body, null, [], sizesOf(options), (heading) => !!title && title.includes(heading));
  return chunks;
}

/**
 * Passages of a parsed document, page by page: a passage never spans two pages, so it can be cited
 * by page, while the headings carry over (a heading on page 3 still titles the text at the top of
 * page 4 until the next heading). The document's title is left out of heading paths.
 */
export function chunkDocument(parsed: ParsedDocument, options: ChunkOptions = {}): Chunk[] {
  const chunks: Chunk[] = [];
  const stack: Heading[] = [];
  const sizes = sizesOf(options);
  const title = (options.title === undefined ? parsed.title : options.title)
    ?.replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  const isTitle = (heading: string) => !!title && heading.replace(/\s+/g, ' ') === title;
  for (const section of parsed.sections)
    chunkInto(chunks, section.markdown, section.page, stack, sizes, isTitle);
  return chunks;
}
