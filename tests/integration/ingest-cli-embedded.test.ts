// [CLI] `npm run ingest` without DATABASE_URL opens the embedded database in DATA_DIR itself, as on
// a fresh machine. It does not use the database under test, so it runs once, in the embedded project.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { runIngestCli } from '../support/ingest-cli';

describe('[CLI] ingest on an embedded database of its own', () => {
  it('runs again with nothing to load, and closes the database cleanly', async () => {
    // A second run with only unchanged files used no query of Prisma's own, so its pool outlived
    // the database.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rag-ingest-cli-own-'));
    const file = path.join(dir, 'extra.md');
    await writeFile(file, '# Extra\n\nParking is free on weekends.\n');
    const own = {
      DATABASE_URL: '',
      DATA_DIR: path.join(dir, 'own-data'),
      EMBEDDED_DB_PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
    };
    const first = await runIngestCli([file], own);
    expect(first.stdout).toContain('✔ 1 ingested, 0 unchanged, 0 failed');
    const again = await runIngestCli([file], own);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('✔ 0 ingested, 1 unchanged, 0 failed');
    expect(again.stdout + again.stderr).not.toMatch(/Connection terminated|database connection was closed/);
  });
});
