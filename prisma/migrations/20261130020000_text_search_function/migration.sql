-- Full-text search as one function, like the HNSW search: the app sent it as a transaction of four
-- round trips (BEGIN, the planner setting, the search, COMMIT). The function's SET clauses hold for
-- its own call only: random_page_cost 1.1 prices a random page read as the cached page it is, so the
-- planner takes the GIN index's matches on small corpora too (it read the whole table for a few
-- hundred matches at the default 4), and every call is planned for its own terms.
--
-- Both searches now return each passage's embedding in pgvector's binary form (vector_send: a
-- 4-byte header, then big-endian float4s): formatting 50 embeddings as text and parsing them back
-- cost more than the graph walk's share of a search.
DROP FUNCTION "nearest_chunks"(vector, integer, integer, text, text[], text[]);

-- Visible passages closest to q: READY documents, shared or uploaded by p_user_id, within the
-- optional document and tag filters (null: no filter). Relaxed-order iterative scans return rows
-- slightly out of order, and the caller sorts them.
--
-- Sequential scans are off for the call: the planner prices a cosine distance like an addition, so
-- at a wide search breadth it judged sorting every passage cheaper than the graph walk (over 10,000
-- passages at ef_search 300 and more: 110 ms instead of 5). A document filter still finds its
-- passages through the document index and sorts them exactly.
CREATE FUNCTION "nearest_chunks"(
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
  RETURN QUERY
    SELECT c.id, c.document_id, d.title, d.source, c.heading_path, c.page, c.text,
      vector_send(c.embedding), 1 - (c.embedding <=> q)
    FROM chunks c JOIN documents d ON d.id = c.document_id
    WHERE c.embedding IS NOT NULL AND d.status = ''READY''
      AND (d.visibility = ''SHARED'' OR d.created_by_id = p_user_id)
      AND (p_document_ids IS NULL OR d.id = ANY(p_document_ids))
      AND (p_tags IS NULL OR d.tags && p_tags)
    ORDER BY c.embedding <=> q
    LIMIT p_limit\073
END';

-- The p_limit visible passages that best match the query terms by BM25 (lib/db/chunks.ts
-- searchChunksByText explains the method). Terms come as parallel arrays: each lexeme, a tsquery
-- matching it alone, and its idf. Candidates are the passages matching p_any (the rarest terms),
-- ordered by the summed idf of the terms they hold. The best p_candidates of them get exact BM25,
-- an occurrence in the heading path or the title counting p_heading_weight times.
CREATE FUNCTION "bm25_chunks"(
  p_lexemes text[], p_queries tsquery[], p_idfs double precision[], p_any tsquery,
  p_candidates integer, p_limit integer, p_k1 double precision, p_b double precision,
  p_heading_weight double precision, p_avg_length double precision,
  p_user_id text, p_document_ids text[], p_tags text[]
) RETURNS TABLE (
  chunk_id text, document_id text, title text, source text, heading_path text, page integer,
  chunk_text text, embedding bytea, score double precision
) LANGUAGE plpgsql
  SET random_page_cost = 1.1
  SET plan_cache_mode = force_custom_plan
AS E'
#variable_conflict use_column
BEGIN
  RETURN QUERY
    WITH w AS MATERIALIZED (
      SELECT * FROM unnest(p_lexemes, p_queries, p_idfs) AS w(lexeme, q, idf)
    ),
    candidates AS MATERIALIZED (
      SELECT c.id, f.tsv, length(c.tsv) AS len
      FROM chunks c JOIN documents d ON d.id = c.document_id
      -- OFFSET 0 keeps the planner from inlining f.tsv into the ordering, where it was rebuilt
      -- (read from TOAST, concatenated) once per term per candidate.
      CROSS JOIN LATERAL (SELECT coalesce(d.title_tsv, '''') || c.tsv AS tsv OFFSET 0) f
      WHERE c.tsv @@ p_any AND d.status = ''READY''
        AND (d.visibility = ''SHARED'' OR d.created_by_id = p_user_id)
        AND (p_document_ids IS NULL OR d.id = ANY(p_document_ids))
        AND (p_tags IS NULL OR d.tags && p_tags)
      ORDER BY (SELECT sum(w.idf) FROM w WHERE f.tsv @@ w.q) DESC, c.id
      LIMIT greatest(p_candidates, p_limit)
    ),
    scored AS (
      SELECT k.id,
             sum(w.idf * tf.tf * (p_k1 + 1)
                 / (tf.tf + p_k1 * (1 - p_b + p_b * k.len / greatest(p_avg_length, 1)))) AS bm25
      FROM candidates k
      CROSS JOIN LATERAL unnest(k.tsv) AS u
      JOIN w ON w.lexeme = u.lexeme
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(CASE WHEN wt = ''A'' THEN p_heading_weight ELSE 1 END), 1) AS tf
        FROM unnest(u.weights) AS wt
      ) tf
      GROUP BY k.id
      ORDER BY bm25 DESC, k.id
      LIMIT p_limit
    )
    SELECT c.id, c.document_id, d.title, d.source, c.heading_path, c.page, c.text,
      vector_send(c.embedding), s.bm25
    FROM scored s JOIN chunks c ON c.id = s.id JOIN documents d ON d.id = c.document_id
    ORDER BY s.bm25 DESC, c.id\073
END';
