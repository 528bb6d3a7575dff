// The statements every question runs (the API key's check, the answer cache's scope and lookups, the
// query log's and the cache hits' group-commit writes) and ingestion's (a document stored with its
// file, an attempt's start, which reads the file, its progress, and the swap that writes the
// passages), sent with node-postgres on the pool under the Prisma client, past Prisma's query
// pipeline: it cost more CPU than the statements themselves on a cached answer, and encodes every
// byte parameter in base64 and back. Parameterised like $queryRaw, with the same chaos faults as the
// adapter; only for single statements. Columns come back as node-postgres reads them (enums as
// strings, int8 as strings), and a `timestamp` as a UTC Date, as Prisma reads it (client.ts).
import 'server-only';
import { databaseFault } from '@/lib/chaos/database';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db, poolOf } from './client';

/** The rows of one parameterised statement ($1, $2, …). */
export async function queryRows<Row>(text: string, values: readonly unknown[]): Promise<Row[]> {
  const { pool, chaos } = poolOf(db());
  if (chaos) await databaseFault();
  const result = await pool.query(text, values as unknown[]);
  return result.rows as Row[];
}

/** The rows of a statement written as a Prisma.sql template, sent the same way. */
export function queryStatement<Row>(statement: Prisma.Sql): Promise<Row[]> {
  return queryRows<Row>(statement.text, statement.values);
}
