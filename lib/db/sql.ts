// The statements every question runs (the API key's check, the answer cache's scope and lookups, the
// query log's and the cache hits' group-commit writes) sent with node-postgres on the pool under the
// Prisma client, past Prisma's query pipeline, which cost more CPU than the statements themselves on
// a cached answer. Parameterised like $queryRaw, with the same chaos faults as the adapter; only for
// single statements whose result columns need no Prisma types (no timestamps: node-postgres would
// read them in the process's time zone).
import 'server-only';
import { databaseFault } from '@/lib/chaos/database';
import { db, poolOf } from './client';

/** The rows of one parameterised statement ($1, $2, …). */
export async function queryRows<Row>(text: string, values: readonly unknown[]): Promise<Row[]> {
  const { pool, chaos } = poolOf(db());
  if (chaos) await databaseFault();
  const result = await pool.query(text, values as unknown[]);
  return result.rows as Row[];
}
