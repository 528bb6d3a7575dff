// Embeds passages for ingestion: in batches, several calls in flight, each retried with backoff on
// 429/5xx by the AI SDK, and (for a provider's model) cached by model + text hash so re-ingestion
// never pays twice.
import 'server-only';
import { createHash } from 'node:crypto';
import { embedMany } from 'ai';
import pLimit from 'p-limit';
import { getModels, type EmbeddingModelInfo } from '@/lib/ai/models';
import { ingestion } from '@/lib/config';
import { getCachedEmbeddings, putCachedEmbeddings } from '@/lib/db/embedding-cache';

export type EmbedProgress = (done: number, total: number) => Promise<void> | void;

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Embeddings of `texts`, in order. Cached vectors are reused; the rest are embedded and cached. */
export async function embedForIngestion(
  texts: string[],
  onProgress: EmbedProgress = () => {},
  embedding: EmbeddingModelInfo = getModels().embedding,
): Promise<{ embeddings: number[][]; cached: number; embedded: number; tokens: number }> {
  // The dimension is part of the key: the same model asked for another size gives other vectors.
  const cacheModel = `${embedding.id}@${embedding.dimensions}`;
  const hashes = texts.map(textHash);
  // The built-in embedding is computed in this process faster than a cache round trip (measured in
  // bench/ingest-throughput.ts), so only a provider's embeddings, which cost money and time, are cached.
  const useCache = !embedding.local;
  const vectors = useCache
    ? await getCachedEmbeddings(cacheModel, [...new Set(hashes)])
    : new Map<string, number[]>();
  const cached = hashes.filter((hash) => vectors.has(hash)).length;

  // Each distinct missing text is embedded once, even if the document repeats it.
  const missing = new Map<string, string>();
  hashes.forEach((hash, i) => {
    if (!vectors.has(hash)) missing.set(hash, texts[i]!);
  });
  const entries = [...missing.entries()];
  const batches: Array<Array<[string, string]>> = [];
  for (let start = 0; start < entries.length; start += ingestion.embedBatchSize) {
    batches.push(entries.slice(start, start + ingestion.embedBatchSize));
  }

  // Progress is reported when it is news: the caller records the start (none done) and its next step
  // the end, so neither is written here (with the built-in model these two writes a document took half
  // of this function's time).
  let done = cached;
  let tokens = 0;
  if (done > 0 && done < texts.length) await onProgress(done, texts.length);
  const limit = pLimit(ingestion.embedConcurrency);
  await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        const result = await embedMany({
          model: embedding.model,
          values: batch.map(([, text]) => text),
          maxRetries: ingestion.embedMaxRetries,
        });
        tokens += result.usage?.tokens ?? 0;
        const fresh = batch.map(([hash], i) => ({ textHash: hash, embedding: result.embeddings[i]! }));
        for (const entry of fresh) vectors.set(entry.textHash, entry.embedding);
        if (useCache) await putCachedEmbeddings(cacheModel, fresh);
        done += batch.length;
        if (done < texts.length) await onProgress(done, texts.length);
      }),
    ),
  );
  return { embeddings: hashes.map((hash) => vectors.get(hash)!), cached, embedded: missing.size, tokens };
}
