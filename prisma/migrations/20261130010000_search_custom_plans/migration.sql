-- The HNSW search functions plan their query for each call's own arguments. PL/pgSQL keeps a
-- statement's plan and, from the sixth call in a session, switches to a generic plan when it
-- looks no dearer: planned without the LIMIT's value, that plan sorts every visible row by
-- distance instead of walking the HNSW graph. Over 100,000 passages a search took 2 s instead of
-- 30 ms from the sixth call on each pooled connection. A custom plan costs about 0.2 ms to make.
ALTER FUNCTION "nearest_chunks"(vector, integer, integer, text, text[], text[])
  SET plan_cache_mode = force_custom_plan;

ALTER FUNCTION "nearest_cached_questions"(vector, integer, integer, text, text, integer, text)
  SET plan_cache_mode = force_custom_plan;
