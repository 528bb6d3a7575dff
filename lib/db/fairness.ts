// The fairness report's counts: per user group (users without one together), over the query log of
// a period, one grouped read by the created_at index. Rows whose asker is gone (erased) are left out.
// The arithmetic is lib/fairness/report.ts; the definitions are in docs/GOVERNANCE.md. Admins only.
import 'server-only';
import { assertRole } from '@/lib/auth/roles';
import { confidence } from '@/lib/config';
import type { GroupCounts } from '@/lib/fairness/report';
import { db } from './client';
import type { SessionUser } from './users';

type Row = {
  group: string | null;
  asked: number;
  answered: number;
  assessed: number;
  low_confidence: number;
  generated: number;
  fallback: number;
  timed: number;
  latency_p95_ms: number | null;
  rated: number;
  thumbs_up: number;
};

/** Each group's counts over [from, to). */
export async function fairnessCounts(
  viewer: SessionUser | null,
  period: { from: Date; to: Date },
): Promise<GroupCounts[]> {
  assertRole(viewer, ['ADMIN']);
  const rows = await db().$queryRaw<Row[]>`
    WITH asked AS (
      SELECT NULLIF(btrim(u."group"), '') AS "group", q.status, q.confidence, q.latency_ms, q.feedback,
             q.degraded, q.model, q.attempts
      FROM query_logs q
      JOIN users u ON u.id = q.user_id
      WHERE q.created_at >= ${period.from} AND q.created_at < ${period.to}
        AND q.error_code IS DISTINCT FROM 'client_aborted'
    )
    SELECT "group",
      count(*)::int AS asked,
      count(*) FILTER (
        WHERE status IN ('OK', 'DEGRADED') AND (confidence IS NULL OR confidence >= ${confidence.answer})
      )::int AS answered,
      count(confidence)::int AS assessed,
      count(*) FILTER (WHERE confidence < ${confidence.pass})::int AS low_confidence,
      count(*) FILTER (WHERE jsonb_typeof(attempts) = 'array' AND jsonb_array_length(attempts) > 0)::int
        AS generated,
      count(*) FILTER (
        WHERE degraded OR (
          jsonb_typeof(attempts) = 'array' AND jsonb_array_length(attempts) > 0
          AND attempts -> 0 ->> 'model' IS DISTINCT FROM model
        )
      )::int AS fallback,
      count(latency_ms) FILTER (WHERE status IN ('OK', 'DEGRADED'))::int AS timed,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)
        FILTER (WHERE status IN ('OK', 'DEGRADED') AND latency_ms IS NOT NULL) AS latency_p95_ms,
      count(feedback)::int AS rated,
      count(*) FILTER (WHERE feedback > 0)::int AS thumbs_up
    FROM asked
    GROUP BY "group"
  `;
  return rows.map((row) => ({
    group: row.group,
    asked: row.asked,
    answered: row.answered,
    assessed: row.assessed,
    lowConfidence: row.low_confidence,
    generated: row.generated,
    fallback: row.fallback,
    timed: row.timed,
    latencyP95Ms: row.latency_p95_ms === null ? null : Number(row.latency_p95_ms),
    rated: row.rated,
    thumbsUp: row.thumbs_up,
  }));
}
