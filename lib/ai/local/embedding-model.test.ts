import { cosineSimilarity, embed, embedMany } from 'ai';
import { describe, expect, it } from 'vitest';
import { createLocalEmbeddingModel } from './embedding-model';
import { hashEmbed } from './hash-embedding';

describe('createLocalEmbeddingModel', () => {
  const model = createLocalEmbeddingModel(64);

  it('names itself after its size', () => {
    expect(model.provider).toBe('local');
    expect(model.modelId).toBe('local-hash-v2-64');
    expect(model.specificationVersion).toBe('v4');
  });

  it('works with embed', async () => {
    const result = await embed({ model, value: 'vector search in Postgres' });
    expect(result.embedding).toEqual(hashEmbed('vector search in Postgres', 64));
    expect(result.usage.tokens).toBe(Math.ceil('vector search in Postgres'.length / 4));
  });

  it('works with embedMany, in order, across batches', async () => {
    const values = Array.from({ length: 600 }, (_, i) => `document number ${i}`);
    const result = await embedMany({ model, values });
    expect(result.embeddings).toHaveLength(600);
    expect(result.embeddings[599]).toEqual(hashEmbed('document number 599', 64));
    expect(cosineSimilarity(result.embeddings[0]!, result.embeddings[0]!)).toBeCloseTo(1, 10);
    expect(result.usage.tokens).toBeGreaterThan(600);
  });

  it('keeps its size and warns when asked for another', async () => {
    const globals = globalThis as { AI_SDK_LOG_WARNINGS?: boolean };
    globals.AI_SDK_LOG_WARNINGS = false; // expected warning: keep the test output quiet
    const result = await embed({ model, value: 'x y z', dimensions: 32 }).finally(() => {
      delete globals.AI_SDK_LOG_WARNINGS;
    });
    expect(result.embedding).toHaveLength(64);
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'dimensions' }),
    ]);
  });

  it('honours an aborted signal', async () => {
    await expect(
      embed({ model, value: 'x', abortSignal: AbortSignal.abort(), maxRetries: 0 }),
    ).rejects.toThrow();
  });
});
