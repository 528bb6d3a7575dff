// [KB] Writers of the corpus on a Postgres server bump the corpus version last: its one row stays
// locked until commit, so a document's completion writes its passages (and their index entries)
// first, and a GDPR erasure bumps it after its other work. Ingestions running at once then wait only
// for each other's commits. (Run on the server only: the embedded database has one session, so its
// writers never overlap.)
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashEmbed } from '../../lib/ai/local/hash-embedding';
import { bumpCorpusVersion, getCorpusVersion } from '../../lib/db/corpus';
import { db } from '../../lib/db/client';
import { beginAttempt, completeDocument, getDocument } from '../../lib/db/documents';
import { upsertUser } from '../../lib/db/users';
import { eraseUser } from '../../lib/gdpr/erasure';
import { ingestFile } from '../../lib/ingest/pipeline';
import { submitDocument } from '../../lib/ingest/submit';

const PASSAGES = 200;
const PASSAGE_CHARS = 1_000;
/** lib/db/audit.ts's lock on the head of the audit chain. */
const AUDIT_CHAIN_LOCK = 0x61756474;

/** Waits until a session is blocked by the one with backend `pid`. */
async function blockedBy(client: pg.Client, pid: number): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE $1::int = ANY (pg_blocking_pids(pid))`,
      [pid],
    );
    if (rows.length > 0) return;
    if (Date.now() > until) throw new Error(`nothing waited for session ${pid}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`[KB] the corpus version's lock on ${inject('database')}`, () => {
  const holder = new pg.Client({ connectionString: inject('databaseUrl') });
  const other = new pg.Client({ connectionString: inject('databaseUrl') });
  beforeAll(() => Promise.all([holder.connect(), other.connect()]));
  afterAll(() => Promise.all([holder.end(), other.end()]));

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
    const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await blockedBy(holder, holderPid);
    // Its passages are in the write-ahead log already: at least their text, written before the wait.
    expect(Number((await walAt()) - before)).toBeGreaterThan(PASSAGES * PASSAGE_CHARS);

    await holder.query('COMMIT');
    expect(await completion).toEqual({ replaced: 0, corpusVersion: version + 1 });
    expect(await getDocument(document.id)).toMatchObject({ status: 'READY', chunkCount: PASSAGES });
  });

  it('is not held by an erasure while it waits for the audit chain', async () => {
    const token = Date.now().toString(36);
    const officer = await upsertUser({
      email: `lock-officer-${token}@example.test`,
      role: 'COMPLIANCE',
      passwordHash: 'x',
    });
    const subject = await upsertUser({
      email: `lock-subject-${token}@example.test`,
      role: 'USER',
      passwordHash: 'x',
    });
    const own = await ingestFile({
      fileName: `lock-${token}.md`,
      bytes: new TextEncoder().encode('# Notes\n\nThe subject keeps notes on the canteen.\n'),
      visibility: 'PRIVATE',
      createdById: subject.id,
    });
    expect(own.status).toBe('READY');
    const version = await getCorpusVersion();

    // Another writer holds the head of the audit chain, which the erasure records itself on.
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1::bigint)', [AUDIT_CHAIN_LOCK]);
    const erasure = eraseUser({
      viewer: officer,
      erase: { userId: subject.id, confirmEmail: subject.email },
    });
    const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await blockedBy(holder, holderPid);

    // Meanwhile a document completing elsewhere can bump the corpus version at once.
    await other.query('BEGIN');
    await other.query(`SET LOCAL lock_timeout = '3s'`);
    const bumped = await other.query(
      `UPDATE system_state SET updated_at = now() WHERE key = 'corpus_version' RETURNING key`,
    );
    expect(bumped.rowCount).toBe(1);
    await other.query('ROLLBACK');

    await holder.query('COMMIT');
    expect((await erasure).counts).toMatchObject({ documents: 1 });
    expect(await getCorpusVersion()).toBe(version + 1);
  });
});
