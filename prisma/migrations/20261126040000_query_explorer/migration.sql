-- The query explorer (/admin/queries, docs/BENCHMARKS.md "Query explorer"): keyset pages over
-- (created_at, id) and a case-insensitive substring search of the question.
--
-- The migration runner splits scripts at every semicolon (comments and quoted text included), so the
-- DO block below spells its statement ends \073 inside an E'' string, as the audit migration does.

-- Keyset pagination: ORDER BY created_at DESC, id DESC with (created_at, id) < (cursor) is one index
-- range scan from the cursor, whatever page it is.
CREATE INDEX "query_logs_created_at_id_idx" ON "query_logs"("created_at", "id");

-- ILIKE '%term%' on the question through a trigram index. pg_trgm ships with Postgres (contrib) but
-- the embedded database (PGlite) loads only the extensions the app passes it, so where the extension
-- cannot be created the search runs without the index (a sequential filter, fine at embedded sizes).
DO E'BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm\073
  CREATE INDEX IF NOT EXISTS "query_logs_question_trgm_idx" ON "query_logs" USING gin ("question" gin_trgm_ops)\073
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE ''pg_trgm unavailable (%): the question search runs without its index'', SQLERRM\073
END';
