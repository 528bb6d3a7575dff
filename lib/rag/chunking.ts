// Splitting markdown into passages: by heading, then by paragraph and sentence, with a little overlap.
import { estimateTokens } from '@/lib/ai/tokens';
import { chunking } from '@/lib/config';

export type Chunk = {
  ordinal: number;
  text: string;
  /** Headings above the passage, outermost first, joined with " › ". */
  headingPath: string;
  tokenCount: number;
};

export type ChunkOptions = {
  /** The document title: a top heading that repeats it is left out of heading paths. */
  title?: string;
  targetChars?: number;
  maxChars?: number;
  overlapChars?: number;
};

type Section = { headings: string[]; lines: string[] };
type BlockKind = 'prose' | 'code' | 'table';
/** A block or a piece of one; `continues` means it carries on the previous piece's block. */
type Piece = { text: string; kind: BlockKind; continues: boolean };

const HEADING_SEPARATOR = ' › ';
const FENCE = /^\s*(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const NOT_A_SETEXT_TEXT = /^\s*(?:[-*+]\s|\d+[.)]\s|>|\||#)/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;

/** Heading text as a reader sees it: inline code, emphasis and link syntax removed. */
function plainHeading(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .trim();
}

/** Splits a document into sections, one per heading, each knowing the headings above it. */
function sectionsOf(markdown: string): Section[] {
  const sections: Section[] = [{ headings: [], lines: [] }];
  const stack: { level: number; text: string }[] = [];
  let fence: string | null = null;
  const open = (level: number, text: string) => {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, text: plainHeading(text) });
    sections.push({ headings: stack.map((h) => h.text).filter(Boolean), lines: [] });
  };

  // Front matter is metadata, not text to answer from.
  const body = markdown.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  for (const line of body.split(/\r?\n/)) {
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
function blocksOf(lines: string[]): { text: string; kind: BlockKind }[] {
  const blocks: { text: string; kind: BlockKind }[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const flush = (kind?: BlockKind) => {
    const text = current.join('\n').replace(/^\n+|\s+$/g, '');
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

/** Greedily joins units (with a separator) into pieces of at most `max` characters. */
function pack(units: string[], separator: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const unit of units) {
    if (current && current.length + separator.length + unit.length > max) {
      pieces.push(current);
      current = unit;
    } else current = current ? `${current}${separator}${unit}` : unit;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Cuts text at spaces into pieces of at most `max` characters (a single longer word is cut hard). */
function splitWords(text: string, max: number): string[] {
  const words = text.split(/\s+/).flatMap((word) => {
    const parts: string[] = [];
    for (let i = 0; i < word.length; i += max) parts.push(word.slice(i, i + max));
    return parts;
  });
  return pack(words, ' ', max);
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const SENTENCE_END = /(?<=[.!?])\s+(?=["'(\[]?[\p{Lu}\p{N}`*])/u;

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
 * Splits a block into pieces that are valid markdown on their own. Lists longer than the target
 * split between items; paragraphs, code and tables only when they exceed the limit: paragraphs
 * between sentences, code between lines inside repeated fences, tables between rows under a
 * repeated header.
 */
function splitBlock(block: { text: string; kind: BlockKind }, target: number, max: number): Piece[] {
  const isList = block.kind === 'prose' && LIST_ITEM.test(block.text);
  if (block.text.length <= (isList ? target : max)) return [{ ...block, continues: false }];
  let texts: string[];
  if (block.kind === 'code') {
    const lines = block.text.split('\n');
    const openFence = lines[0]!;
    const closeFence = FENCE.exec(lines[lines.length - 1]!)
      ? lines.pop()!
      : openFence.trim().replace(/[^`~].*$/, '');
    const room = Math.max(max - openFence.length - closeFence.length - 2, 16);
    texts = pack(
      lines.slice(1).flatMap((line) => (line.length > room ? splitWords(line, room) : [line])),
      '\n',
      room,
    ).map((body) => `${openFence}\n${body}\n${closeFence}`);
  } else if (block.kind === 'table') {
    const [header = '', separator = '', ...rows] = block.text.split('\n');
    const head = `${header}\n${separator}`;
    const room = Math.max(max - head.length - 1, 16);
    texts = pack(
      rows.flatMap((row) => (row.length > room ? splitWords(row, room) : [row])),
      '\n',
      room,
    ).map((body) => `${head}\n${body}`);
  } else {
    const units = (isList ? listItems(block.text) : [block.text])
      .flatMap((unit) => (unit.length > target ? unit.split(SENTENCE_END) : [unit]))
      .flatMap((unit) => (unit.length > max ? splitWords(unit, max) : [unit]));
    texts = pack(units, isList ? '\n' : ' ', target);
  }
  return texts.map((text, i) => ({ text, kind: block.kind, continues: i > 0 }));
}

/** The end of a prose piece to repeat at the start of the next passage, from a sentence or word start. */
function overlapOf(piece: Piece, overlapChars: number): string {
  if (piece.kind !== 'prose' || overlapChars <= 0 || piece.text.length <= overlapChars) return '';
  const tail = piece.text.slice(-overlapChars);
  const sentence = /[.!?]\s+(?=\S)/.exec(tail);
  if (sentence && tail.length - (sentence.index + sentence[0].length) >= overlapChars / 3) {
    return tail.slice(sentence.index + sentence[0].length);
  }
  const space = tail.search(/\s/);
  return space < 0 ? '' : tail.slice(space).trim();
}

/** Splits one section into passage texts of about `targetChars`, never above `maxChars`. */
function chunkSection(
  lines: string[],
  targetChars: number,
  maxChars: number,
  overlapChars: number,
): string[] {
  const pieces = blocksOf(lines).flatMap((block) => splitBlock(block, targetChars, maxChars));
  const chunks: string[] = [];
  let current = '';
  let last: Piece | undefined;
  for (const piece of pieces) {
    // Pieces of one paragraph or list rejoin as they were; blocks and code or table pieces stand apart.
    const joiner =
      !piece.continues || piece.kind !== 'prose' ? '\n\n' : LIST_ITEM.test(piece.text) ? '\n' : ' ';
    const combined = current.length + joiner.length + piece.text.length;
    // A passage below half the target still takes the next piece, up to the hard limit.
    const fits = combined <= targetChars || (current.length < targetChars / 2 && combined <= maxChars);
    if (!current || fits) {
      current = current ? `${current}${joiner}${piece.text}` : piece.text;
    } else {
      chunks.push(current);
      const overlap = last ? overlapOf(last, overlapChars) : '';
      const withOverlap = overlap && overlap.length + joiner.length + piece.text.length <= maxChars;
      current = withOverlap ? `${overlap}${joiner}${piece.text}` : piece.text;
    }
    last = piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Passages of a markdown document for retrieval. Each passage stays within one section, so its
 * heading path says what it is about; passages aim at `chunking.targetChars`, never exceed
 * `chunking.maxChars`, and repeat up to `chunking.overlapChars` of the previous passage of the
 * same section so a sentence cut at a boundary is still found whole. Code fences and tables are
 * split only when they alone exceed the limit, and then keep their fence or header.
 */
export function chunkMarkdown(markdown: string, options: ChunkOptions = {}): Chunk[] {
  const targetChars = options.targetChars ?? chunking.targetChars;
  const maxChars = options.maxChars ?? chunking.maxChars;
  const overlapChars = options.overlapChars ?? chunking.overlapChars;
  const title = options.title?.trim().toLowerCase();

  const chunks: Chunk[] = [];
  for (const section of sectionsOf(markdown)) {
    const headings = [...section.headings];
    if (title && headings[0] && title.includes(headings[0].toLowerCase())) headings.shift();
    const headingPath = headings.join(HEADING_SEPARATOR);
    for (const text of chunkSection(section.lines, targetChars, maxChars, overlapChars)) {
      chunks.push({ ordinal: chunks.length, text, headingPath, tokenCount: estimateTokens(text) });
    }
  }
  return chunks;
}
