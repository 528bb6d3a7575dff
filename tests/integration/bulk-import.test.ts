// [KB] A bulk import drops the passage HNSW index while it loads and builds it once at the end;
// vector search finds the same passages meanwhile (exactly, by scanning); overlapping imports leave
// the build to the last one; the job sweep builds the index an import that died left dropped, or a
// failed concurrent build left invalid.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { hashEmbed } from '../../lib/ai/local/hash-embedding';
import { ingestion } from '../../lib/config';
import { db, poolOf } from '../../lib/db/client';
import { searchChunksByVector } from '../../lib/db/chunks';
import {
  BULK_IMPORTS_KEY,
  PASSAGE_INDEX,
  buildPassageIndex,
  heartbeatBulkImport,
  liveBulkImports,
  passageIndexStatus,
} from '../../lib/db/passage-index';
import { beginBulkImport } from '../../lib/ingest/bulk-import';
import { passageIndexNoticeFor } from '../../lib/ingest/manage';
import { restorePassageIndex } from '../../lib/ingest/passage-index-job';
import { ingestFile } from '../../lib/ingest/pipeline';

const text = (s: string) => new TextEncoder().encode(s);
const admin = { id: 'unused', email: 'admin@example.test', name: null, role: 'ADMIN' as const };

const files = [
  {
    fileName: 'refunds.md',
    body: '# Refunds\n\nCustomers may ask for a refund within thirty days of purchase, to the original card.\n',
  },
  {
    fileName: 'shipping.md',
    body: '# Shipping\n\nParcels leave the warehouse every weekday at noon and arrive within three working days.\n',
  },
  {
    fileName: 'leave.md',
    body: '# Leave\n\nAnnual leave is twenty-eight days a year, booked through the holiday planner.\n',
  },
];

async function nearest(question: string): Promise<string[]> {
  const hits = await searchChunksByVector({
    embedding: hashEmbed(question, 384),
    limit: 3,
    scope: { userId: null },
    efSearch: 100,
  });
  return hits.map((hit) => hit.text);
}

/** Makes import `id` look dead: its last heartbeat long ago. */
async function silence(id: string): Promise<void> {
  await db().$executeRaw`
    UPDATE system_state SET value = jsonb_set(value, ARRAY[${id}::text], to_jsonb('2000-01-01T00:00:00Z'::text))
    WHERE key = ${BULK_IMPORTS_KEY}`;
}

describe(`[KB] bulk import on ${inject('database')}`, () => {
  beforeAll(async () => {
    await db().document.deleteMany();
    await buildPassageIndex();
  });

  beforeEach(async () => {
    await db().$executeRaw`DELETE FROM system_state WHERE key = ${BULK_IMPORTS_KEY}`;
    await buildPassageIndex();
  });

  afterAll(async () => {
    // Later files search the passages too: the index is back whatever happened here.
    await db().$executeRaw`DELETE FROM system_state WHERE key = ${BULK_IMPORTS_KEY}`;
    await buildPassageIndex();
  });

  it('drops the index while it loads, finds the same passages without it, and builds it at the end', async () => {
    expect(await passageIndexStatus()).toBe('ready');
    const bulk = await beginBulkImport();
    expect(await passageIndexStatus()).toBe('missing');
    expect(await liveBulkImports()).toBe(1);
    // The Documents page says why searches are slower.
    expect(await passageIndexNoticeFor(admin)).toMatch(/^A bulk import is loading documents/);
    await expect(passageIndexNoticeFor({ ...admin, role: 'USER' })).rejects.toThrow();

    for (const file of files) {
      const result = await ingestFile({ fileName: file.fileName, bytes: text(file.body) });
      expect(result.status).toBe('READY');
    }
    const exact = await nearest('how many days do I have to ask for a refund?');
    expect(exact[0]).toContain('refund within thirty days');

    const built = await bulk.finish();
    expect(built).toMatchObject({ outcome: 'built', passages: await db().chunk.count() });
    expect(await passageIndexStatus()).toBe('ready');
    expect(await liveBulkImports()).toBe(0);
    expect(await passageIndexNoticeFor(admin)).toBeNull();
    expect(await nearest('how many days do I have to ask for a refund?')).toEqual(exact);
    // Finishing twice builds once.
    expect(await bulk.finish()).toBe(built);
  });

  it('counts an import as alive again once it says so', async () => {
    const bulk = await beginBulkImport();
    await silence(bulk.id);
    expect(await liveBulkImports()).toBe(0);
    await heartbeatBulkImport(bulk.id);
    expect(await liveBulkImports()).toBe(1);
    await bulk.finish();
    expect(await passageIndexStatus()).toBe('ready');
  });

  it('leaves the build to the last of two overlapping imports', async () => {
    const first = await beginBulkImport();
    const second = await beginBulkImport();
    expect(await liveBulkImports()).toBe(2);
    expect(await first.finish()).toEqual({ outcome: 'others-loading', loading: 1 });
    expect(await passageIndexStatus()).toBe('missing');
    expect(await second.finish()).toMatchObject({ outcome: 'built' });
    expect(await passageIndexStatus()).toBe('ready');
  });

  it('builds the index an import left dropped on the job sweep, once the import has stopped saying it is alive', async () => {
    const dead = await beginBulkImport();
    await restorePassageIndex();
    expect(await passageIndexStatus()).toBe('missing'); // still loading: left alone

    await silence(dead.id);
    expect(await passageIndexNoticeFor(admin)).toMatch(/index is missing; the background jobs build it/);
    await restorePassageIndex();
    expect(await passageIndexStatus()).toBe('ready');
    expect(await liveBulkImports()).toBe(0);
    // If it comes back after all, its end finds the index in place.
    expect(await dead.finish()).toEqual({ outcome: 'in-hand' });
  });

  it('builds with parallel workers from the configured size, leaving the pooled sessions as they were', async () => {
    const { pool } = poolOf(db());
    const setting = async () =>
      (await pool.query<{ value: string }>(`SELECT current_setting('min_parallel_table_scan_size') AS value`))
        .rows[0]!.value;
    const before = await setting();
    // The configuration is read-only to the app; this test lowers the threshold to its three passages.
    const settings = ingestion as { indexBuildParallelFromPassages: number };
    const threshold = settings.indexBuildParallelFromPassages;
    settings.indexBuildParallelFromPassages = 1;
    try {
      const bulk = await beginBulkImport();
      for (const file of files) await ingestFile({ fileName: file.fileName, bytes: text(file.body) });
      const exact = await nearest('when do parcels leave the warehouse?');
      expect(exact[0]).toContain('every weekday at noon');
      expect(await bulk.finish()).toMatchObject({ outcome: 'built' });
      expect(await passageIndexStatus()).toBe('ready');
      expect(await nearest('when do parcels leave the warehouse?')).toEqual(exact);
    } finally {
      settings.indexBuildParallelFromPassages = threshold;
    }
    // Every session the pool holds reads the server's own setting again.
    const sessions = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      for (const session of sessions) {
        const { rows } = await session.query<{ value: string }>(
          `SELECT current_setting('min_parallel_table_scan_size') AS value`,
        );
        expect(rows[0]!.value).toBe(before);
      }
    } finally {
      for (const session of sessions) session.release();
    }
    expect(await setting()).toBe(before);
  });

  it('builds again over an index a failed concurrent build left invalid', async () => {
    // What CREATE INDEX CONCURRENTLY leaves when it fails or is killed: the index, marked invalid.
    await db().$executeRawUnsafe(
      `UPDATE pg_index SET indisvalid = false WHERE indexrelid = '${PASSAGE_INDEX}'::regclass`,
    );
    expect(await passageIndexStatus()).toBe('invalid');
    await restorePassageIndex();
    expect(await passageIndexStatus()).toBe('ready');
  });
});
