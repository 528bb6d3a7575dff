// The built-in reranker, model-free: rescores the fused candidates with BM25F over heading and body
// (statistics from the candidates themselves) plus a term-proximity bonus, blended with the fused rank.
import { tokenize } from '@/lib/rag/text';
import type { Reranker, RerankResult } from './types';

export type LocalRerankOptions = {
  k1: number;
  b: number;
  /** One heading (title and section path) occurrence counts this many body occurrences. */
  headingWeight: number;
  /** Largest gap, in content words, at which two query terms still count as near each other. */
  proximityWindow: number;
  /** Weight of the proximity score relative to BM25F. */
  proximityWeight: number;
  /** Weight of the incoming (fused) rank, as 1/(60+rank), relative to the lexical score. */
  priorWeight: number;
};

type Doc = { heading: string[]; body: string[] };

function positions(terms: string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  terms.forEach((term, i) => {
    const list = map.get(term);
    if (list) list.push(i);
    else map.set(term, [i]);
  });
  return map;
}

/** Σ over pairs of distinct query terms of idf-weighted closeness of their nearest occurrences. */
function proximity(
  body: Map<string, number[]>,
  query: string[],
  idf: Map<string, number>,
  window: number,
): number {
  let score = 0;
  for (let i = 0; i < query.length; i++) {
    for (let j = i + 1; j < query.length; j++) {
      const a = body.get(query[i]!);
      const b = body.get(query[j]!);
      if (!a || !b) continue;
      let best = Infinity;
      for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x - y));
      if (best <= window) {
        score += Math.min(idf.get(query[i]!) ?? 0, idf.get(query[j]!) ?? 0) / best;
      }
    }
  }
  return score;
}

export function createLocalReranker(options: LocalRerankOptions): Reranker {
  return {
    id: 'local-bm25f-proximity',
    async rerank({ query, candidates, topN }) {
      const queryTerms = [...new Set(tokenize(query))];
      const docs: Doc[] = candidates.map((c) => ({
        heading: tokenize(`${c.title} ${c.headingPath}`),
        body: tokenize(c.text),
      }));
      const n = docs.length;
      const idf = new Map<string, number>();
      for (const term of queryTerms) {
        const df = docs.filter((d) => d.heading.includes(term) || d.body.includes(term)).length;
        idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
      }
      const lengths = docs.map((d) => d.body.length + options.headingWeight * d.heading.length);
      const avg = lengths.reduce((s, x) => s + x, 0) / Math.max(n, 1) || 1;

      const lexical = docs.map((doc, index) => {
        const body = positions(doc.body);
        const heading = positions(doc.heading);
        let bm25 = 0;
        for (const term of queryTerms) {
          const tf = (body.get(term)?.length ?? 0) + options.headingWeight * (heading.get(term)?.length ?? 0);
          if (tf === 0) continue;
          const norm = 1 - options.b + (options.b * lengths[index]!) / avg;
          bm25 += (idf.get(term)! * tf * (options.k1 + 1)) / (tf + options.k1 * norm);
        }
        return bm25 + options.proximityWeight * proximity(body, queryTerms, idf, options.proximityWindow);
      });
      // Lexical scores are on an open scale; the prior is a rank. Both go to [0, 1] before blending.
      const max = Math.max(...lexical, 1e-9);
      const results: RerankResult[] = lexical.map((score, index) => ({
        index,
        score: score / max + options.priorWeight * (61 / (60 + index + 1)),
      }));
      return results.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, topN);
    },
  };
}
