// [CLI] `npm run ingest` takes files, folders and globs, works the queue itself, and ends with a
// summary: ingested / unchanged / failed with reasons; exit 1 when a file failed, 2 for bad arguments;
// --bulk drops the passage index while it loads and builds it at the end.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';
import { passageIndexStatus } from '../../lib/db/passage-index';
import { runIngestCli } from '../support/ingest-cli';

const run = (args: string[]) =>
  runIngestCli(args, { DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'silent' });

let dir: string;

describe(`[CLI] ingest on ${inject('database')}`, () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rag-ingest-cli-'));
    await mkdir(path.join(dir, 'docs', 'team'), { recursive: true });
    await writeFile(
      path.join(dir, 'docs', 'travel.md'),
      '# Travel\n\n## Trains\n\nBook second class for trips under four hours.\n',
    );
    await writeFile(path.join(dir, 'docs', 'team', 'leave.txt'), 'Annual leave is twenty-eight days a year.');
    await writeFile(path.join(dir, 'docs', 'team', 'blank.txt'), '');
    await writeFile(path.join(dir, 'tool.exe'), 'MZ');
    await writeFile(path.join(dir, 'extra.md'), '# Extra\n\nParking is free on weekends.\n');
  });

  it('ingests folders, files and globs, fails what it cannot read, and sums up', async () => {
    const result = await run([
      path.join(dir, 'docs'),
      path.join(dir, 'tool.exe'),
      path.join(dir, '*.md'),
      '--tags',
      'HR',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✔ 3 ingested, 0 unchanged, 2 failed');
    expect(result.stdout).toMatch(/✖ .*tool\.exe: Unsupported file type \(\.exe\)\. Supported: Markdown/);
    expect(result.stdout).toMatch(/✖ .*blank\.txt: The file is empty\./);
    const docs = await db().document.findMany({
      where: { fileName: { in: ['travel.md', 'leave.txt', 'extra.md'] } },
      select: { status: true, tags: true, source: true },
    });
    expect(docs).toHaveLength(3);
    expect(docs.every((d) => d.status === 'READY' && d.tags.join() === 'hr')).toBe(true);
  });

  it('treats unchanged files as unchanged on a second run', async () => {
    const result = await run([path.join(dir, 'docs', 'travel.md'), path.join(dir, 'extra.md')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ 0 ingested, 2 unchanged, 0 failed');
  });

  it('with --bulk, loads with the passage index dropped and builds it once at the end', async () => {
    await writeFile(path.join(dir, 'bulk.md'), '# Bulk\n\nThe canteen opens at eight on weekdays.\n');
    const result = await run([path.join(dir, 'bulk.md'), '--bulk']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ 1 ingested, 0 unchanged, 0 failed');
    expect(result.stderr).toContain('the passage search index is dropped until the import ends');
    expect(result.stderr).toMatch(/Passage search index built over \d+ passages in [\d.]+ s\./);
    expect(await passageIndexStatus()).toBe('ready');

    // Nothing to load: the index is left alone.
    const again = await run([path.join(dir, 'bulk.md'), '--bulk']);
    expect(again.stdout).toContain('✔ 0 ingested, 1 unchanged, 0 failed');
    expect(again.stderr).not.toContain('Building the passage search index');
  });

  it('rejects bad arguments with a usage line and exit code 2', async () => {
    const [none, owner, missing, language] = await Promise.all([
      run([]),
      run([path.join(dir, 'extra.md'), '--private']),
      run([path.join(dir, 'nothing-here', '*.md')]),
      run([path.join(dir, 'extra.md'), '--language', 'martian']),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/name at least one file, folder or glob\nusage: npm run ingest/);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toContain('--private needs --owner');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing matched');
    expect(language.code).toBe(2);
    expect(language.stderr).toMatch(/language must be one of/);
  });
});
