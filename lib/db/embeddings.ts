// Raw access to the stored vectors: their column dimension, the model that made them, and bulk
// re-embedding. Prisma cannot express vector columns, so this file holds that SQL in one place.
import 'server-only';
import { toSql } from 'pgvector';
import { db } from './client';

const MODEL_KEY = 'embedding_model';

/** The dimension of chunks.embedding (pgvector keeps it as the column's type modifier). */
export async function storedEmbeddingDimension(): Promise<number> {
  const [row] = await db().$queryRaw<{ dims: number }[]>`
    SELECT atttypmod AS dims FROM pg_attribute
    WHERE attrelid = 'chunks'::regclass AND attname = 'embedding'`;
  return Number(row?.dims);
}

/** The id of the embedding model the stored vectors were made with, if recorded. */
export async function storedEmbeddingModel(): Promise<string | null> {
  const row = await db().systemState.findUnique({ where: { key: MODEL_KEY } });
  return typeof row?.value === 'string' ? row.value : null;
}

export async function recordEmbeddingModel(modelId: string): Promise<void> {
  await db().systemState.upsert({
    where: { key: MODEL_KEY },
    create: { key: MODEL_KEY, value: modelId, reason: 'embeddings re-made' },
    update: { value: modelId, reason: 'embeddings re-made' },
  });
}

/**
 * Changes both vector columns to `dimensions`, dropping every stored vector and cached answer
 * (they cannot be converted) and rebuilding the HNSW indexes. One transaction: all or nothing.
 */
export async function changeEmbeddingDimension(dimensions: number): Promise<void> {
  const n = Math.trunc(dimensions);
  if (!(n >= 1 && n <= 2000))
    throw new Error(`Embedding dimension must be 1 to 2000 (HNSW's limit), got ${dimensions}.`);
  // The passage index for the new dimension, as this database builds it (half precision on a
  // server, full on the embedded one: migration 20261201010000).
  const [index] = await db().$queryRaw<{ sql: string }[]>`SELECT chunks_hnsw_index_sql(${n}::int) AS sql`;
  await db().$transaction([
    db().$executeRawUnsafe('DROP INDEX IF EXISTS chunks_embedding_hnsw_idx'),
    db().$executeRawUnsafe('DROP INDEX IF EXISTS answer_cache_entries_question_embedding_hnsw_idx'),
    db().$executeRawUnsafe('DELETE FROM answer_cache_entries'),
    db().$executeRawUnsafe(`ALTER TABLE chunks ALTER COLUMN embedding TYPE vector(${n}) USING NULL`),
    db().$executeRawUnsafe(
      `ALTER TABLE answer_cache_entries ALTER COLUMN question_embedding TYPE vector(${n}) USING NULL`,
    ),
    db().$executeRawUnsafe(index!.sql),
    db().$executeRawUnsafe(
      'CREATE INDEX answer_cache_entries_question_embedding_hnsw_idx ON answer_cache_entries USING hnsw (question_embedding vector_cosine_ops)',
    ),
  ]);
}

export async function countChunks(): Promise<number> {
  return db().chunk.count();
}

/** A page of passages to embed again, in a stable order. */
export async function chunksAfter(cursor: string | null, take: number) {
  return db().chunk.findMany({
    where: cursor ? { id: { gt: cursor } } : {},
    orderBy: { id: 'asc' },
    take,
    select: { id: true, text: true, headingPath: true },
  });
}

export async function setChunkEmbeddings(rows: Array<{ id: string; embedding: number[] }>): Promise<void> {
  await db().$transaction(
    rows.map(
      (row) =>
        db().$executeRaw`UPDATE chunks SET embedding = ${toSql(row.embedding)}::vector WHERE id = ${row.id}`,
    ),
  );
}
