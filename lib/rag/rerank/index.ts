// Which reranker the retrieval pipeline uses: the configured provider, else the local one when
// enabled in config, else none (the fused order stands).
import { retrieval } from '@/lib/config';
import { env } from '@/lib/env';
import { createLocalReranker } from './local';
import { createProviderReranker } from './provider';
import type { Reranker } from './types';

export type { Reranker, RerankCandidate, RerankResult } from './types';
export { createLocalReranker } from './local';
export { createProviderReranker } from './provider';

/** The reranker for a configuration (exported for tests and the evaluation). */
export function createReranker(settings: {
  RERANK_BASE_URL?: string;
  RERANK_API_KEY?: string;
  RERANK_MODEL: string;
}): Reranker | null {
  if (settings.RERANK_BASE_URL) {
    return createProviderReranker({
      baseUrl: settings.RERANK_BASE_URL,
      apiKey: settings.RERANK_API_KEY,
      model: settings.RERANK_MODEL,
      timeoutMs: retrieval.rerank.timeoutMs,
    });
  }
  return retrieval.rerank.local ? createLocalReranker(retrieval.rerank.localOptions) : null;
}

/** The reranker of this process, from the environment (no cache: tests point it elsewhere). */
export function getReranker(): Reranker | null {
  return createReranker(env());
}
