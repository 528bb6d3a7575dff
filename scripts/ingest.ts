// `npm run ingest -- <files, folders or globs>… [--tags a,b] [--language english] [--private --owner <email>] [--bulk]`
// Queues each file on the ingestion queue, works the queue here too (so it needs no running app),
// shows progress, and ends with a summary: ingested / unchanged / failed with reasons. With --bulk the
// passage search index is dropped during the import and built once at the end (lib/ingest/bulk-import.ts).
import './drop-empty-env';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pLimit from 'p-limit';
import { glob } from 'tinyglobby';
import { z } from 'zod';
import { supportedFormats } from '@/lib/ingest/formats';
import { AppError, describeZodError } from '@/lib/http/errors';
import { EnvError } from '@/lib/env';
import { uploadFieldsSchema } from '@/lib/ingest/upload';
import type { BulkImport } from '@/lib/ingest/bulk-import';
import type { Workers } from '@/lib/jobs/worker';

const USAGE =
  'usage: npm run ingest -- <files, folders or globs>... [--tags a,b] [--language <config>] [--private --owner <email>] [--bulk]';
const POLL_MS = 300;
/** Files read, hashed and stored at once while the queue is worked. */
const SUBMIT_CONCURRENCY = 4;

const argsSchema = z
  .object({
    paths: z.array(z.string().min(1)).min(1, 'name at least one file, folder or glob'),
    private: z.boolean().default(false),
    owner: z.email('--owner must be an email address').optional(),
  })
  .refine((args) => !args.private || args.owner, {
    message: '--private needs --owner <email>: whose document is it?',
  });

type Outcome = { file: string; status: 'ingested' | 'unchanged' | 'failed'; detail: string };

const extensions = supportedFormats.flatMap((f) => f.extensions.map((e) => e.slice(1)));

/** Files named by the arguments: files as they are, folders searched for supported files, globs expanded. */
async function expand(paths: string[]): Promise<{ files: string[]; unmatched: string[] }> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of paths) {
    const info = await stat(arg).catch(() => null);
    let found: string[];
    if (info?.isFile()) found = [arg];
    else if (info?.isDirectory()) {
      found = await glob(`**/*.{${extensions.join(',')}}`, { cwd: arg, absolute: false, dot: false });
      found = found.map((f) => path.join(arg, f));
    } else found = await glob(arg, { onlyFiles: true });
    if (found.length === 0) unmatched.push(arg);
    for (const file of found.sort()) files.add(path.normalize(file));
  }
  return { files: [...files], unmatched };
}

async function main(): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      options: {
        tags: { type: 'string' },
        language: { type: 'string' },
        private: { type: 'boolean' },
        owner: { type: 'string' },
        bulk: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    console.error(`✖ ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const args = argsSchema.safeParse({ paths: positionals, private: values.private, owner: values.owner });
  const fields = uploadFieldsSchema.safeParse({
    visibility: values.private ? 'private' : 'shared',
    tags: (values.tags ?? '').split(',').filter((t) => t.trim()),
    language: values.language,
  });
  if (!args.success || !fields.success) {
    console.error(`✖ ${describeZodError((args.error ?? fields.error)!)}\n${USAGE}`);
    return 2;
  }

  const { files, unmatched } = await expand(args.data.paths);
  for (const arg of unmatched) console.error(`! nothing matched ${arg}`);
  if (files.length === 0) {
    console.error(`✖ no files to ingest\n${USAGE}`);
    return 2;
  }

  // Loaded only now: the parsers and the tokenizer take seconds to load, bad arguments should not wait.
  const [
    { getDocuments },
    { findUserByEmail },
    { checkSubmission, submitDocument },
    worker,
    { openCliDatabase },
    { beginBulkImport },
  ] = await Promise.all([
    import('@/lib/db/documents'),
    import('@/lib/db/users'),
    import('@/lib/ingest/submit'),
    import('@/lib/jobs/worker'),
    import('./support/cli-database'),
    import('@/lib/ingest/bulk-import'),
  ]);
  const database = await openCliDatabase(4);
  const outcomes: Outcome[] = [];
  let bulk: BulkImport | null = null;
  try {
    let ownerId: string | null = null;
    if (args.data.owner) {
      const owner = await findUserByEmail(args.data.owner);
      if (!owner) {
        console.error(`✖ no user with email ${args.data.owner} (create one with npm run user:create)`);
        return 2;
      }
      ownerId = owner.id;
    }
    // Files are stored and queued a few at a time, and the queue is worked here as soon as one
    // needs loading; with --bulk the passage index is dropped first. Only then: unchanged files would
    // rebuild the index for nothing.
    let processing = null as Promise<Workers> | null;
    const startProcessing = () =>
      (processing ??= (async () => {
        if (values.bulk) {
          bulk = await beginBulkImport();
          console.error(
            'Bulk import: the passage search index is dropped until the import ends (vector search is exact and slower meanwhile).',
          );
        }
        return worker.startWorkers();
      })());
    const interactive = process.stderr.isTTY === true;
    const bar = new cliProgress.SingleBar(
      {
        format: ' {bar} {value}/{total} files | {passages} passages | {current}',
        hideCursor: true,
        stream: process.stderr,
        noTTYOutput: false,
      },
      cliProgress.Presets.shades_classic,
    );
    if (interactive) bar.start(files.length, outcomes.length, { passages: 0, current: '' });
    let passages = 0;
    const pending = new Map<string, string>();
    const limit = pLimit(SUBMIT_CONCURRENCY);
    await Promise.all(
      files.map((file) =>
        limit(async () => {
          try {
            const bytes = await readFile(file);
            checkSubmission({ fileName: file, bytes });
            const { document, unchanged } = await submitDocument({
              fileName: path.basename(file),
              source: path.relative(process.cwd(), path.resolve(file)),
              bytes,
              visibility: fields.data.visibility === 'private' ? 'PRIVATE' : 'SHARED',
              tags: fields.data.tags,
              language: fields.data.language,
              createdById: ownerId,
            });
            if (unchanged && document.status === 'READY') {
              outcomes.push({ file, status: 'unchanged', detail: `${document.chunkCount} passages` });
            } else pending.set(document.id, file);
          } catch (error) {
            const reason = error instanceof AppError ? error.message : (error as Error).message;
            outcomes.push({ file, status: 'failed', detail: reason });
          }
          if (interactive) bar.update(outcomes.length, { current: `read ${path.basename(file)}` });
          if (pending.size > 0) await startProcessing();
        }),
      ),
    );

    while (pending.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      // One query a tick for every file still loading.
      const docs = new Map((await getDocuments([...pending.keys()])).map((doc) => [doc.id, doc]));
      let current = '';
      let waiting = false;
      for (const [id, file] of pending) {
        const doc = docs.get(id);
        if (!doc || doc.status === 'READY' || doc.status === 'FAILED') {
          pending.delete(id);
          const outcome: Outcome =
            doc?.status === 'READY'
              ? { file, status: 'ingested', detail: `${doc.chunkCount} passages` }
              : { file, status: 'failed', detail: doc?.error ?? 'deleted while it was ingested' };
          if (doc?.status === 'READY') passages += doc.chunkCount;
          outcomes.push(outcome);
          if (!interactive) console.log(`${outcome.status.padEnd(9)} ${file} (${outcome.detail})`);
        } else if (!current || (waiting && doc.status !== 'QUEUED')) {
          // The line shows a file being worked on, else one still waiting.
          waiting = doc.status === 'QUEUED';
          const step =
            doc.status === 'EMBEDDING'
              ? `embedding ${doc.progressDone}/${doc.progressTotal}`
              : doc.status.toLowerCase();
          current = `${path.basename(file)}: ${step}${doc.error ? ` (${doc.error})` : ''}`;
        }
      }
      if (interactive) bar.update(outcomes.length, { passages, current: current.slice(0, 60) });
    }
    if (interactive) bar.stop();
    await (await processing)?.stop();
    if (bulk) {
      const ending = bulk;
      bulk = null;
      await finishBulk(ending);
    }
  } finally {
    // An import that failed half-way still puts the index back.
    if (bulk) await finishBulk(bulk).catch(() => {});
    await worker.stopWorkers();
    await database.close();
  }

  const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
  console.log(
    `\n✔ ${count('ingested')} ingested, ${count('unchanged')} unchanged, ${count('failed')} failed`,
  );
  for (const outcome of outcomes.filter((o) => o.status === 'failed')) {
    console.log(`  ✖ ${outcome.file}: ${outcome.detail}`);
  }
  return count('failed') > 0 ? 1 : 0;
}

/** Builds the passage index at the end of a bulk import, saying so: at 100,000 passages it takes tens of seconds. */
async function finishBulk(bulk: BulkImport): Promise<void> {
  console.error('Building the passage search index…');
  const end = await bulk.finish();
  console.error(
    end.outcome === 'built'
      ? `Passage search index built over ${end.passages} passages in ${(end.ms / 1000).toFixed(1)} s.`
      : end.outcome === 'others-loading'
        ? `${end.loading} other bulk import${end.loading === 1 ? ' is' : 's are'} still loading: the last to end builds the passage search index.`
        : 'The passage search index is already in place or being built by the app.',
  );
}

process.once('SIGINT', () => {
  console.error(
    '\nStopped. Queued files stay queued: the app (or the next ingest run) finishes them, and builds the passage search index a bulk import dropped.',
  );
  process.exit(130);
});

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`✖ ${error instanceof EnvError ? error.message : (error as Error).message}`);
    process.exit(1);
  },
);
