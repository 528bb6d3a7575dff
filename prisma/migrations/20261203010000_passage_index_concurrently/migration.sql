-- A bulk import (`npm run ingest -- --bulk`, lib/ingest/bulk-import.ts) drops the passage HNSW index
-- while it loads, and builds it once at the end: inserting a passage into the graph cost about 1.7 ms
-- of the server's time against 0.3 ms a passage for building the graph over all of them at once.
-- A build of the index after it was dropped (build_concurrently) is written CONCURRENTLY on a server,
-- so searches and writes go on meanwhile. The embedded database has one session, with no one to wait
-- for, and builds it plainly. Either way IF NOT EXISTS, so a second builder that comes too late does
-- nothing. Same index otherwise as 20261201010000 writes (half precision on a server, full on the
-- embedded database).
DROP FUNCTION "chunks_hnsw_index_sql"(integer);

CREATE FUNCTION "chunks_hnsw_index_sql"(dims integer, build_concurrently boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE AS $body$
  SELECT format('CREATE INDEX %s chunks_embedding_hnsw_idx ON chunks USING hnsw %s',
    CASE WHEN NOT build_concurrently THEN ''
         WHEN version() LIKE '%wasm32%' THEN 'IF NOT EXISTS'
         ELSE 'CONCURRENTLY IF NOT EXISTS' END,
    CASE WHEN version() LIKE '%wasm32%' THEN '(embedding vector_cosine_ops)'
         ELSE format('((embedding::halfvec(%s)) halfvec_cosine_ops)', dims) END)
$body$;
