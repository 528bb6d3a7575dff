// [DB] The shared migrations build the whole schema, with pgvector and the search indexes, on this database.
import { describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';
import { listMigrationNames, migrate } from '../../lib/db/migrate';
import { checkReadiness } from '../../lib/db/readiness';

describe(`[DB] migrations on ${inject('database')}`, () => {
  it('records every shipped migration as applied, and a second run applies nothing', async () => {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(await listMigrationNames());
    expect(await migrate(inject('databaseUrl'))).toEqual([]);
  });

  it('enables pgvector and builds the HNSW and full-text indexes on passages', async () => {
    const ext = await db().$queryRaw<
      { extname: string }[]
    >`SELECT extname FROM pg_extension WHERE extname = 'vector'`;
    expect(ext).toHaveLength(1);
    const indexes = await db().$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'chunks'`;
    const defs = indexes.map((i) => i.indexdef).join('\n');
    // Half precision on a server; the embedded database keeps full precision (migration 20261201010000).
    expect(defs).toMatch(
      inject('database') === 'postgres'
        ? /USING hnsw \(\(\(embedding\)::halfvec\(384\)\) halfvec_cosine_ops\)/
        : /USING hnsw \(embedding vector_cosine_ops\)/,
    );
    expect(defs).toMatch(/USING gin \(tsv\)/);
  });

  it("builds each passage's full-text vector with its own language", async () => {
    await db()
      .$executeRaw`INSERT INTO documents (id, title, source, content_hash, updated_at) VALUES ('mig-doc', 't', 'mig', 'h', now())`;
    await db().$executeRaw`
      INSERT INTO chunks (id, document_id, ordinal, text, language)
      VALUES ('mig-de', 'mig-doc', 0, 'Die Häuser sind schön', 'german'), ('mig-en', 'mig-doc', 1, 'The houses are nice', 'english')`;
    const rows = await db().$queryRaw<{ id: string; tsv: string }[]>`
      SELECT id, tsv::text AS tsv FROM chunks WHERE document_id = 'mig-doc' ORDER BY id`;
    await db().$executeRaw`DELETE FROM documents WHERE id = 'mig-doc'`;
    expect(rows).toEqual([
      { id: 'mig-de', tsv: "'haus':2B 'schon':4B" },
      { id: 'mig-en', tsv: "'hous':2B 'nice':4B" },
    ]);
  });

  it('creates every table of the data model', async () => {
    const tables = await db().$queryRaw<
      { tablename: string }[]
    >`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    expect(tables.map((t) => t.tablename).sort()).toEqual(
      [
        '_prisma_migrations',
        'accounts',
        'answer_cache_entries',
        'api_keys',
        'async_queries',
        'audit_events',
        'chunks',
        'conversations',
        'document_files',
        'documents',
        'embedding_cache',
        'feature_flags',
        'gdpr_requests',
        'invites',
        'lexeme_frequencies',
        'messages',
        'query_histogram_day_rollups',
        'query_histogram_rollups',
        'query_logs',
        'query_question_rollups',
        'query_rollups',
        'query_user_rollups',
        'rate_limit_rollups',
        'review_items',
        'sessions',
        'system_state',
        'users',
        'verification_tokens',
      ].sort(),
    );
  });

  it('reports ready when the database is reachable and migrated', async () => {
    expect(await checkReadiness()).toEqual({ ok: true });
  });
});
