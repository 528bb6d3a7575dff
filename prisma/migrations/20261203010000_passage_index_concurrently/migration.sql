-- A bulk import (`npm run ingest -- --bulk`, lib/ingest/bulk-import.ts) drops the passage HNSW index
-- while it loads, and builds it once at the end: inserting a passage into the graph cost about 1.7 ms
-- of the server's time against 0.3 ms a passage for building the graph over all of them at once.
-- The index is built with CONCURRENTLY on a server, so searches and writes go on meanwhile. The
-- embedded database has one session, with no one to wait for, and builds it plainly. Same index
-- otherwise as 20261201010000 writes (half precision on a server, full on the embedded database).
DROP FUNCTION "chunks_hnsw_index_sql"(integer);

CREATE FUNCTION "chunks_hnsw_index_sql"(dims integer, build_concurrently boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE AS $body$
  SELECT CASE WHEN version() LIKE '%wasm32%'
    THEN 'CREATE INDEX chunks_embedding_hnsw_idx ON chunks USING hnsw (embedding vector_cosine_ops)'
    ELSE format('CREATE INDEX %s chunks_embedding_hnsw_idx ON chunks USING hnsw ((embedding::halfvec(%s)) halfvec_cosine_ops)',
                CASE WHEN build_concurrently THEN 'CONCURRENTLY IF NOT EXISTS' ELSE '' END, dims)
  END
$body$;
