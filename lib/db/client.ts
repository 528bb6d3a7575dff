// The one Prisma client of this process, reached through the node-postgres driver adapter whether the
// database is the embedded one or a real server. Only lib/db/ imports this file.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { withDatabaseChaos } from '@/lib/chaos/database';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/logger';

export type Db = InstanceType<typeof PrismaClient>;

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super(
      'DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide the embedded database, or set DATABASE_URL to a Postgres server with pgvector.',
    );
    this.name = 'DatabaseNotConfiguredError';
  }
}

/**
 * How the statements sent on the pool directly (lib/db/sql.ts) read their columns: node-postgres's
 * way, except that a `timestamp` is UTC, as Prisma writes and reads it (node-postgres would read it
 * in the process's time zone). Prisma's adapter brings its own parsers for its statements.
 */
function typeParser(oid: number, format: 'text' | 'binary' = 'text'): unknown {
  if (oid === pg.types.builtins.TIMESTAMP && format === 'text') {
    return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
  }
  return pg.types.getTypeParser(oid, format);
}

/**
 * A client on its own pool. `chaos`: with chaos mode's `database` target on, faults are injected under
 * it (lib/chaos/database.ts); only the serving app's client asks for that, not launchers and CLIs.
 */
export function createDb(connectionString: string, poolSize = 10, options: { chaos?: boolean } = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    types: { getTypeParser: typeParser } as pg.CustomTypesConfig,
  });
  // An idle connection the server drops (a restart, a failover, the embedded database closing it)
  // is an 'error' event on the pool, which ends the process when nobody listens. The pool has
  // already discarded that connection; the next query opens a new one.
  pool.on('error', (error) => log().warn({ err: error }, 'an idle database connection was closed'));
  const driver = new PrismaPg(pool, { disposeExternalPool: true });
  const adapter = options.chaos ? withDatabaseChaos(driver) : driver;
  // Password hashes are never read unless a query asks for them by name.
  const client: Db = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  pools.set(client, { pool, chaos: adapter !== driver });
  return client;
}

// Each client's pg pool, which the adapter uses, for the statements lib/db/sql.ts sends on it
// directly. Kept on globalThis, as the shared client is: Next.js bundles this module once per layer
// (route handlers, pages, server actions), and a client made by one copy is used by all of them.
const pools = ((
  globalThis as unknown as { ragDbPools?: WeakMap<Db, { pool: pg.Pool; chaos: boolean }> }
).ragDbPools ??= new WeakMap());

/** The pool under `client` (created by createDb), and whether chaos mode may inject faults in it. */
export function poolOf(client: Db): { pool: pg.Pool; chaos: boolean } {
  const found = pools.get(client);
  if (!found) throw new Error('this client was not created by createDb');
  return found;
}

const globalForDb = globalThis as unknown as { ragDb?: Db; ragDbUrl?: string };

/** Points this process at `connectionString` (launchers and tests, which provide the database themselves). */
export function connectDb(connectionString: string, poolSize = 10): Db {
  globalForDb.ragDb = createDb(connectionString, poolSize);
  globalForDb.ragDbUrl = connectionString;
  return globalForDb.ragDb;
}

/** The URL of the database this process uses (for clients with their own pool, such as the job queue). */
export function databaseUrl(): string {
  if (globalForDb.ragDbUrl) return globalForDb.ragDbUrl;
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) throw new DatabaseNotConfiguredError();
  return DATABASE_URL;
}

/** The shared client; created on first use so a missing database fails the request, not the import. */
export function db(): Db {
  if (!globalForDb.ragDb) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    if (!DATABASE_URL) throw new DatabaseNotConfiguredError();
    globalForDb.ragDb = createDb(DATABASE_URL, DATABASE_POOL_SIZE, { chaos: true });
    globalForDb.ragDbUrl = DATABASE_URL;
  }
  return globalForDb.ragDb;
}

/**
 * Disconnects `client` for good and ends its pool. Prisma ends the pool only when a query of its own
 * opened the adapter; the statements of lib/db/sql.ts use the pool directly, and a process that ran
 * only those (an ingest run where every file was unchanged) kept connections open past the end.
 */
export async function disconnectDb(client: Db): Promise<void> {
  await client.$disconnect();
  const { pool } = poolOf(client);
  if (!pool.ending) await pool.end();
}

/** Closes this process's pool, if one was opened; the next db() opens a new one (shutdown). */
export async function closeDb(): Promise<void> {
  const client = globalForDb.ragDb;
  globalForDb.ragDb = undefined;
  if (client) await disconnectDb(client);
}
