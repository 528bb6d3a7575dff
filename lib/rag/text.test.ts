import { describe, expect, it } from 'vitest';
import { contentWords, splitSentences, stem, tokenize, words } from './text';

describe('tokenize', () => {
  it('lowercases, drops stopwords and stems', () => {
    expect(tokenize('How do I store the Databases?')).toEqual(['stor', 'databas']);
  });

  it('makes singular and plural, -ing and -ed forms meet', () => {
    const groups = [
      ['database', 'databases'],
      ['store', 'stored', 'storing', 'stores'],
      ['use', 'used', 'using', 'uses'],
      ['embed', 'embeds', 'embedded', 'embedding', 'embeddings'],
      ['query', 'queries', 'queried'],
      ['index', 'indexes'],
      ['class', 'classes'],
      ['run', 'running', 'runs'],
      ['add', 'adds', 'added', 'adding'],
      ['install', 'installed', 'installing'],
      ['need', 'needs', 'needed'],
    ];
    for (const group of groups) {
      expect(new Set(group.map(stem)), group.join('/')).toHaveProperty('size', 1);
    }
  });

  it('leaves words alone whose ending is not a suffix', () => {
    for (const word of ['string', 'thing', 'status', 'analysis', 'pass', 'bus', 'red']) {
      expect(stem(word)).toBe(word);
    }
  });

  it('handles non-Latin scripts, numbers and apostrophes', () => {
    expect(tokenize('Größe der Datenbank: 384 Dimensionen')).toEqual([
      'größe',
      'der',
      'datenbank',
      '384',
      'dimensionen',
    ]);
    expect(tokenize('Привет, мир')).toEqual(['привет', 'мир']);
    expect(tokenize('数据库')).toEqual(['数', '据', '库']);
    expect(words("The server's port isn't open")).toEqual(['the', 'server', 'port', 'isnt', 'open']);
  });

  it('splits identifiers at punctuation and drops single letters', () => {
    expect(contentWords('pg-vector a b_c EMBEDDING_DIMENSIONS')).toEqual([
      'pg',
      'vector',
      'embedding',
      'dimensions',
    ]);
  });

  it('reads ASCII text as the full Unicode path reads it', () => {
    // A trailing "é" sends the text down the full path and adds one word of its own.
    const texts = [
      "The server's port isn't open",
      "O'Brien's  don't ''quoted'' it's' 'tis",
      'Line\nbreaks\tTABS, x86_64 v2.3.1 C++ e-mail @user #tag 3.14 1,000',
      'ALL CAPS AND MiXeD CaSe',
      '',
    ];
    for (const text of texts) expect(words(`${text} é`)).toEqual([...words(text), 'é']);
    // Single Latin letters go; single digits and other letters stay.
    expect(contentWords('a 1 Z 2 é ж')).toEqual(['1', '2', 'é', 'ж']);
  });

  it('returns nothing for text without content words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('What is it, and how?')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('splits prose at sentence ends but not at abbreviations, initials or decimals', () => {
    expect(
      splitSentences(
        'Use a vector index, e.g. HNSW. It is fast! Is it exact? No. J. Smith wrote v2.5 of it.',
      ),
    ).toEqual([
      'Use a vector index, e.g. HNSW.',
      'It is fast!',
      'Is it exact?',
      'No.',
      'J. Smith wrote v2.5 of it.',
    ]);
  });

  it('treats list items and table rows as sentences and skips headings, rules and code', () => {
    const markdown = [
      '# Install',
      '',
      'Run the installer first. Then restart.',
      '',
      '```bash',
      'npm install. Not a sentence.',
      '```',
      '',
      '- Node 20 or newer',
      '- Postgres with',
      '  pgvector enabled',
      '1. Step one',
      '',
      '---',
      '',
      'Settings',
      '========',
      '',
      '| Name | Default |',
      '|------|---------|',
      '| PORT | 3000 |',
      '',
      '> Quoted advice here.',
    ].join('\n');
    expect(splitSentences(markdown)).toEqual([
      'Run the installer first.',
      'Then restart.',
      'Node 20 or newer',
      'Postgres with pgvector enabled',
      'Step one',
      'Name; Default',
      'PORT; 3000',
      'Quoted advice here.',
    ]);
  });

  it('drops an unterminated code fence to the end', () => {
    expect(splitSentences('Before.\n~~~\ncode here\nmore code')).toEqual(['Before.']);
  });

  it('splits CJK sentences at full-width punctuation', () => {
    expect(splitSentences('数据库很快。它支持向量！')).toEqual(['数据库很快。', '它支持向量！']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('---\n\n...')).toEqual([]);
  });
});
