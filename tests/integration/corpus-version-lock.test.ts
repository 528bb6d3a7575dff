// [KB] Ingestions running at once on a Postgres server: a document's completion writes its passages
// (and their index entries) before it bumps the corpus version, whose one row stays locked until
// commit, so a second completion waits only for the first one's commit, not for its whole insert.
// (Run on the server only: the embedded database has one session, so its writers never overlap.)
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashEmbed } from '../../lib/ai/local/hash-embedding';
import { bumpCorpusVersion, getCorpusVersion } from '../../lib/db/corpus';
import { db } from '../../lib/db/client';
import { beginAttempt, completeDocument, getDocument } from '../../lib/db/documents';
import { submitDocument } from '../../lib/ingest/submit';

const PASSAGES = 200;
const PASSAGE_CHARS = 1_000;

describe(`[KB] the corpus version's lock on ${inject('database')}`, () => {
  const holder = new pg.Client({ connectionString: inject('databaseUrl') });
  beforeAll(() => holder.connect());
  afterAll(() => holder.end());

  it('is taken after the passages are written, so a completion waiting on it has done its insert', async () => {
    const { document } = await submitDocument(
      { fileName: 'lock-order.md', bytes: new TextEncoder().encode('# Lock order\n\nPlaceholder.\n') },
      { enqueue: false },
    );
    const attempt = (await beginAttempt(document.id, 'lock-order'))!.attempt;
    await db().$transaction((tx) => bumpCorpusVersion(tx, 'the row exists'));
    const version = await getCorpusVersion();

    // Another writer holds the version row, as a completion between its bump and its commit does.
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM system_state WHERE key = 'corpus_version' FOR UPDATE`);
    const walAt = async () =>
      BigInt(
        (await holder.query<{ lsn: string }>(`SELECT pg_current_wal_insert_lsn() - '0/0' AS lsn`)).rows[0]!
          .lsn,
      );
    const before = await walAt();

    const completion = completeDocument({
      id: document.id,
      attempt,
      language: 'english',
      title: 'Lock order',
      chunks: Array.from({ length: PASSAGES }, (_, i) => {
        const text = `Passage ${i} about the canteen's opening hours. `.repeat(30).slice(0, PASSAGE_CHARS);
        return {
          ordinal: i,
          text,
          headingPath: 'Lock order',
          page: null,
          tokenCount: 200,
          embedding: hashEmbed(text, 384),
        };
      }),
      injection: { flaggedPassages: 0, score: 0 },
    });
    // Wait until the completion is blocked by the holder.
    const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const until = Date.now() + 20_000;
    for (;;) {
      const { rows } = await holder.query(
        `SELECT 1 FROM pg_stat_activity WHERE $1::int = ANY (pg_blocking_pids(pid))`,
        [holderPid],
      );
      if (rows.length > 0) break;
      if (Date.now() > until) throw new Error('the completion never waited for the version row');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Its passages are in the write-ahead log already: at least their text, written before the wait.
    expect(Number((await walAt()) - before)).toBeGreaterThan(PASSAGES * PASSAGE_CHARS);

    await holder.query('COMMIT');
    expect(await completion).toEqual({ replaced: 0, corpusVersion: version + 1 });
    expect(await getDocument(document.id)).toMatchObject({ status: 'READY', chunkCount: PASSAGES });
  });
});
