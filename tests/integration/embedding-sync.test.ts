// [RAG] Changing the embedding model or its dimension re-makes every stored vector, so retrieval
// never compares vectors from two different models.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createModels } from '../../lib/ai/models';
import { db } from '../../lib/db/client';
import { storedEmbeddingDimension, storedEmbeddingModel } from '../../lib/db/embeddings';
import { parseEnv } from '../../lib/env';
import { syncEmbeddings } from '../../lib/rag/embedding-sync';
import { ingestFile } from '../../lib/ingest/pipeline';
import { retrievePassages } from '../../lib/rag/retrieve';
import { passageSearchPlan } from '../support/passage-search-plan';

const models = (dimensions: number) =>
  createModels(parseEnv({ EMBEDDING_DIMENSIONS: String(dimensions) })).embedding;
const vectorsOf = () =>
  db().$queryRaw<
    { dims: number }[]
  >`SELECT vector_dims(embedding) AS dims FROM chunks WHERE embedding IS NOT NULL`;

describe(`[RAG] embedding model changes on ${inject('database')}`, () => {
  beforeAll(async () => {
    await db().document.deleteMany();
    await syncEmbeddings(models(384));
    await ingestFile({
      fileName: 'docs/backups.md',
      source: 'docs/backups.md',
      bytes: new TextEncoder().encode(
        '# Backups\n\n## Schedule\n\nSnapshots of the database volume are taken every night and kept for thirty days.\n',
      ),
    });
  });

  afterAll(async () => {
    // Leave the shared test database as the other files expect it.
    await syncEmbeddings(models(384));
  });

  it('records the model on a fresh or unchanged database and re-embeds nothing', async () => {
    expect(await syncEmbeddings(models(384))).toEqual({ changedDimension: false, reembedded: 0 });
    expect(await storedEmbeddingModel()).toBe('local-hash-v2-384');
  });

  it('re-types the vector columns and re-embeds every passage for a new dimension, with progress', async () => {
    const lines: string[] = [];
    const total = await db().chunk.count();
    const result = await syncEmbeddings(models(64), (line) => lines.push(line), 1);
    expect(result).toEqual({ changedDimension: true, reembedded: total });
    expect(await storedEmbeddingDimension()).toBe(64);
    expect(await storedEmbeddingModel()).toBe('local-hash-v2-64');
    const vectors = await vectorsOf();
    expect(vectors).toHaveLength(total);
    expect(vectors.every((v) => Number(v.dims) === 64)).toBe(true);
    expect(lines[0]).toBe('Embedding dimension changes from 384 to 64: re-typing the vector columns');
    expect(lines.at(-1)).toBe(`  ${total}/${total} passages`);
    // The HNSW index is built again for the new dimension, and the passage search walks it.
    const [index] = await db().$queryRaw<
      { indexdef: string }[]
    >`SELECT indexdef FROM pg_indexes WHERE indexname = 'chunks_embedding_hnsw_idx'`;
    expect(index?.indexdef).toMatch(
      inject('database') === 'postgres'
        ? /\(\(embedding\)::halfvec\(64\)\) halfvec_cosine_ops/
        : /\(embedding vector_cosine_ops\)/,
    );
    expect(await passageSearchPlan(64)).toMatch(/Index Scan using chunks_embedding_hnsw_idx/);
  });

  it('changes back and still finds the right passage', async () => {
    await syncEmbeddings(models(384));
    expect(await storedEmbeddingDimension()).toBe(384);
    const { passages } = await retrievePassages({
      question: 'How long are nightly snapshots kept?',
      viewer: { userId: null },
    });
    expect(passages[0]?.headingPath).toBe('Schedule');
  });
});
