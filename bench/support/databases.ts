// The two databases a benchmark compares, migrated and with the app's own client pointed at them:
// a throwaway database on the Postgres server, and the embedded one (PGlite) in a temporary folder.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDb, type Db } from '@/lib/db/client';
import { startEmbeddedDatabase } from '@/lib/db/embedded/server';
import { migrate } from '@/lib/db/migrate';
import { createThrowawayDatabase, freePort } from './net';

const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/test';

export type BenchDatabase = {
  kind: 'postgres' | 'embedded';
  url: string;
  /** The app's Prisma client on this database (also what `db()` returns until the next one opens). */
  client: Db;
  /** Server version and the settings that bear on the figures. */
  description: string;
  close(): Promise<void>;
};

export function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_SERVER_URL;
}

/** Runs `work` with one `pg` client on `url`, always closing it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function describe(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const setting = async (name: string) =>
      (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name];
    return (
      `server ${await setting('server_version')}, shared_buffers ${await setting('shared_buffers')}, ` +
      `maintenance_work_mem ${await setting('maintenance_work_mem')}, ` +
      `max_parallel_maintenance_workers ${await setting('max_parallel_maintenance_workers')}`
    );
  });
}

/** Migrates the database and points the app's client (`db()`) at it with a pool of `poolSize`. */
async function open(
  kind: BenchDatabase['kind'],
  url: string,
  poolSize: number,
  cleanup: () => Promise<void>,
): Promise<BenchDatabase> {
  try {
    await migrate(url);
    const client = connectDb(url, poolSize);
    let closed = false;
    return {
      kind,
      url,
      client,
      description: await describe(url),
      async close() {
        if (closed) return;
        closed = true;
        await client.$disconnect().catch(() => {});
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** A new `rag_bench_<ts>` database on the server, dropped by `close()`; the reason when unreachable. */
export async function openPostgres(poolSize = 10): Promise<BenchDatabase | { unavailable: string }> {
  const server = serverUrl();
  const database = await createThrowawayDatabase(server);
  if ('unreachable' in database) {
    return { unavailable: `no Postgres server reachable at ${server} (${database.unreachable})` };
  }
  return open('postgres', database.url, poolSize, () => database.drop());
}

/** The embedded database in a new temporary folder, stopped and deleted by `close()`. */
export async function openEmbedded(poolSize = 10): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rag-bench-embedded-'));
  let database;
  try {
    database = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const started = database;
  return open('embedded', started.url, poolSize, async () => {
    await started.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
}

/** Milliseconds `work` took, with its value. */
export async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}
