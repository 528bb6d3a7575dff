// HTML uploads (and Word documents, via their HTML) to Markdown: the article kept, the site chrome dropped.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toMdast, type Handle } from 'hast-util-to-mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parse } from 'parse5';
import { firstHeading } from './markdown';
import { decodeText } from './text';

/** Elements that are never the text of a page: navigation, widgets, scripts, embedded media. */
const CHROME_TAGS = new Set([
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'dialog',
  'menu',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'video',
  'audio',
  'map',
]);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
]);

function isChrome(node: Element, inSection: boolean): boolean {
  const { properties } = node;
  if (CHROME_TAGS.has(node.tagName)) return true;
  // A header inside an article or section is that article's heading block; the page's own is chrome.
  if (node.tagName === 'header' && !inSection) return true;
  if (properties.hidden !== undefined && properties.hidden !== false) return true;
  if (String(properties.ariaHidden) === 'true') return true;
  if (typeof properties.role === 'string' && CHROME_ROLES.has(properties.role.toLowerCase())) return true;
  return /display\s*:\s*none/i.test(String(properties.style ?? ''));
}

/**
 * A table without header cells (Word's, and many pages') gets its first row as the header: Markdown
 * tables need one, and the chunker repeats it above every piece of a long table.
 */
function withHeaderRow(table: Element): Element {
  if (findAll(table, (e) => e.tagName === 'th' || e.tagName === 'thead').length > 0) return table;
  const [firstRow] = findAll(table, (e) => e.tagName === 'tr');
  if (firstRow) {
    firstRow.children = firstRow.children.map((cell) =>
      cell.type === 'element' && cell.tagName === 'td' ? { ...cell, tagName: 'th' } : cell,
    );
  }
  return table;
}

/** Copies `node` without its chrome, so the conversion below only sees content. */
function withoutChrome<T extends Root | Element>(node: T, inSection = false): T {
  const inside = inSection || (node.type === 'element' && ['article', 'section'].includes(node.tagName));
  const children: (RootContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type !== 'element') children.push(child);
    else if (!isChrome(child, inside)) children.push(withoutChrome(child, inside));
  }
  const copy = { ...node, children } as T;
  return copy.type === 'element' && copy.tagName === 'table' ? (withHeaderRow(copy) as T) : copy;
}

function findAll(
  node: Root | Element,
  test: (element: Element) => boolean,
  found: Element[] = [],
): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    else findAll(child, test, found);
  }
  return found;
}

function textOf(node: Element | Root): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : ''))
    .join('');
}

/**
 * The part of the page that holds its content: the <main> element when there is one, else its only
 * <article>, else the whole body. Chrome inside that part is removed as well.
 */
function contentOf(tree: Root): Root {
  const main = findAll(tree, (e) => e.tagName === 'main' || e.properties.role === 'main');
  const articles = main.length === 0 ? findAll(tree, (e) => e.tagName === 'article') : [];
  const chosen = main[0] ?? (articles.length === 1 ? articles[0] : undefined);
  return withoutChrome(chosen ? { type: 'root', children: [chosen] } : tree);
}

/** An image becomes its description: a URL (often a data: URL of many kilobytes) is nothing to search. */
const image: Handle = (_state, node) => {
  const alt = node.properties.alt;
  return typeof alt === 'string' && alt.trim() ? { type: 'text', value: alt.trim() } : undefined;
};

/** Markdown for an HTML document or fragment, and the page's <title> text when it has one. */
export function htmlToMarkdown(html: string): { markdown: string; pageTitle: string | null } {
  // parse5 straight, without source positions (hast-util-from-html always records them, at 5x the cost).
  const tree = fromParse5(parse(html)) as Root;
  const titleElement = findAll(tree, (e) => e.tagName === 'title')[0];
  const pageTitle = titleElement ? textOf(titleElement).replace(/\s+/g, ' ').trim() : '';
  const mdast = toMdast(contentOf(tree), { handlers: { img: image, image } });
  const markdown = toMarkdown(mdast, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '_',
    fences: true,
    listItemIndent: 'one',
    rule: '-',
  }).trim();
  return { markdown, pageTitle: pageTitle || null };
}

/**
 * An HTML file. The title is the first H1 of the content, which names the article; the <title>
 * element is the fallback, since it often carries the site's name as well ("Refunds | Acme Help").
 */
export function parseHtml(bytes: Uint8Array): { title: string | null; markdown: string } {
  const { markdown, pageTitle } = htmlToMarkdown(decodeText(bytes));
  return { title: firstHeading(markdown) ?? pageTitle, markdown };
}
