// The embedded Postgres (PGlite with pgvector) served over the Postgres wire protocol, so the app
// reaches it through the same driver adapter as a real server. Owned by the dev/start launcher.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';
import { serialiseConnections } from './serial-queue';

export class EmbeddedDatabaseLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is already in use by another running copy of the app. ` +
        'Stop that copy first (or set DATA_DIR to another folder). The data directory was not touched.',
    );
    this.name = 'EmbeddedDatabaseLockedError';
  }
}

export type EmbeddedDatabase = {
  /** A postgres:// URL for any Postgres client. */
  url: string;
  /** Whether the data directory was created by this start (a fresh database). */
  created: boolean;
  stop(): Promise<void>;
};

export function embeddedDatabaseUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** Serves the pgvector-enabled PGlite in `dataDir` on 127.0.0.1:`port`; one process per data directory. */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  maxConnections?: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pglite');
  await mkdir(dataDir, { recursive: true });

  // PGlite has no lock of its own: two processes on one directory would corrupt it.
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'pglite.lock'),
      stale: 15_000,
      update: 5_000,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new EmbeddedDatabaseLockedError(dataDir);
    throw error;
  }

  try {
    const { existsSync } = await import('node:fs');
    const created = !existsSync(path.join(pgDir, 'PG_VERSION'));
    const db = await PGlite.create(pgDir, { extensions: { vector } });
    const server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: options.port,
      maxConnections: options.maxConnections ?? 64,
    });
    serialiseConnections(server);
    await server.start().catch(async (error: NodeJS.ErrnoException) => {
      await db.close();
      if (error.code === 'EADDRINUSE') {
        throw new Error(
          `Port ${options.port} is in use, so the embedded database cannot listen there. Set EMBEDDED_DB_PORT to a free port.`,
        );
      }
      throw error;
    });
    let stopped = false;
    return {
      url: embeddedDatabaseUrl(options.port),
      created,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
