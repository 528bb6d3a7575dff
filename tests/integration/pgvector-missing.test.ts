// [DB] A Postgres server without pgvector gets a clear error that says how to install it, and no half-migrated schema.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrate, PgvectorMissingError } from '../../lib/db/migrate';
import { freePort } from '../support/free-port';

describe('[DB] server without pgvector', () => {
  it('refuses to migrate with install instructions and leaves the database untouched', async () => {
    // An in-memory Postgres that does not ship the vector extension.
    const database = await PGlite.create();
    const port = await freePort();
    const server = new PGLiteSocketServer({ db: database, host: '127.0.0.1', port, maxConnections: 4 });
    await server.start();
    const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    try {
      const error = await migrate(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PgvectorMissingError);
      expect((error as Error).message).toContain('pgvector is not installed on this Postgres server');
      expect((error as Error).message).toContain('apt-get install postgresql-<version>-pgvector');

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'",
      );
      await client.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await server.stop();
      await database.close();
    }
  });
});
