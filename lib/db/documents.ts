// Documents and their passages: ingestion writes a document with all its chunks in one transaction.
import 'server-only';
import { toSql } from 'pgvector';
import { db } from './client';

export type NewChunk = {
  ordinal: number;
  text: string;
  headingPath: string;
  tokenCount: number;
  embedding: number[];
};

export async function findDocumentByHash(contentHash: string) {
  return db().document.findUnique({ where: { contentHash }, select: { id: true, status: true } });
}

/**
 * Stores a document and its embedded chunks, replacing an earlier document from the same source.
 * Returns the new document's id.
 */
export async function replaceDocument(input: {
  title: string;
  source: string;
  mimeType: string;
  contentHash: string;
  createdById?: string | null;
  chunks: NewChunk[];
}): Promise<string> {
  return db().$transaction(
    async (tx) => {
      await tx.document.deleteMany({ where: { source: input.source } });
      const document = await tx.document.create({
        data: {
          title: input.title,
          source: input.source,
          mimeType: input.mimeType,
          contentHash: input.contentHash,
          createdById: input.createdById ?? null,
          status: 'READY',
          chunkCount: input.chunks.length,
        },
        select: { id: true },
      });
      for (const chunk of input.chunks) {
        await tx.$executeRaw`
          INSERT INTO chunks (id, document_id, ordinal, text, heading_path, token_count, embedding)
          VALUES (gen_random_uuid()::text, ${document.id}, ${chunk.ordinal}, ${chunk.text}, ${chunk.headingPath},
                  ${chunk.tokenCount}, ${toSql(chunk.embedding)}::vector)`;
      }
      return document.id;
    },
    { timeout: 60_000 },
  );
}

export async function countDocuments(): Promise<number> {
  return db().document.count();
}
