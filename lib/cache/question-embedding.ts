// Question embeddings for the semantic cache, by the configured embedding model, remembered per
// process for a while: a lookup that misses and the store after the answer embed the question once.
import 'server-only';
import { embed } from 'ai';
import type { EmbeddingModelInfo } from '@/lib/ai/models';
import { answerCache } from '@/lib/config';

const remembered = new Map<string, Promise<number[]>>();

/** The embedding of `question` by `model`; a failed call is not remembered. */
export function questionEmbedding(model: EmbeddingModelInfo, question: string): Promise<number[]> {
  const key = `${model.id}\u0000${model.dimensions}\u0000${question}`;
  const known = remembered.get(key);
  if (known) {
    // Most recently used last: the Map's order is the eviction order.
    remembered.delete(key);
    remembered.set(key, known);
    return known;
  }
  const pending = embed({ model: model.model, value: question }).then(({ embedding }) => embedding);
  remembered.set(key, pending);
  pending.catch(() => remembered.delete(key));
  while (remembered.size > answerCache.embeddingMemoSize) {
    remembered.delete(remembered.keys().next().value!);
  }
  return pending;
}
