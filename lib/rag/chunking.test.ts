import { describe, expect, it } from 'vitest';
import { chunking } from '@/lib/config';
import { chunkMarkdown } from './chunking';

const sentence = (i: number) => `Sentence number ${i} says something useful about the topic at hand.`;
const paragraph = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');

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
    expect(chunks).toEqual([{ ordinal: 0, text: 'Body.', headingPath: 'Empty › Full', tokenCount: 2 }]);
  });

  it('does not treat # inside code fences as headings', () => {
    const markdown = '## Shell\n\n```bash\n# a comment\necho hi\n```';
    expect(chunkMarkdown(markdown)).toEqual([
      { ordinal: 0, text: '```bash\n# a comment\necho hi\n```', headingPath: 'Shell', tokenCount: 8 },
    ]);
  });

  it('packs paragraphs to about the target size, never above the maximum', () => {
    const markdown = Array.from({ length: 12 }, (_, i) => paragraph(i * 5, 5)).join('\n\n');
    const chunks = chunkMarkdown(markdown);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(chunking.maxChars);
      expect(chunk.tokenCount).toBe(Math.ceil(chunk.text.length / 4));
    }
    const average = chunks.reduce((sum, c) => sum + c.text.length, 0) / chunks.length;
    expect(average).toBeGreaterThan(chunking.targetChars * 0.6);
  });

  it('splits a very long paragraph between sentences and overlaps consecutive passages', () => {
    const chunks = chunkMarkdown(paragraph(0, 60));
    expect(chunks.length).toBeGreaterThan(2);
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.text.length).toBeLessThanOrEqual(chunking.maxChars);
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
      expect(chunk.text.length).toBeLessThanOrEqual(chunking.maxChars);
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
