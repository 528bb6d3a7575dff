// PDF uploads via pdf.js (unpdf's serverless build): Markdown per page, headings recovered from font size.
import { getResolvedPDFJS } from 'unpdf';
import { DocumentParseError } from '../types';
import { firstHeading } from './markdown';

/** Pages read at most: more is a book to split, or a crafted file meant to keep the server busy. */
export const pdfMaxPages = 2000;

const ENCRYPTED = 'The PDF is encrypted; upload a copy without a password.';
const DAMAGED = 'The PDF is damaged and cannot be read.';
const NO_TEXT = 'The PDF has no text layer (a scanned image?); run OCR first.';

type Line = { text: string; size: number; x: number; y: number; width: number };
type TextItem = { str: string; transform: number[]; width: number; height: number; hasEOL: boolean };

const BULLET = /^[•●○◦▪■□‣⁃∙·]\s*/;
const ORDERED = /^(?:\d{1,3}|[a-z])[.)]\s/i;
const PAGE_NUMBER = /^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const CJK_END = /[\u3000-\u9fff\uac00-\ud7af]$/;
const CJK_START = /^[\u3000-\u9fff\uac00-\ud7af]/;

/** Rounds a font size to half points, so sizes that differ only by rendering noise count as one. */
const sizeKey = (size: number) => Math.round(size * 2) / 2;
const letterCount = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

/** Text items to lines: a new line where the baseline moves by half a line or pdf.js marks an end of line. */
function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { weight: number; sizeSum: number; end: number }) | null = null;
  let broken = false;
  for (const item of items) {
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 1;
    if (item.str === '') {
      broken ||= item.hasEOL;
      continue;
    }
    if (!current || broken || Math.abs(y - current.y) > Math.max(size, current.size) / 2) {
      current = { text: '', size, x, y, width: 0, weight: 0, sizeSum: 0, end: x };
      lines.push(current);
    } else if (x - current.end > size * 0.15 && !current.text.endsWith(' ') && !item.str.startsWith(' ')) {
      current.text += ' ';
    }
    current.text += item.str;
    // The line's size is the one most of its characters have (a footnote mark does not shrink it).
    const weight = item.str.trim().length;
    current.sizeSum += size * weight;
    current.weight += weight;
    if (current.weight > 0) current.size = current.sizeSum / current.weight;
    current.end = Math.max(current.end, x + item.width);
    current.width = current.end - current.x;
    broken = item.hasEOL;
  }
  return lines
    .map(({ text, size, x, y, width }) => ({ text: text.replace(/\s+/g, ' ').trim(), size, x, y, width }))
    .filter((line) => line.text);
}

/**
 * Drops running headers and footers: page numbers at the top or bottom of a page, and any line in
 * body size or smaller that opens or closes most pages at the same height (numbers aside), which
 * would otherwise repeat in every passage.
 */
function withoutRunningLines(pages: Line[][], body: number): Line[][] {
  const key = (line: Line) => `${Math.round(line.y / 4)}:${line.text.toLowerCase().replace(/\d+/g, '#')}`;
  const edges = (lines: Line[]) => [...lines.slice(0, 2), ...lines.slice(-2)];
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(edges(lines).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const running = (line: Line) =>
    PAGE_NUMBER.test(line.text) || (line.size <= body * 1.05 && (counts.get(key(line)) ?? 0) >= needed);
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((line) => !(edge.has(line) && running(line)));
  });
}

/**
 * The body font size: the size most letters of the document are set in, not counting each page's
 * first and last line, where running headers and footers sit (they can outweigh a short text).
 */
function bodySize(pages: Line[][]): number {
  const letters = new Map<number, number>();
  for (const lines of pages) {
    for (const line of lines.length > 2 ? lines.slice(1, -1) : lines) {
      const size = sizeKey(line.size);
      letters.set(size, (letters.get(size) ?? 0) + letterCount(line.text));
    }
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of letters) if (count > most) [best, most] = [size, count];
  return best;
}

/** A line short enough to be a heading, in a font clearly larger than the body text. */
function isHeadingLine(line: Line, body: number): boolean {
  return (
    line.size >= body * 1.2 &&
    line.size - body >= 1.5 &&
    line.text.length <= 150 &&
    line.text.split(' ').length <= 20 &&
    letterCount(line.text) >= 2
  );
}

/** Heading levels by size: the largest heading size is #, the next ##, and so on down to ####. */
function headingLevels(pages: Line[][], body: number): Map<number, number> {
  const sizes = [
    ...new Set(
      pages
        .flat()
        .filter((l) => isHeadingLine(l, body))
        .map((l) => sizeKey(l.size)),
    ),
  ];
  sizes.sort((a, b) => b - a);
  return new Map(sizes.map((size, i) => [size, Math.min(i + 1, 4)]));
}

/** Text that Markdown would read as syntax at the start of a block is escaped. */
function escapeBlockStart(text: string): string {
  return text.replace(/^([#>|=]|`{3}|~{3}|[-*+](?=\s|$)|\d+[.)](?=\s|$))/, '\\$1');
}

/** Joins the lines of a paragraph, undoing hyphenation at line ends ("exam-" + "ple"). */
function joinLines(previous: string, next: string): string {
  if (/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next)) return previous.slice(0, -1) + next;
  if (CJK_END.test(previous) && CJK_START.test(next)) return previous + next;
  return `${previous} ${next}`;
}

/** One page as Markdown: headings, paragraphs and list items, in the order pdf.js gives the text. */
function pageMarkdown(lines: Line[], body: number, levels: Map<number, number>): string {
  const blocks: { kind: 'heading' | 'paragraph' | 'item'; text: string; level?: number }[] = [];
  const pitches = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((gap) => gap > 0);
  pitches.sort((a, b) => a - b);
  // The usual distance between lines of this page; clearly more means a new paragraph.
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? body * 1.2;
  const fullWidth = Math.max(0, ...lines.map((l) => l.width));
  let previous: Line | undefined;
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    const heading = isHeadingLine(line, body) ? levels.get(sizeKey(line.size)) : undefined;
    if (heading !== undefined) {
      // A heading that wraps continues on the next line in the same size.
      if (
        last?.kind === 'heading' &&
        last.level === heading &&
        previous &&
        previous.y - line.y < line.size * 2
      ) {
        last.text = joinLines(last.text, line.text);
      } else blocks.push({ kind: 'heading', text: line.text, level: heading });
      previous = line;
      continue;
    }
    const gap = previous ? previous.y - line.y : 0;
    const bullet = BULLET.test(line.text);
    const startsBlock =
      !last ||
      last.kind === 'heading' ||
      bullet ||
      ORDERED.test(line.text) ||
      gap < 0 || // back up the page: a new column
      gap > pitch * 1.4 ||
      Math.abs(line.size - previous!.size) > 1 ||
      // A short line that ends a sentence ends its paragraph.
      (/[.!?:]["')\]]?$/.test(previous!.text) && previous!.width < fullWidth * 0.75);
    if (startsBlock) {
      blocks.push(
        bullet
          ? { kind: 'item', text: line.text.replace(BULLET, '') }
          : { kind: ORDERED.test(line.text) ? 'item' : 'paragraph', text: line.text },
      );
    } else last.text = joinLines(last.text, line.text);
    previous = line;
  }
  let markdown = '';
  blocks.forEach((block, i) => {
    const text =
      block.kind === 'heading'
        ? `${'#'.repeat(block.level!)} ${block.text.replace(/#+$/, '').trim()}`
        : block.kind === 'item' && !ORDERED.test(block.text)
          ? `- ${block.text}`
          : block.kind === 'item'
            ? block.text
            : escapeBlockStart(block.text);
    // List items of one list stay together; every other block stands apart.
    const separator = i === 0 ? '' : block.kind === 'item' && blocks[i - 1]!.kind === 'item' ? '\n' : '\n\n';
    markdown += separator + text;
  });
  return markdown;
}

/** A title worth showing: not empty, not a file name or a placeholder a tool left in the metadata. */
function usableTitle(title: unknown): string | null {
  if (typeof title !== 'string') return null;
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!clean || /^(untitled|document\d*)$/i.test(clean) || /\.(docx?|pdf|odt|rtf|txt|pptx?)$/i.test(clean)) {
    return null;
  }
  return clean;
}

/**
 * A PDF: one Markdown section per page, numbered from 1. Lines are joined into paragraphs, running
 * headers and page numbers are dropped, and lines in a clearly larger font than the body text become
 * headings, so passages can be cited as "handbook.pdf, p. 12, Refunds". The title is the metadata's,
 * else the first top-level heading. Gives up after
 * `options.timeoutMs` and stops pdf.js then, rather than leave it running.
 */
export async function parsePdf(
  bytes: Uint8Array,
  options: { timeoutMs: number; maxPages?: number },
): Promise<{ title: string | null; sections: { page: number; markdown: string }[] }> {
  const { getDocument } = await getResolvedPDFJS();
  // pdf.js takes ownership of the buffer it is given; the caller may still need its bytes.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DocumentParseError('The PDF took too long to read; it may be damaged.')),
      options.timeoutMs,
    );
  });
  // Each step races the one deadline; pdf.js works in small asynchronous steps, so the race is heard.
  const bounded = <T>(promise: Promise<T>) => Promise.race([promise, timeout]);
  try {
    const pdf = await bounded(task.promise);
    const maxPages = options.maxPages ?? pdfMaxPages;
    if (pdf.numPages > maxPages) {
      throw new DocumentParseError(
        `The PDF has ${pdf.numPages} pages; at most ${maxPages} can be read. Split it into smaller files.`,
      );
    }
    const pages: Line[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await bounded(pdf.getPage(number));
      const content = await bounded(page.getTextContent());
      pages.push(linesOf(content.items.flatMap((item) => ('str' in item ? [item] : []))));
      page.cleanup();
    }
    if (!pages.some((lines) => lines.some((line) => letterCount(line.text) > 0))) {
      throw new DocumentParseError(NO_TEXT);
    }
    const meta = await bounded(pdf.getMetadata()).catch(() => null);
    const info = meta?.info as { Title?: unknown } | undefined;
    const title = usableTitle(meta?.metadata?.get('dc:title')) ?? usableTitle(info?.Title);

    const body = bodySize(pages);
    const kept = withoutRunningLines(pages, body);
    const levels = headingLevels(kept, body);
    const sections = kept.map((lines, i) => ({ page: i + 1, markdown: pageMarkdown(lines, body, levels) }));
    return { title: title ?? firstHeading(sections.map((s) => s.markdown).join('\n\n')), sections };
  } catch (error) {
    if (error instanceof DocumentParseError) throw error;
    const name = (error as { name?: unknown } | null)?.name;
    throw new DocumentParseError(name === 'PasswordException' ? ENCRYPTED : DAMAGED, { cause: error });
  } finally {
    clearTimeout(timer);
    // Stops whatever pdf.js still does for this file (after a timeout, too) and frees its memory.
    await task.destroy().catch(() => {});
  }
}
