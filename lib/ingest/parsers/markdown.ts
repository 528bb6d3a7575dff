// Markdown uploads (kept as written, front matter dropped) and finding a document's first heading.
import { decodeText } from './text';

/** YAML (---) or TOML (+++) front matter: metadata for a site generator, not text to answer from. */
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|$)/;
const FRONT_MATTER_TITLE = /^title\s*[:=]\s*(.+?)\s*$/m;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX_H1 = /^\s{0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_H1 = /^\s{0,3}=+[ \t]*$/;

/** Heading text as a reader sees it: inline code, emphasis, link syntax and escapes removed. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(?<!\\)[`*]+/g, '')
      // Underscores mark emphasis only at word edges; snake_case names keep theirs.
      .replace(/(?<![\\\w])_+|(?<!\\)_+(?!\w)/g, '')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The text of the first level-one heading outside code, or null. */
export function firstHeading(markdown: string): string | null {
  let fence: string | null = null;
  let previous = '';
  let beforePrevious = '';
  for (const line of markdown.split('\n')) {
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
    } else if (fenceMatch) {
      fence = fenceMatch[1]!;
    } else {
      const atx = ATX_H1.exec(line);
      if (atx && plainText(atx[1]!)) return plainText(atx[1]!);
      // A setext heading is a lone paragraph line underlined with "=".
      if (SETEXT_H1.test(line) && previous.trim() && !beforePrevious.trim() && plainText(previous)) {
        return plainText(previous);
      }
    }
    beforePrevious = previous;
    previous = fence === null ? line : '';
  }
  return null;
}

/** A Markdown file as it is, without front matter; the title from front matter, else the first H1. */
export function parseMarkdown(bytes: Uint8Array): { title: string | null; markdown: string } {
  const text = decodeText(bytes);
  const frontMatter = FRONT_MATTER.exec(text);
  const markdown = frontMatter ? text.slice(frontMatter[0].length) : text;
  const declared = frontMatter?.[2] ? FRONT_MATTER_TITLE.exec(frontMatter[2])?.[1] : undefined;
  const title = declared?.replace(/^(["'])(.*)\1$/, '$2').trim() || firstHeading(markdown);
  return { title: title || null, markdown };
}
