// A reranking provider over the Cohere-compatible wire format (Cohere, Jina, Voyage-compatible
// gateways, Hugging Face TEI and Infinity servers): POST {base}/v1/rerank → results with scores.
import { z } from 'zod';
import { candidateText, type Reranker } from './types';

const responseSchema = z.object({
  results: z.array(z.object({ index: z.number().int().min(0), relevance_score: z.number() })),
});

export class RerankProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RerankProviderError';
  }
}

export function createProviderReranker(settings: {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): Reranker {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/v1/rerank`;
  const doFetch = settings.fetch ?? fetch;
  return {
    id: `provider:${settings.model}`,
    async rerank({ query, candidates, topN, signal }) {
      if (candidates.length === 0) return [];
      const timeout = AbortSignal.timeout(settings.timeoutMs);
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: settings.model,
          query,
          documents: candidates.map(candidateText),
          top_n: Math.min(topN, candidates.length),
        }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!response.ok) {
        throw new RerankProviderError(`rerank provider answered ${response.status} ${response.statusText}`);
      }
      const parsed = responseSchema.safeParse(await response.json());
      if (!parsed.success) throw new RerankProviderError('rerank provider answered in an unexpected shape');
      const results = parsed.data.results.filter((r) => r.index < candidates.length);
      return results
        .map((r) => ({ index: r.index, score: r.relevance_score }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topN);
    },
  };
}
