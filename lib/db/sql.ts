// The statements every question runs (the API key's check, the answer cache's scope and lookups, the
// query log's and the cache hits' group-commit writes) and ingestion's (a document stored with its
// file, an attempt's start, which reads the file, its progress, and the swap that writes the
// passages), sent with node-postgres on the pool under the Prisma client, past Prisma's query
// pipeline: it cost more CPU than the statements themselves on a cached answer, and encodes every
// byte parameter in base64 and back. Parameterised like $queryRaw, with the same chaos faults as the
// adapter; only for single statements. Columns come back as node-postgres reads them (enums as
// strings, int8 as strings), and a `timestamp` as a UTC Date, as Prisma reads it (client.ts).
import 'server-only';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { databaseFault } from '@/lib/chaos/database';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db, poolOf } from './client';

/**
 * The rows of one parameterised statement ($1, $2, …). `prepared` sends it as a named statement, the
 * name being a hash of its text: each session parses it once and then only binds and runs it (unless
 * DATABASE_PREPARED_STATEMENTS is false). Only for texts of a bounded number of forms (every value in
 * a parameter), as a session keeps each.
 */
export async function queryRows<Row>(
  text: string,
  values: readonly unknown[],
  options: { prepared?: boolean } = {},
): Promise<Row[]> {
  const { pool, chaos } = poolOf(db());
  if (chaos) await databaseFault();
  const result =
    options.prepared && env().DATABASE_PREPARED_STATEMENTS && (await sessionPerConnection(pool))
      ? await pool.query({ name: statementName(text), text, values: values as unknown[] })
      : await pool.query(text, values as unknown[]);
  return result.rows as Row[];
}

/** True on the embedded database (PGlite, built for WebAssembly), false on a Postgres server. */
export const EMBEDDED_DATABASE_SQL = `version() LIKE '%wasm32%'`;

const sessions = new WeakMap<pg.Pool, Promise<boolean>>();

/**
 * Whether each connection has a session of its own, as named statements need. The embedded database
 * runs every connection in its one session (lib/db/embedded/serial-queue.ts), where a second
 * connection preparing the same name would fail: there statements go unnamed.
 */
function sessionPerConnection(pool: pg.Pool): Promise<boolean> {
  let known = sessions.get(pool);
  if (!known) {
    known = pool
      .query<{ embedded: boolean }>(`SELECT ${EMBEDDED_DATABASE_SQL} AS embedded`)
      .then((result) => !result.rows[0]!.embedded);
    // A failed check is asked again next time.
    known.catch(() => sessions.delete(pool));
    sessions.set(pool, known);
  }
  return known;
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `rag_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The rows of a statement written as a Prisma.sql template, sent the same way, prepared: ingestion's
 * statements run several times a document, and the server parsed and planned each afresh.
 */
export function queryStatement<Row>(statement: Prisma.Sql): Promise<Row[]> {
  return queryRows<Row>(statement.text, statement.values, { prepared: true });
}
