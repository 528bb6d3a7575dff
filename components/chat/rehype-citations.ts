// rehype plugin: turns citation markers like "[2]" in an answer into buttons that open the matching
// source. Runs after rehype-sanitize, so the buttons it adds are ours, not the document's (answers
// never carry raw HTML). Markers outside the range of sources, and text inside code or links, are
// left alone.
import type { Element, ElementContent, Root, Text } from 'hast';

export type CitationOptions = {
  /** Number of sources; only [1]..[count] become citations. */
  count: number;
};

/** The data attribute that carries a citation's source number (`data-citation` in the DOM). */
export const CITATION_ATTRIBUTE = 'data-citation';

const MARKER = /\[(\d{1,3})\]/g;
const SKIP = new Set(['a', 'button', 'code', 'pre']);

export function rehypeCitations({ count }: CitationOptions) {
  return (tree: Root) => {
    if (count > 0) linkCitations(tree, count);
  };
}

function linkCitations(parent: Root | Element, count: number): void {
  const next: Array<Root['children'][number]> = [];
  let changed = false;
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (!SKIP.has(child.tagName)) linkCitations(child, count);
      next.push(child);
    } else if (child.type === 'text') {
      const pieces = splitText(child, count);
      if (pieces.length !== 1 || pieces[0] !== child) changed = true;
      next.push(...pieces);
    } else {
      next.push(child);
    }
  }
  // Element children cannot hold a doctype; the pieces we add are only text and elements.
  if (changed) parent.children = next as ElementContent[];
}

function splitText(node: Text, count: number): Array<Text | Element> {
  const out: Array<Text | Element> = [];
  let last = 0;
  for (const match of node.value.matchAll(MARKER)) {
    const n = Number(match[1]);
    if (n < 1 || n > count) continue;
    if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index) });
    out.push({
      type: 'element',
      tagName: 'button',
      properties: { type: 'button', className: ['citation'], dataCitation: n, ariaLabel: `Source ${n}` },
      children: [{ type: 'text', value: `[${n}]` }],
    });
    last = match.index + match[0].length;
  }
  if (out.length === 0) return [node];
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}
