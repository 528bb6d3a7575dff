-- On a Postgres server, the passage HNSW index is built over the embeddings cast to half precision
-- (halfvec, 2 bytes a dimension). The graph is half the size, so a walk at the same search breadth
-- reads half the pages: over 100,000 passages of 384 dimensions a search at ef_search 600 took 9.9 ms
-- instead of 13.4, recall@10 against exact search 0.971 instead of 0.973. The column keeps full
-- precision, and scores (and the MMR and fusion that use them) are computed from it.
--
-- The embedded database (PGlite, Postgres compiled to WebAssembly) keeps the full-precision index:
-- without the processor's half-precision conversions, building the halfvec index over 5,000 vectors
-- took 52 s there against 7 to 10, and a search 17 ms against 6 to 9.
--
-- An index on an expression needs the dimension written into it: halfvec(384), not halfvec. So
-- chunks_hnsw_index_sql gives the index for a dimension (lib/db/embeddings.ts builds it again when
-- the dimension changes), and the search orders by the indexed expression, for the planner to use
-- the index: nearest_chunks runs the statement nearest_chunks_statement writes for the question's
-- own dimension and the index present (EXECUTE, planned for each call as before).
CREATE FUNCTION "chunks_hnsw_index_sql"(dims integer) RETURNS text
LANGUAGE sql STABLE AS $body$
  SELECT CASE WHEN version() LIKE '%wasm32%'
    THEN 'CREATE INDEX chunks_embedding_hnsw_idx ON chunks USING hnsw (embedding vector_cosine_ops)'
    ELSE format('CREATE INDEX chunks_embedding_hnsw_idx ON chunks USING hnsw ((embedding::halfvec(%s)) halfvec_cosine_ops)', dims)
  END
$body$;

DROP INDEX "chunks_embedding_hnsw_idx";

DO E'
BEGIN
  EXECUTE chunks_hnsw_index_sql((SELECT atttypmod FROM pg_attribute
    WHERE attrelid = ''chunks''::regclass AND attname = ''embedding''))\073
END';

-- The statement nearest_chunks runs for q of `dims` dimensions: visible passages closest to q, as
-- before (20261130020000), ordered by the expression the HNSW index is built over (the
-- half-precision cast when the index is on an expression). Its parameters: $1 q, $2 the user id,
-- $3 document ids, $4 tags, $5 the limit. A function of its own, so that the plan the search gets
-- can be shown with EXPLAIN.
CREATE FUNCTION "nearest_chunks_statement"(dims integer) RETURNS text
LANGUAGE sql STABLE AS $body$
  SELECT format($search$
    SELECT c.id, c.document_id, d.title, d.source, c.heading_path, c.page, c.text,
      vector_send(c.embedding), 1 - (c.embedding <=> $1)
    FROM chunks c JOIN documents d ON d.id = c.document_id
    WHERE c.embedding IS NOT NULL AND d.status = 'READY'
      AND (d.visibility = 'SHARED' OR d.created_by_id = $2)
      AND ($3::text[] IS NULL OR d.id = ANY($3))
      AND ($4::text[] IS NULL OR d.tags && $4)
    ORDER BY %s
    LIMIT $5$search$,
    CASE WHEN coalesce((SELECT i.indexprs IS NOT NULL FROM pg_index i
                        WHERE i.indexrelid = to_regclass('chunks_embedding_hnsw_idx')), false)
      THEN format('c.embedding::halfvec(%1$s) <=> $1::halfvec(%1$s)', dims)
      ELSE 'c.embedding <=> $1'
    END)
$body$;

-- Sequential scans stay off for the call (20261130020000 says why).
CREATE OR REPLACE FUNCTION "nearest_chunks"(
  q vector, ef integer, p_limit integer, p_user_id text, p_document_ids text[], p_tags text[]
) RETURNS TABLE (
  chunk_id text, document_id text, title text, source text, heading_path text, page integer,
  chunk_text text, embedding bytea, score double precision
) LANGUAGE plpgsql
  SET plan_cache_mode = force_custom_plan
  SET enable_seqscan = off
AS E'
BEGIN
  PERFORM hnsw_settings(ef)\073
  RETURN QUERY EXECUTE nearest_chunks_statement(vector_dims(q))
    USING q, p_user_id, p_document_ids, p_tags, p_limit\073
END';
