// Ingestion: markdown text → passages with heading paths → embeddings → one document, atomically.
import 'server-only';
import { createHash } from 'node:crypto';
import { embedMany } from 'ai';
import { getModels } from '@/lib/ai/models';
import { findDocumentByHash, replaceDocument } from '@/lib/db/documents';
import { chunkMarkdown } from './chunking';
import { embeddingText } from './embedding-sync';

export type IngestResult = { documentId: string | null; chunks: number; skipped: boolean };

/** Stores `markdown` as the document for `source`, unless identical content is already stored. */
export async function ingestMarkdown(input: {
  source: string;
  title: string;
  markdown: string;
  createdById?: string | null;
}): Promise<IngestResult> {
  const { embedding } = getModels();
  // The embedding model is part of the hash: a new model re-embeds everything on the next ingest.
  const contentHash = createHash('sha256')
    .update(embedding.id)
    .update('\0')
    .update(input.markdown)
    .digest('hex');
  const existing = await findDocumentByHash(contentHash);
  if (existing?.status === 'READY') return { documentId: existing.id, chunks: 0, skipped: true };

  const chunks = chunkMarkdown(input.markdown, { title: input.title });
  const embeddings: number[][] = [];
  const batchSize = 64;
  for (let start = 0; start < chunks.length; start += batchSize) {
    const batch = chunks.slice(start, start + batchSize);
    const result = await embedMany({
      model: embedding.model,
      values: batch.map(embeddingText),
    });
    embeddings.push(...result.embeddings);
  }
  const documentId = await replaceDocument({
    title: input.title,
    source: input.source,
    mimeType: 'text/markdown',
    contentHash,
    createdById: input.createdById ?? null,
    chunks: chunks.map((chunk, index) => ({ ...chunk, embedding: embeddings[index]! })),
  });
  return { documentId, chunks: chunks.length, skipped: false };
}
