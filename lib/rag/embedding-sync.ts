// Keeps stored vectors in step with the configured embedding model: a new dimension re-types the
// vector columns, and a new model (or dimension) embeds every stored passage again, with progress.
import 'server-only';
import { embedMany } from 'ai';
import type { EmbeddingModelInfo } from '@/lib/ai/models';
import {
  changeEmbeddingDimension,
  chunksAfter,
  countChunks,
  recordEmbeddingModel,
  setChunkEmbeddings,
  storedEmbeddingDimension,
  storedEmbeddingModel,
} from '@/lib/db/embeddings';
import { embeddingText } from './embedding-text';

export type SyncResult = { changedDimension: boolean; reembedded: number };

export async function syncEmbeddings(
  embedding: EmbeddingModelInfo,
  progress: (line: string) => void = () => {},
  batchSize = 64,
): Promise<SyncResult> {
  const [dimension, model, total] = await Promise.all([
    storedEmbeddingDimension(),
    storedEmbeddingModel(),
    countChunks(),
  ]);
  const changedDimension = dimension !== embedding.dimensions;
  if (changedDimension) {
    progress(
      `Embedding dimension changes from ${dimension} to ${embedding.dimensions}: re-typing the vector columns`,
    );
    await changeEmbeddingDimension(embedding.dimensions);
  }
  // A fresh database has no passages; its first model is simply recorded.
  if (!changedDimension && (model === embedding.id || (model === null && total === 0))) {
    if (model === null) await recordEmbeddingModel(embedding.id);
    return { changedDimension, reembedded: 0 };
  }

  let done = 0;
  let cursor: string | null = null;
  if (total > 0) progress(`Embedding ${total} passages again with ${embedding.id}`);
  for (;;) {
    const page = await chunksAfter(cursor, batchSize);
    if (page.length === 0) break;
    const { embeddings } = await embedMany({ model: embedding.model, values: page.map(embeddingText) });
    await setChunkEmbeddings(page.map((chunk, i) => ({ id: chunk.id, embedding: embeddings[i]! })));
    done += page.length;
    cursor = page.at(-1)!.id;
    progress(`  ${done}/${total} passages`);
  }
  await recordEmbeddingModel(embedding.id);
  return { changedDimension, reembedded: done };
}
