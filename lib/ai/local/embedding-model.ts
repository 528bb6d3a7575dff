// The built-in embedding model used when no provider is configured: hashed n-gram vectors, no network.
import type { EmbeddingModelV4, EmbeddingModelV4Result, SharedV4Warning } from '@ai-sdk/provider';
import { estimateTokens } from '@/lib/ai/tokens';
import { hashEmbed } from './hash-embedding';

/**
 * An AI SDK embedding model (spec v4) over `hashEmbed`. The size is fixed at creation and part of
 * the model id, because stored vectors are only comparable with vectors of the same size and
 * scheme: a `dimensions` request that differs is refused with a warning rather than honoured.
 */
export function createLocalEmbeddingModel(dimensions: number): EmbeddingModelV4 {
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  }
  return {
    specificationVersion: 'v4',
    provider: 'local',
    modelId: `local-hash-v2-${dimensions}`,
    // Batches keep embedMany's work in slices instead of one long synchronous loop.
    maxEmbeddingsPerCall: 256,
    supportsParallelCalls: true,
    async doEmbed({ values, dimensions: requested, abortSignal }): Promise<EmbeddingModelV4Result> {
      abortSignal?.throwIfAborted();
      const warnings: SharedV4Warning[] = [];
      if (requested !== undefined && requested !== dimensions) {
        warnings.push({
          type: 'unsupported',
          feature: 'dimensions',
          details: `local-hash-v2-${dimensions} always returns ${dimensions} dimensions`,
        });
      }
      return {
        embeddings: values.map((value) => hashEmbed(value, dimensions)),
        usage: { tokens: values.reduce((sum, value) => sum + estimateTokens(value), 0) },
        warnings,
      };
    },
  };
}
