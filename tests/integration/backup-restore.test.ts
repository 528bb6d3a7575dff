// [BACKUP] A backup restores into a fresh database that a production instance serves: on Postgres,
// `pg_dump -Fc` of the run's database and `pg_restore` into a new one; on the embedded database, its
// data folder copied while the database is stopped and opened by `npm start` (docs/OPERATIONS.md).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../lib/db/api-keys';
import { connectDb, db } from '../../lib/db/client';
import { startEmbeddedDatabase } from '../../lib/db/embedded/server';
import { migrate } from '../../lib/db/migrate';
import { upsertUser } from '../../lib/db/users';
import { ingestFile } from '../../lib/ingest/pipeline';
import { freePort } from '../support/free-port';
import { ensureProductionBuild, startProductionApp, type AppInstance } from '../support/production-app';

const run = promisify(execFile);
const kind = inject('database');

/** A user with an API key and one document, in the database the data layer points at now. */
async function seed(): Promise<string> {
  const user = await upsertUser({ email: 'backup@example.test', role: 'USER', passwordHash: 'x' });
  const { key } = await createApiKey({ user, name: 'backup', scopes: ['query'] });
  await ingestFile({
    fileName: 'tides.md',
    source: 'tides.md',
    bytes: new TextEncoder().encode(
      '# Tides\n\nThe Marwick causeway is passable two hours either side of low tide.\n',
    ),
  });
  return key;
}

describe(`[BACKUP] backup and restore on ${kind}`, () => {
  let app: AppInstance | undefined;
  const cleanup: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    await ensureProductionBuild();
  }, 40 * 60_000);

  afterAll(async () => {
    await app?.stop();
    for (const step of cleanup.reverse()) await step();
  }, 120_000);

  async function askRestored(key: string) {
    const response = await fetch(`${app!.baseUrl}/api/v1/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'When is the Marwick causeway passable?' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { answer: string; sources: Array<{ source?: string }> };
    expect(body.answer).toMatch(/low tide/i);
    expect(JSON.stringify(body.sources)).toContain('tides.md');
  }

  async function postgresBackup() {
    const key = await seed();
    const source = new URL(inject('databaseUrl'));
    const dumpDir = await mkdtemp(path.join(os.tmpdir(), 'rag-backup-'));
    cleanup.push(() => rm(dumpDir, { recursive: true, force: true }));
    const dump = path.join(dumpDir, 'rag.dump');
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', dump, source.toString()]);

    const restoredName = `${source.pathname.slice(1)}_restored`;
    const admin = new pg.Client({ connectionString: source.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${restoredName}`);
    await admin.end();
    const restored = new URL(source);
    restored.pathname = `/${restoredName}`;
    cleanup.push(async () => {
      const client = new pg.Client({ connectionString: source.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
      await client.end();
    });
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restored.toString(), dump]);

    app = await startProductionApp({ DATABASE_URL: restored.toString() });
    await askRestored(key);
  }

  async function embeddedBackup() {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'rag-backup-'));
    cleanup.push(() => rm(folder, { recursive: true, force: true }));
    const original = await startEmbeddedDatabase({
      dataDir: path.join(folder, 'live'),
      port: await freePort(),
    });
    let key: string;
    try {
      await migrate(original.url);
      connectDb(original.url, 2);
      key = await seed();
      await db().$disconnect();
    } finally {
      connectDb(inject('databaseUrl'), 4);
      await original.stop();
    }
    await cp(path.join(folder, 'live'), path.join(folder, 'restored'), { recursive: true });

    app = await startProductionApp({
      DATA_DIR: path.join(folder, 'restored'),
      EMBEDDED_DB_PORT: String(await freePort()),
    });
    await askRestored(key);
  }

  it(
    kind === 'postgres'
      ? 'pg_dump -Fc of the database restores with pg_restore into a new one that the app serves'
      : 'the embedded data folder copied while stopped is opened by npm start with everything in it',
    () => (kind === 'postgres' ? postgresBackup() : embeddedBackup()),
    5 * 60_000,
  );
});
