// The order of search hits: best score first, and equal scores in a fixed order of their content,
// never of their random ids, so a question gets the same sources however the corpus was ingested.
import { describe, expect, it } from 'vitest';
import { byScore, type ChunkHit } from './chunks';

const hit = (id: string, score: number, source: string, more: Partial<ChunkHit> = {}): ChunkHit => ({
  id,
  documentId: `doc-${source}`,
  title: source,
  source,
  headingPath: '',
  page: null,
  text: 'text',
  embedding: new Float32Array(0),
  score,
  ...more,
});

describe('byScore', () => {
  it('puts the best score first', () => {
    const hits = [hit('a', 0.2, 'x.md'), hit('b', 0.9, 'y.md'), hit('c', 0.5, 'z.md')];
    expect(hits.sort(byScore).map((h) => h.id)).toEqual(['b', 'c', 'a']);
  });

  it('orders equal scores by source, heading path, page and text, whatever their ids', () => {
    const tied = [
      hit('id-1', 0.5, 'docs/b.md'),
      hit('id-2', 0.5, 'README.md', { headingPath: 'Tests' }),
      hit('id-3', 0.5, 'docs/a.md', { page: 2 }),
      hit('id-4', 0.5, 'docs/a.md', { page: 1, text: 'second' }),
      hit('id-5', 0.5, 'docs/a.md', { page: 1, text: 'first' }),
      hit('id-6', 0.5, 'README.md', { headingPath: 'Models' }),
    ];
    const expected = ['id-6', 'id-2', 'id-5', 'id-4', 'id-3', 'id-1'];
    expect([...tied].sort(byScore).map((h) => h.id)).toEqual(expected);
    expect(
      [...tied]
        .reverse()
        .sort(byScore)
        .map((h) => h.id),
    ).toEqual(expected);
  });
});
