-- Rollups of the query log for the admin overview (/admin, docs/ARCHITECTURE.md "Admin overview"):
-- counters per hour and model, histograms per hour and per day (latency and time to first token in
-- fixed logarithmic buckets, confidence in hundredths), spend per day and user, and question counts
-- per day.
-- A statement trigger on query_logs keeps them exact as rows are inserted, updated (feedback, erasure)
-- or deleted, in the transaction of the change, on Postgres and on PGlite alike. The overview reads
-- whole hours (or days) from here and only the partial ones at the edges of its range from the log.
--
-- The migration runner splits scripts at every semicolon (comments and quoted text included), so the
-- function bodies below are E'' strings whose statement ends are spelled \073, as in the audit migration.

CREATE TABLE "query_rollups" (
    "hour" TIMESTAMP(3) NOT NULL,
    "model" TEXT NOT NULL DEFAULT '',
    "requests" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "rate_limited" INTEGER NOT NULL DEFAULT 0,
    "degraded" INTEGER NOT NULL DEFAULT 0,
    "fallbacks" INTEGER NOT NULL DEFAULT 0,
    "cache_hits" INTEGER NOT NULL DEFAULT 0,
    "tokens_in" BIGINT NOT NULL DEFAULT 0,
    "tokens_out" BIGINT NOT NULL DEFAULT 0,
    "cost_usd" DECIMAL(18,6) NOT NULL DEFAULT 0,
    "feedback_up" INTEGER NOT NULL DEFAULT 0,
    "feedback_down" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "query_rollups_pkey" PRIMARY KEY ("hour", "model")
);

-- metric: latency | ttft (bucket 0 holds 0 ms, bucket b >= 1 holds [2^((b-1)/4), 2^(b/4)) ms) or
-- confidence (bucket = the score in hundredths, rounded down).
CREATE TABLE "query_histogram_rollups" (
    "hour" TIMESTAMP(3) NOT NULL,
    "metric" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "query_histogram_rollups_pkey" PRIMARY KEY ("hour", "metric", "bucket")
);

-- The same histograms per UTC day, for long ranges charted by the day and for period totals.
CREATE TABLE "query_histogram_day_rollups" (
    "day" TIMESTAMP(3) NOT NULL,
    "metric" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "query_histogram_day_rollups_pkey" PRIMARY KEY ("day", "metric", "bucket")
);

CREATE TABLE "query_user_rollups" (
    "day" TIMESTAMP(3) NOT NULL,
    "user_id" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "tokens_in" BIGINT NOT NULL DEFAULT 0,
    "tokens_out" BIGINT NOT NULL DEFAULT 0,
    "cost_usd" DECIMAL(18,6) NOT NULL DEFAULT 0,
    CONSTRAINT "query_user_rollups_pkey" PRIMARY KEY ("day", "user_id")
);

-- question_hash: MD5 of the question with every run of digits replaced by # (questions that differ
-- only in an order or ticket number count as one), lower-cased, white space collapsed.
CREATE TABLE "query_question_rollups" (
    "day" TIMESTAMP(3) NOT NULL,
    "question_hash" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "query_question_rollups_pkey" PRIMARY KEY ("day", "question_hash")
);

-- Requests refused at the door by a rate limit (429) never become query-log rows: the route wrapper
-- counts them per hour and rule here (lib/rate-limit/rejections.ts).
CREATE TABLE "rate_limit_rollups" (
    "hour" TIMESTAMP(3) NOT NULL,
    "rule" TEXT NOT NULL,
    "rejections" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "rate_limit_rollups_pkey" PRIMARY KEY ("hour", "rule")
);

-- The overview's latest feedback comments, newest first.
CREATE INDEX "query_logs_feedback_comment_idx" ON "query_logs"("feedback_at") WHERE "feedback_comment" IS NOT NULL;

-- The statement that adds (delta 1) or takes away (delta -1) the contribution of the rows of `source`
-- (a transition table of the trigger below, or the log itself for a rebuild) to every rollup. Groups
-- are written in key order, so concurrent writers lock rollup rows in one order and cannot deadlock.
-- lib/db/overview.ts aggregates the log's edge hours with the same expressions. (Built as text for
-- EXECUTE: a trigger's transition tables are visible to its own statements only.)
CREATE FUNCTION "query_rollups_statement"(source TEXT, delta INTEGER) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $fn$
SELECT replace(replace($sql$
WITH q AS MATERIALIZED (
  SELECT created_at, date_trunc('hour', created_at) AS hour, date_trunc('day', created_at) AS day,
    coalesce(model, '') AS model, status::text AS status, error_code, jsonb_array_length(attempts) AS attempt_count,
    cache_hit, tokens_in, tokens_out, cost_usd, feedback, latency_ms, ttft_ms, confidence, user_id, question
  FROM :source
), counters AS (
  INSERT INTO query_rollups AS r (hour, model, requests, answered, errors, rejected, rate_limited, degraded,
    fallbacks, cache_hits, tokens_in, tokens_out, cost_usd, feedback_up, feedback_down)
  SELECT hour, model,
    :delta * count(*),
    :delta * count(*) FILTER (WHERE status IN ('OK', 'DEGRADED')),
    :delta * count(*) FILTER (WHERE status = 'ERROR'),
    :delta * count(*) FILTER (WHERE status = 'REJECTED'),
    :delta * count(*) FILTER (WHERE status = 'REJECTED' AND error_code IN ('rate_limited', 'budget_exceeded')),
    :delta * count(*) FILTER (WHERE status = 'DEGRADED'),
    :delta * count(*) FILTER (WHERE status IN ('OK', 'DEGRADED') AND attempt_count > 1),
    :delta * count(*) FILTER (WHERE status IN ('OK', 'DEGRADED') AND cache_hit),
    :delta * sum(tokens_in), :delta * sum(tokens_out), :delta * sum(cost_usd),
    :delta * count(*) FILTER (WHERE feedback = 1),
    :delta * count(*) FILTER (WHERE feedback = -1)
  FROM q GROUP BY hour, model ORDER BY hour, model
  ON CONFLICT (hour, model) DO UPDATE SET
    requests = r.requests + EXCLUDED.requests, answered = r.answered + EXCLUDED.answered,
    errors = r.errors + EXCLUDED.errors, rejected = r.rejected + EXCLUDED.rejected,
    rate_limited = r.rate_limited + EXCLUDED.rate_limited, degraded = r.degraded + EXCLUDED.degraded,
    fallbacks = r.fallbacks + EXCLUDED.fallbacks, cache_hits = r.cache_hits + EXCLUDED.cache_hits,
    tokens_in = r.tokens_in + EXCLUDED.tokens_in, tokens_out = r.tokens_out + EXCLUDED.tokens_out,
    cost_usd = r.cost_usd + EXCLUDED.cost_usd, feedback_up = r.feedback_up + EXCLUDED.feedback_up,
    feedback_down = r.feedback_down + EXCLUDED.feedback_down
), observations AS MATERIALIZED (
    SELECT hour, day, 'latency' AS metric,
      CASE WHEN latency_ms < 1 THEN 0 ELSE 1 + floor(4 * ln(latency_ms::float8) / ln(2::float8))::int END AS bucket
    FROM q WHERE status IN ('OK', 'DEGRADED') AND latency_ms IS NOT NULL
    UNION ALL
    SELECT hour, day, 'ttft', CASE WHEN ttft_ms < 1 THEN 0 ELSE 1 + floor(4 * ln(ttft_ms::float8) / ln(2::float8))::int END
    FROM q WHERE status IN ('OK', 'DEGRADED') AND ttft_ms IS NOT NULL
    UNION ALL
    SELECT hour, day, 'confidence', floor(confidence * 100 + 1e-9)::int FROM q WHERE confidence IS NOT NULL
), histograms AS (
  INSERT INTO query_histogram_rollups AS r (hour, metric, bucket, count)
  SELECT hour, metric, bucket, :delta * count(*) FROM observations
  GROUP BY hour, metric, bucket ORDER BY hour, metric, bucket
  ON CONFLICT (hour, metric, bucket) DO UPDATE SET count = r.count + EXCLUDED.count
), day_histograms AS (
  INSERT INTO query_histogram_day_rollups AS r (day, metric, bucket, count)
  SELECT day, metric, bucket, :delta * count(*) FROM observations
  GROUP BY day, metric, bucket ORDER BY day, metric, bucket
  ON CONFLICT (day, metric, bucket) DO UPDATE SET count = r.count + EXCLUDED.count
), users AS (
  INSERT INTO query_user_rollups AS r (day, user_id, requests, tokens_in, tokens_out, cost_usd)
  SELECT day, user_id, :delta * count(*), :delta * sum(tokens_in), :delta * sum(tokens_out), :delta * sum(cost_usd)
  FROM q WHERE user_id IS NOT NULL GROUP BY day, user_id ORDER BY day, user_id
  ON CONFLICT (day, user_id) DO UPDATE SET requests = r.requests + EXCLUDED.requests,
    tokens_in = r.tokens_in + EXCLUDED.tokens_in, tokens_out = r.tokens_out + EXCLUDED.tokens_out,
    cost_usd = r.cost_usd + EXCLUDED.cost_usd
), questions AS (
  INSERT INTO query_question_rollups AS r (day, question_hash, question, count)
  SELECT day, md5(lower(btrim(regexp_replace(regexp_replace(question, '[0-9]+', '#', 'g'), '[[:space:]]+', ' ', 'g')))),
    min(question), :delta * count(*)
  FROM q GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (day, question_hash) DO UPDATE SET count = r.count + EXCLUDED.count
)
SELECT 1
$sql$, ':source', source), ':delta', delta::text)
$fn$;

-- One trigger function for inserts, updates and deletes. What a delete or update took away leaves no
-- empty per-user or per-question row behind (an erased user's id is not kept here).
CREATE FUNCTION "query_rollups_on_change"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    EXECUTE query_rollups_statement(''old_rows'', -1)\073
    DELETE FROM query_user_rollups WHERE requests = 0
      AND (day, user_id) IN (SELECT date_trunc(''day'', o.created_at), o.user_id FROM old_rows o)\073
    DELETE FROM query_question_rollups WHERE count = 0
      AND day IN (SELECT date_trunc(''day'', o.created_at) FROM old_rows o)\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    EXECUTE query_rollups_statement(''new_rows'', 1)\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION "query_rollups_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM query_rollups\073
  DELETE FROM query_histogram_rollups\073
  DELETE FROM query_histogram_day_rollups\073
  DELETE FROM query_user_rollups\073
  DELETE FROM query_question_rollups\073
  RETURN NULL\073
END';

CREATE TRIGGER "query_rollups_insert" AFTER INSERT ON "query_logs"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "query_rollups_on_change"();

CREATE TRIGGER "query_rollups_update" AFTER UPDATE ON "query_logs"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "query_rollups_on_change"();

CREATE TRIGGER "query_rollups_delete" AFTER DELETE ON "query_logs"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "query_rollups_on_change"();

CREATE TRIGGER "query_rollups_truncate" AFTER TRUNCATE ON "query_logs"
FOR EACH STATEMENT EXECUTE FUNCTION "query_rollups_on_truncate"();

-- Recomputes every rollup from the log with writers held off (SHARE lock), so no row is counted twice
-- or missed. Backfills the rows already logged, and repairs the rollups by hand if ever needed:
-- SELECT query_rollups_rebuild().
CREATE FUNCTION "query_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE query_logs IN SHARE MODE\073
  DELETE FROM query_rollups\073
  DELETE FROM query_histogram_rollups\073
  DELETE FROM query_histogram_day_rollups\073
  DELETE FROM query_user_rollups\073
  DELETE FROM query_question_rollups\073
  EXECUTE query_rollups_statement(''query_logs'', 1)\073
END';

SELECT "query_rollups_rebuild"();
