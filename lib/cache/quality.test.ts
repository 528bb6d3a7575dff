import { describe, expect, it } from 'vitest';
import { cosine, parsePairs, ratesByKind, summarise, wilsonUpper, type ScoredPair } from './quality';

describe('parsePairs', () => {
  it('reads JSON Lines and JSON arrays', () => {
    const line = { id: 'p1', kind: 'paraphrase', a: 'How do I stop the app?', b: 'How can I stop the app?' };
    expect(parsePairs(`${JSON.stringify(line)}\n\n${JSON.stringify({ ...line, id: 'p2' })}\n`)).toHaveLength(
      2,
    );
    expect(parsePairs(JSON.stringify([line]))).toEqual([line]);
  });

  it('names the first bad pair', () => {
    expect(() => parsePairs('{"id": "x", "kind": "number", "a": "q"}')).toThrow(/pair 1/);
    expect(() => parsePairs('{"id": "x"\n')).toThrow(/line 1 is not JSON/);
  });
});

describe('rates', () => {
  const scored = (kind: string, similarity: number, ok = true): ScoredPair => ({
    pair: { id: `${kind}-${similarity}`, kind, a: 'a', b: 'b' },
    similarity,
    verdict: ok ? { ok: true } : { ok: false, guard: 'negation', detail: '' },
  });
  const scores = [
    scored('paraphrase', 0.95),
    scored('paraphrase', 0.8),
    scored('negation', 0.97, false),
    scored('number', 0.9),
    scored('number', 0.5),
  ];

  it('counts hits by kind at a threshold, with and without the guards', () => {
    expect(ratesByKind(scores, 0.85)).toEqual([
      { kind: 'paraphrase', pairs: 2, hits: 1, rate: 0.5 },
      { kind: 'negation', pairs: 1, hits: 0, rate: 0 },
      { kind: 'number', pairs: 2, hits: 1, rate: 0.5 },
    ]);
    expect(summarise(scores, 0.85, false)).toMatchObject({ paraphraseHits: 1, falseHits: 2, nearMisses: 3 });
    expect(summarise(scores, 0.75)).toMatchObject({ paraphraseHits: 2, falseHits: 1 });
  });

  it('computes cosine similarity and the Wilson upper bound', () => {
    expect(cosine([1, 0], [2, 0])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 1])).toBeCloseTo(0);
    expect(wilsonUpper(0, 250)).toBeCloseTo(0.0151, 3);
    expect(wilsonUpper(5, 5)).toBe(1);
  });
});
