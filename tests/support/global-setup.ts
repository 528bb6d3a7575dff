// Creates a fresh, migrated database for one integration run and drops it afterwards:
// a new database on the TEST_DATABASE_URL server, or an embedded PGlite in a temporary folder.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../../lib/db/embedded/server';
import { migrate } from '../../lib/db/migrate';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    database: 'postgres' | 'embedded';
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.provide.database;
  if (kind === 'postgres') {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `rag_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    project.provide('databaseUrl', url.toString());
    return async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rag-embedded-'));
  const embedded = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  await migrate(embedded.url);
  project.provide('databaseUrl', embedded.url);
  return async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
