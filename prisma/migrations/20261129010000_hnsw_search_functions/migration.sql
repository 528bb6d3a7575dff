-- The two HNSW searches (passages by embedding, cached answers by question embedding) as functions,
-- so that each is one statement: the function sets the search breadth (hnsw.ef_search) and iterative
-- scans for its own transaction, then runs the search. Before, each search was a transaction of four
-- round trips (BEGIN, the settings, the search, COMMIT). The settings are transaction-local
-- (set_config with is_local): in autocommit they end with the statement, so they never outlive the
-- search, and a transaction-mode pooler (PgBouncer) sees nothing but one query.
CREATE FUNCTION "hnsw_settings"(ef integer) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM set_config(''hnsw.ef_search'', greatest(1, least(1000, ef))::text, true),
          set_config(''hnsw.iterative_scan'', ''relaxed_order'', true)\073
END';

-- Visible passages closest to q: READY documents, shared or uploaded by p_user_id, within the
-- optional document and tag filters (null: no filter). Relaxed-order iterative scans return rows
-- slightly out of order, and the caller sorts them.
CREATE FUNCTION "nearest_chunks"(
  q vector, ef integer, p_limit integer, p_user_id text, p_document_ids text[], p_tags text[]
) RETURNS TABLE (
  chunk_id text, document_id text, title text, source text, heading_path text, page integer,
  chunk_text text, embedding text, score double precision
) LANGUAGE plpgsql AS E'
BEGIN
  PERFORM hnsw_settings(ef)\073
  RETURN QUERY
    SELECT c.id, c.document_id, d.title, d.source, c.heading_path, c.page, c.text,
      c.embedding::text, 1 - (c.embedding <=> q)
    FROM chunks c JOIN documents d ON d.id = c.document_id
    WHERE c.embedding IS NOT NULL AND d.status = ''READY''
      AND (d.visibility = ''SHARED'' OR d.created_by_id = p_user_id)
      AND (p_document_ids IS NULL OR d.id = ANY(p_document_ids))
      AND (p_tags IS NULL OR d.tags && p_tags)
    ORDER BY c.embedding <=> q
    LIMIT p_limit\073
END';

-- Unexpired cached answers of one key made with one embedding model, closest to q.
CREATE FUNCTION "nearest_cached_questions"(
  q vector, ef integer, p_limit integer, p_scope_hash text, p_model_route text,
  p_corpus_version integer, p_embedding_model text
) RETURNS TABLE (entry_id text, question text, similarity double precision)
LANGUAGE plpgsql AS E'
BEGIN
  PERFORM hnsw_settings(ef)\073
  RETURN QUERY
    SELECT e.id, e.question, 1 - (e.question_embedding <=> q)
    FROM answer_cache_entries e
    WHERE e.scope_hash = p_scope_hash AND e.model_route = p_model_route
      AND e.corpus_version = p_corpus_version AND e.embedding_model = p_embedding_model
      AND e.question_embedding IS NOT NULL AND e.expires_at > (now() AT TIME ZONE ''UTC'')
    ORDER BY e.question_embedding <=> q
    LIMIT p_limit\073
END';
