// [DB] A second copy of the app on the same embedded data directory is refused; the data stays intact.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { EmbeddedDatabaseLockedError, startEmbeddedDatabase } from '../../lib/db/embedded/server';
import { freePort } from '../support/free-port';

describe('[DB] embedded database ownership', () => {
  it('refuses a second server on the same data directory and keeps the first one working', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rag-lock-'));
    const first = await startEmbeddedDatabase({ dataDir, port: await freePort() });
    try {
      expect(first.created).toBe(true);
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query('CREATE TABLE notes (body text)');
      await client.query("INSERT INTO notes VALUES ('kept')");

      await expect(startEmbeddedDatabase({ dataDir, port: await freePort() })).rejects.toBeInstanceOf(
        EmbeddedDatabaseLockedError,
      );

      const { rows } = await client.query('SELECT body FROM notes');
      expect(rows).toEqual([{ body: 'kept' }]);
      await client.end();
    } finally {
      await first.stop();
    }
    // Once stopped, the directory opens again with its data.
    const again = await startEmbeddedDatabase({ dataDir, port: await freePort() });
    try {
      expect(again.created).toBe(false);
      const client = new pg.Client({ connectionString: again.url });
      await client.connect();
      expect((await client.query('SELECT body FROM notes')).rows).toEqual([{ body: 'kept' }]);
      await client.end();
    } finally {
      await again.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
