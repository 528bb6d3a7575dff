// A throwaway, migrated database for one evaluation run: a new database on a Postgres server, or an
// embedded PGlite in a temporary folder. Dropped (or deleted) afterwards, whatever happens.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import { startEmbeddedDatabase } from '@/lib/db/embedded/server';
import { migrate } from '@/lib/db/migrate';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs `work` with the URL of a fresh migrated database; `serverUrl` unset means embedded PGlite. */
export async function withScratchDatabase<T>(
  serverUrl: string | undefined,
  work: (url: string) => Promise<T>,
): Promise<T> {
  if (serverUrl) {
    const name = `rag_eval_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      await migrate(url.toString());
      return await work(url.toString());
    } finally {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    }
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rag-eval-'));
  try {
    const embedded = await startEmbeddedDatabase({ dataDir, port: await freePort() });
    try {
      await migrate(embedded.url);
      return await work(embedded.url);
    } finally {
      await embedded.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
