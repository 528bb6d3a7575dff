import { describe, expect, it } from 'vitest';
import { countTokens } from '@/lib/ai/tokens';
import { chunking } from '@/lib/config';
import type { ParsedDocument } from '@/lib/ingest/types';
import { chunkDocument, chunkMarkdown } from './chunking';

const sentence = (i: number) => `Sentence number ${i} says something useful about the topic at hand.`;
const paragraph = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');

/** A passage's count is its pieces' counts summed: never below the exact count, and close to it. */
function expectCountClose(chunk: { text: string; tokenCount: number }) {
  const exact = countTokens(chunk.text);
  expect(chunk.tokenCount).toBeGreaterThanOrEqual(exact);
  expect(chunk.tokenCount).toBeLessThanOrEqual(Math.ceil(exact * 1.1) + 2);
}

describe('chunkMarkdown', () => {
  it('gives each section its heading path and numbers passages in order', () => {
    const chunks = chunkMarkdown(
      [
        'Intro text before any heading.',
        '# Guide',
        'Welcome.',
        '## Setup',
        'Install it.',
        '### Linux',
        'Use the package.',
        '## Usage',
        'Run it.',
        'Setext heading\n--------------',
        'Under setext.',
      ].join('\n\n'),
    );
    expect(chunks.map((c) => [c.ordinal, c.headingPath, c.text])).toEqual([
      [0, '', 'Intro text before any heading.'],
      [1, 'Guide', 'Welcome.'],
      [2, 'Guide › Setup', 'Install it.'],
      [3, 'Guide › Setup › Linux', 'Use the package.'],
      [4, 'Guide › Usage', 'Run it.'],
      [5, 'Guide › Setext heading', 'Under setext.'],
    ]);
  });

  it('leaves out a top heading that the title already says, and cleans heading markup', () => {
    const chunks = chunkMarkdown('# Ask the docs\n\nHello.\n\n## The `env` [file](x.md)\n\nText.', {
      title: 'README.md: Ask the docs',
    });
    expect(chunks.map((c) => c.headingPath)).toEqual(['', 'The env file']);
  });

  it('skips headings without text, front matter and rules', () => {
    const chunks = chunkMarkdown('---\ntitle: x\n---\n# Empty\n## Also empty\n\n---\n\n## Full\n\nBody.');
    expect(chunks).toEqual([
      { ordinal: 0, text: 'Body.', headingPath: 'Empty › Full', page: null, tokenCount: 2 },
    ]);
  });

  it('does not treat # inside code fences as headings', () => {
    const markdown = '## Shell\n\n```bash\n# a comment\necho hi\n```';
    const text = '```bash\n# a comment\necho hi\n```';
    expect(chunkMarkdown(markdown)).toEqual([
      { ordinal: 0, text, headingPath: 'Shell', page: null, tokenCount: countTokens(text) },
    ]);
  });

  it('packs paragraphs to about the target size, never above the maximum', () => {
    const markdown = Array.from({ length: 12 }, (_, i) => paragraph(i * 5, 5)).join('\n\n');
    const chunks = chunkMarkdown(markdown);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expectCountClose(chunk);
      expect(chunk.tokenCount).toBeLessThanOrEqual(chunking.maxTokens);
    }
    const average = chunks.reduce((sum, c) => sum + c.tokenCount, 0) / chunks.length;
    expect(average).toBeGreaterThan(chunking.targetTokens * 0.6);
  });

  it('splits a very long paragraph between sentences and overlaps consecutive passages', () => {
    const chunks = chunkMarkdown(paragraph(0, 60));
    expect(chunks.length).toBeGreaterThan(2);
    for (const [i, chunk] of chunks.entries()) {
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(chunking.maxTokens);
      expect(chunk.text).toMatch(/^Sentence number \d+/); // starts at a sentence
      if (i > 0) {
        // The start of each passage repeats the end of the previous one.
        const firstSentence = /^.*?\./.exec(chunk.text)![0];
        expect(chunks[i - 1]!.text).toContain(firstSentence);
      }
    }
    // Every sentence survives.
    const all = chunks.map((c) => c.text).join(' ');
    for (let i = 0; i < 60; i++) expect(all).toContain(sentence(i));
  });

  it('keeps a long list together per item and a long code block inside fences', () => {
    const list = Array.from({ length: 40 }, (_, i) => `- item ${i}: ${'word '.repeat(8).trim()}`).join('\n');
    const code = ['```ts', ...Array.from({ length: 120 }, (_, i) => `const line${i} = ${i};`), '```'].join(
      '\n',
    );
    const chunks = chunkMarkdown(`${list}\n\n${code}`);
    for (const chunk of chunks) {
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(chunking.maxTokens);
      const fences = chunk.text.match(/^```/gm) ?? [];
      expect(fences.length % 2).toBe(0); // code pieces are closed
    }
    const listText = chunks.map((c) => c.text).join('\n');
    for (let i = 0; i < 40; i++) expect(listText).toMatch(new RegExp(`^- item ${i}: word`, 'm'));
    expect(chunks.filter((c) => c.text.startsWith('```ts\n')).length).toBeGreaterThan(1);
  });

  it('repeats the header of a long table in each piece', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| key${i} | value number ${i} with some text |`);
    const chunks = chunkMarkdown(['| key | value |', '|---|---|', ...rows].join('\n'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.startsWith('| key | value |\n|---|---|\n')).toBe(true);
  });

  it('returns nothing for an empty document', () => {
    expect(chunkMarkdown('')).toEqual([]);
    expect(chunkMarkdown('# Only a heading\n\n')).toEqual([]);
  });
});

const doc = (
  sections: { page: number | null; markdown: string }[],
  title: string | null = null,
): ParsedDocument => ({
  format: 'pdf',
  title,
  sections,
  language: 'english',
});

describe('chunkDocument', () => {
  it('keeps page numbers, never spans two pages, and carries headings across pages', () => {
    const chunks = chunkDocument(
      doc([
        { page: 1, markdown: '# Handbook\n\nWelcome to the handbook.' },
        { page: 2, markdown: '## Refunds\n\nRefunds take five days.' },
        { page: 3, markdown: 'Refunds over 100 EUR need approval.\n\n## Shipping\n\nWe ship worldwide.' },
        { page: 4, markdown: '' },
        { page: 5, markdown: 'Shipping is free over 50 EUR.\n\n# Appendix\n\nContacts.' },
      ]),
    );
    expect(chunks.map((c) => [c.ordinal, c.page, c.headingPath, c.text])).toEqual([
      [0, 1, 'Handbook', 'Welcome to the handbook.'],
      [1, 2, 'Handbook › Refunds', 'Refunds take five days.'],
      [2, 3, 'Handbook › Refunds', 'Refunds over 100 EUR need approval.'],
      [3, 3, 'Handbook › Shipping', 'We ship worldwide.'],
      [4, 5, 'Handbook › Shipping', 'Shipping is free over 50 EUR.'],
      [5, 5, 'Appendix', 'Contacts.'],
    ]);
  });

  it('splits a long page without letting any passage reach into the next page', () => {
    const chunks = chunkDocument(
      doc([
        { page: 7, markdown: paragraph(0, 40) },
        { page: 8, markdown: paragraph(100, 3) },
      ]),
    );
    expect(chunks.filter((c) => c.page === 7).length).toBeGreaterThan(1);
    for (const chunk of chunks.filter((c) => c.page === 7)) expect(chunk.text).not.toContain('number 100 ');
    expect(chunks.filter((c) => c.page === 8).map((c) => c.text)).toEqual([paragraph(100, 3)]);
  });

  it('leaves the document title out of heading paths', () => {
    const chunks = chunkDocument(
      doc([{ page: 1, markdown: '# Staff Handbook\n\n## Refunds\n\nText.' }], 'Staff Handbook'),
    );
    expect(chunks.map((c) => c.headingPath)).toEqual(['Refunds']);
  });

  it('returns no passages for a document without text', () => {
    expect(
      chunkDocument(
        doc([
          { page: 1, markdown: '' },
          { page: 2, markdown: '  \n' },
        ]),
      ),
    ).toEqual([]);
  });
});

describe('token bounds', () => {
  const sizes = { targetTokens: 60, maxTokens: 90, overlapTokens: 15 };

  it('keeps every passage within the maximum, whatever the text, and loses none of it', () => {
    const base64 = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)).toString('base64');
    const cjk = '知識ベースは文書を検索可能な断片に分割します'.repeat(40);
    const longCell = `| key | ${'value '.repeat(300)}|`;
    const longLine = `const x = [${Array.from({ length: 400 }, (_, i) => i).join(', ')}];`;
    const markdown = [
      base64,
      cjk,
      `| key | value |\n|---|---|\n${longCell}`,
      `\`\`\`ts\n${longLine}\n\`\`\``,
      paragraph(0, 30),
    ].join('\n\n');
    const chunks = chunkMarkdown(markdown, sizes);
    for (const chunk of chunks) {
      expectCountClose(chunk);
      expect(chunk.tokenCount).toBeLessThanOrEqual(sizes.maxTokens);
    }
    const joined = chunks
      .map((c) => c.text)
      .join('')
      .replace(/\s+/g, '');
    expect(joined).toContain(base64);
    expect(joined).toContain(cjk);
    for (let i = 0; i < 30; i++) expect(chunks.some((c) => c.text.includes(sentence(i)))).toBe(true);
  });

  it('keeps a table whose header is too wide to repeat within the maximum, header first', () => {
    const columns = Array.from({ length: 30 }, (_, i) => `column ${i}`);
    const table = [
      `| ${columns.join(' | ')} |`,
      `|${'---|'.repeat(30)}`,
      ...Array.from({ length: 20 }, (_, r) => `| ${columns.map((_, c) => r * c).join(' | ')} |`),
    ].join('\n');
    const chunks = chunkMarkdown(table, sizes);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks[0]!.text.startsWith('| column 0 |')).toBe(true);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(sizes.maxTokens);
  });

  it('overlaps consecutive passages of a paragraph by whole sentences within the overlap budget', () => {
    const chunks = chunkMarkdown(paragraph(0, 30), sizes);
    expect(chunks.length).toBeGreaterThan(3);
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]!.text;
      const firstSentence = /^.*?\./.exec(chunks[i]!.text)![0];
      expect(previous.endsWith(firstSentence)).toBe(true);
      expect(countTokens(firstSentence)).toBeLessThanOrEqual(sizes.overlapTokens);
    }
  });

  it('adds no overlap when it is set to zero', () => {
    const chunks = chunkMarkdown(paragraph(0, 30), { ...sizes, overlapTokens: 0 });
    const all = chunks.map((c) => c.text).join(' ');
    expect(all).toBe(paragraph(0, 30));
  });

  it('keeps a code block that fits whole, in one passage, with its fences', () => {
    const code = ['```python', ...Array.from({ length: 12 }, (_, i) => `total += price[${i}]`), '```'].join(
      '\n',
    );
    expect(countTokens(code)).toBeGreaterThan(sizes.targetTokens);
    expect(countTokens(code)).toBeLessThanOrEqual(sizes.maxTokens);
    const chunks = chunkMarkdown(`${paragraph(0, 3)}\n\n${code}\n\n${paragraph(10, 3)}`, sizes);
    const withCode = chunks.filter((c) => c.text.includes('total +='));
    expect(withCode).toHaveLength(1);
    expect(withCode[0]!.text).toContain(code);
  });

  it('counts the text it returns: whitespace between sentences is not lost from the count', () => {
    // Runs of no-break spaces cost dozens of tokens; a passage counted without them would be too big.
    const spaced = Array.from(
      { length: 20 },
      (_, i) => `Step ${i} is done.${'\u00a0'.repeat(100)}Then more.`,
    );
    for (const chunk of chunkMarkdown(spaced.join('\n'))) {
      expect(chunk.tokenCount).toBeGreaterThanOrEqual(countTokens(chunk.text));
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(chunking.maxTokens);
    }
  });

  it('uses the configured sizes by default', () => {
    const chunks = chunkMarkdown(paragraph(0, 200));
    for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(chunking.maxTokens);
    const middle = chunks.slice(1, -1);
    for (const chunk of middle) expect(chunk.tokenCount).toBeGreaterThan(chunking.targetTokens * 0.7);
  });
});
