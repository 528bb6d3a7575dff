// Embeddings already paid for, by embedding model and SHA-256 of the embedded text.
import 'server-only';
import { fromSql } from 'pgvector';
import { db } from './client';
import { vectorArrayBinary, vectorTypeOid } from './vector-binary';

/** Cached vectors of the given text hashes for `model`; hashes not cached are absent from the map. */
export async function getCachedEmbeddings(
  model: string,
  textHashes: string[],
): Promise<Map<string, number[]>> {
  if (textHashes.length === 0) return new Map();
  const rows = await db().$queryRaw<{ text_hash: string; embedding: string }[]>`
    SELECT text_hash, embedding::text AS embedding FROM embedding_cache
    WHERE model = ${model} AND text_hash = ANY(${textHashes}::text[])`;
  return new Map(rows.map((row) => [row.text_hash, fromSql(row.embedding) as number[]]));
}

/** Stores vectors for later ingestions; an entry already there is kept. */
export async function putCachedEmbeddings(
  model: string,
  entries: Array<{ textHash: string; embedding: number[] }>,
): Promise<void> {
  if (entries.length === 0) return;
  const vectors = vectorArrayBinary(
    entries.map((e) => e.embedding),
    await vectorTypeOid(db()),
  );
  await db().$executeRaw`
    INSERT INTO embedding_cache (model, text_hash, embedding)
    SELECT ${model}, h, e
    FROM unnest(${entries.map((e) => e.textHash)}::text[], ${vectors}::vector[]) AS u(h, e)
    ON CONFLICT (model, text_hash) DO NOTHING`;
}
