// The admin overview's reads (/admin): counters, histograms, spend per user, top questions and the
// latest feedback over a time range. Whole hours (or days) come from the rollup tables a trigger on
// query_logs keeps exact (migration 20261127040000_query_rollups); the partial ones at the range's
// edges are aggregated from the log with the same expressions. OVERVIEW_SOURCE=logs reads everything
// from the log (what the page cost before the rollups; docs/BENCHMARKS.md). Admins only.
import 'server-only';
import {
  addCounters,
  COUNTER_KEYS,
  emptyHistograms,
  summarise,
  zeroCounters,
  type Counters,
  type Histograms,
  type Summary,
} from '@/lib/admin/overview-data';
import { splitRange, STEP_MS, stepStarts, type OverviewRange, type Step } from '@/lib/admin/overview-range';
import { assertRole } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';
import type { SessionUser } from './users';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const EPOCH = Prisma.sql`TIMESTAMP '1970-01-01 00:00:00'`;
const INTERVALS: Record<Step, string> = { '5m': '5 minutes', '1h': '1 hour', '6h': '6 hours', '1d': '1 day' };

// created_at is a timestamp without time zone holding UTC: compare it with the UTC wall time.
const wall = (at: Date) => Prisma.sql`${at.toISOString().slice(0, 23).replace('T', ' ')}::timestamp`;
const interval = (step: Step) => Prisma.sql`${INTERVALS[step]}::interval`;

type Split = ReturnType<typeof splitRange>;

/** Whole units from the rollup, unless the log is asked for or the chart step is finer than the unit. */
function split(from: Date, to: Date, unitMs: number, step?: Step): Split {
  const logsOnly = env().OVERVIEW_SOURCE === 'logs' || (step !== undefined && STEP_MS[step] < unitMs);
  return logsOnly ? { from, to, bodyFrom: to, bodyTo: to } : splitRange(from, to, unitMs);
}

/** The log's rows in the edges of a split (all of it when the body is empty). */
const edges = (s: Split) =>
  Prisma.sql`((q.created_at >= ${wall(s.from)} AND q.created_at < ${wall(s.bodyFrom)})
    OR (q.created_at >= ${wall(s.bodyTo)} AND q.created_at < ${wall(s.to)}))`;

const answered = Prisma.sql`q.status IN ('OK', 'DEGRADED')`;
const latencyBucket = (column: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${column} < 1 THEN 0 ELSE 1 + floor(4 * ln(${column}::float8) / ln(2::float8))::int END`;
// Questions that differ only in numbers (an order or ticket number) count as one: the log's stored
// key (a generated column) is the rollups' question_hash.
const questionHash = Prisma.sql`q.question_key`;

/** Counter rows (at, model, …) for a split: rollup hours, and the edges grouped by `rawStep`. */
function counterSource(s: Split, rawStep: Step): Prisma.Sql {
  return Prisma.sql`
    SELECT hour AS at, model, requests, answered, errors, rejected, rate_limited, degraded, fallbacks,
           cache_hits, tokens_in, tokens_out, cost_usd, feedback_up, feedback_down
    FROM query_rollups WHERE hour >= ${wall(s.bodyFrom)} AND hour < ${wall(s.bodyTo)}
    UNION ALL
    SELECT date_bin(${interval(rawStep)}, q.created_at, ${EPOCH}), coalesce(q.model, ''),
      count(*),
      count(*) FILTER (WHERE ${answered}),
      count(*) FILTER (WHERE q.status = 'ERROR'),
      count(*) FILTER (WHERE q.status = 'REJECTED'),
      count(*) FILTER (WHERE q.status = 'REJECTED' AND q.error_code IN ('rate_limited', 'budget_exceeded')),
      count(*) FILTER (WHERE q.status = 'DEGRADED'),
      count(*) FILTER (WHERE ${answered} AND jsonb_array_length(q.attempts) > 1),
      count(*) FILTER (WHERE ${answered} AND q.cache_hit),
      sum(q.tokens_in), sum(q.tokens_out), sum(q.cost_usd),
      count(*) FILTER (WHERE q.feedback = 1),
      count(*) FILTER (WHERE q.feedback = -1)
    FROM query_logs q WHERE ${edges(s)}
    GROUP BY 1, 2`;
}

/** Histogram rows (at, metric, bucket, count) for a split. */
function histogramSource(s: Split, rawStep: Step): Prisma.Sql {
  return Prisma.sql`
    SELECT hour AS at, metric, bucket, count FROM query_histogram_rollups
    WHERE hour >= ${wall(s.bodyFrom)} AND hour < ${wall(s.bodyTo)}
    UNION ALL
    SELECT date_bin(${interval(rawStep)}, q.created_at, ${EPOCH}), m.metric, m.bucket, count(*)
    FROM query_logs q CROSS JOIN LATERAL (VALUES
      ('latency', CASE WHEN ${answered} AND q.latency_ms IS NOT NULL THEN ${latencyBucket(Prisma.sql`q.latency_ms`)} END),
      ('ttft', CASE WHEN ${answered} AND q.ttft_ms IS NOT NULL THEN ${latencyBucket(Prisma.sql`q.ttft_ms`)} END),
      ('confidence', floor(q.confidence * 100 + 1e-9)::int)
    ) AS m(metric, bucket)
    WHERE ${edges(s)} AND m.bucket IS NOT NULL
    GROUP BY 1, 2, 3`;
}

const COLUMNS: Record<keyof Counters, string> = {
  requests: 'requests',
  answered: 'answered',
  errors: 'errors',
  rejected: 'rejected',
  rateLimited: 'rate_limited',
  degraded: 'degraded',
  fallbacks: 'fallbacks',
  cacheHits: 'cache_hits',
  tokensIn: 'tokens_in',
  tokensOut: 'tokens_out',
  costUsd: 'cost_usd',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
};
const counterSums = Prisma.raw(
  COUNTER_KEYS.map((key) => `coalesce(sum(r.${COLUMNS[key]}), 0)::float8 AS "${key}"`).join(', '),
);

type CounterRow = Counters & { at: Date | null; model: string };
type HistogramRow = { at: Date | null; metric: keyof Histograms; bucket: number; count: number };

const rawStepFor = (step: Step): Step => (STEP_MS[step] < HOUR ? step : '1h');

function readCounters(s: Split, step: Step | null): Promise<CounterRow[]> {
  const source = counterSource(s, step ? rawStepFor(step) : '1h');
  const at = step ? Prisma.sql`date_bin(${interval(step)}, r.at, ${EPOCH})` : Prisma.sql`NULL::timestamp`;
  return db().$queryRaw<CounterRow[]>`
    SELECT ${at} AS at, r.model, ${counterSums} FROM (${source}) r GROUP BY 1, 2 ORDER BY 1, 2`;
}

/**
 * Histogram rows for [from, to). Charted by the day (or as one total), whole days come from the day
 * table, the hours around them from the hourly one and the partial hours from the log; else hours.
 */
function histogramRows(from: Date, to: Date, step: Step | null): Prisma.Sql {
  const rawStep = step ? rawStepFor(step) : '1h';
  const days = splitRange(from, to, DAY);
  const byDay = env().OVERVIEW_SOURCE !== 'logs' && (step === null || step === '1d');
  if (!byDay || days.bodyFrom >= days.bodyTo)
    return histogramSource(split(from, to, HOUR, step ?? undefined), rawStep);
  return Prisma.sql`
    SELECT day AS at, metric, bucket, count FROM query_histogram_day_rollups
    WHERE day >= ${wall(days.bodyFrom)} AND day < ${wall(days.bodyTo)}
    UNION ALL ${histogramSource(split(from, days.bodyFrom, HOUR), rawStep)}
    UNION ALL ${histogramSource(split(days.bodyTo, to, HOUR), rawStep)}`;
}

function readHistograms(from: Date, to: Date, step: Step | null): Promise<HistogramRow[]> {
  const source = histogramRows(from, to, step);
  const at = step ? Prisma.sql`date_bin(${interval(step)}, r.at, ${EPOCH})` : Prisma.sql`NULL::timestamp`;
  return db().$queryRaw<HistogramRow[]>`
    SELECT ${at} AS at, r.metric, r.bucket, sum(r.count)::float8 AS count
    FROM (${source}) r GROUP BY 1, 2, 3`;
}

/** Door refusals per step: whole hours overlapping the range (they are counted per hour only). */
function readDoorRejections(from: Date, to: Date, step: Step | null) {
  const at = step ? Prisma.sql`date_bin(${interval(step)}, hour, ${EPOCH})` : Prisma.sql`NULL::timestamp`;
  const firstHour = new Date(Math.floor(from.getTime() / HOUR) * HOUR);
  return db().$queryRaw<Array<{ at: Date | null; rejections: number }>>`
    SELECT ${at} AS at, sum(rejections)::float8 AS rejections FROM rate_limit_rollups
    WHERE hour >= ${wall(firstHour)} AND hour < ${wall(to)} GROUP BY 1`;
}

export type OverviewStep = { at: Date; summary: Summary; byModel: Record<string, Counters> };

export type ModelUsage = { model: string } & Counters;

export type OverviewFigures = {
  steps: OverviewStep[];
  current: Summary;
  previous: Summary;
  models: ModelUsage[];
};

const key = (at: Date | null) => (at ? at.getTime() : 0);

/**
 * Every figure of the overview's charts and tiles for `range`: per chart step (zero-filled), the
 * totals of the range and of the period before it, and usage per model (most costly first).
 */
export async function readOverviewFigures(
  viewer: SessionUser | null,
  range: OverviewRange,
): Promise<OverviewFigures> {
  assertRole(viewer, ['ADMIN']);
  const current = split(range.from, range.to, HOUR, range.step);
  const previous = split(range.previousFrom, range.from, HOUR);
  const [counterRows, histogramRows, doorRows, previousCounters, previousHistograms, previousDoor] =
    await Promise.all([
      readCounters(current, range.step),
      readHistograms(range.from, range.to, range.step),
      readDoorRejections(range.from, range.to, range.step),
      readCounters(previous, null),
      readHistograms(range.previousFrom, range.from, null),
      readDoorRejections(range.previousFrom, range.from, null),
    ]);

  const starts = stepStarts(range.from, range.to, range.step);
  const counters = new Map(starts.map((at) => [at.getTime(), zeroCounters()]));
  const byModel = new Map(starts.map((at) => [at.getTime(), {} as Record<string, Counters>]));
  const histograms = new Map(starts.map((at) => [at.getTime(), emptyHistograms()]));
  const door = new Map(doorRows.map((row) => [key(row.at), row.rejections]));
  const models = new Map<string, Counters>();
  for (const row of counterRows) {
    const at = key(row.at);
    const step = counters.get(at);
    // A rollup row whose rows were all deleted again holds zeros: nothing to show.
    if (!step || row.requests === 0) continue;
    addCounters(step, row);
    const perModel = byModel.get(at)!;
    perModel[row.model] = addCounters(perModel[row.model] ?? zeroCounters(), row);
    models.set(row.model, addCounters(models.get(row.model) ?? zeroCounters(), row));
  }
  for (const row of histogramRows) {
    const histogram = histograms.get(key(row.at))?.[row.metric];
    histogram?.set(row.bucket, (histogram.get(row.bucket) ?? 0) + row.count);
  }

  const total = zeroCounters();
  const totalHistograms = emptyHistograms();
  let totalDoor = 0;
  const steps = starts.map((at) => {
    const stepCounters = counters.get(at.getTime())!;
    const stepHistograms = histograms.get(at.getTime())!;
    const stepDoor = door.get(at.getTime()) ?? 0;
    addCounters(total, stepCounters);
    for (const metric of ['latency', 'ttft', 'confidence'] as const)
      for (const [bucket, count] of stepHistograms[metric])
        totalHistograms[metric].set(bucket, (totalHistograms[metric].get(bucket) ?? 0) + count);
    totalDoor += stepDoor;
    return {
      at,
      summary: summarise(stepCounters, stepHistograms, stepDoor),
      byModel: byModel.get(at.getTime())!,
    };
  });

  const previousTotal = previousCounters.reduce((sum, row) => addCounters(sum, row), zeroCounters());
  const previousHistogram = emptyHistograms();
  for (const row of previousHistograms) previousHistogram[row.metric].set(row.bucket, row.count);

  return {
    steps,
    current: summarise(total, totalHistograms, totalDoor),
    previous: summarise(
      previousTotal,
      previousHistogram,
      previousDoor.reduce((sum, row) => sum + row.rejections, 0),
    ),
    models: [...models]
      .map(([model, usage]) => ({ model, ...usage }))
      .filter((usage) => usage.requests > 0)
      .sort((a, b) => b.costUsd - a.costUsd || b.requests - a.requests),
  };
}

export type Spender = {
  userId: string;
  email: string | null;
  requests: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
};

/** The users who spent most in the range (cost, then tokens): whole UTC days from the rollup. */
export async function readTopSpenders(
  viewer: SessionUser | null,
  range: OverviewRange,
  limit = 10,
): Promise<Spender[]> {
  assertRole(viewer, ['ADMIN']);
  const s = split(range.from, range.to, DAY);
  return db().$queryRaw<Spender[]>`
    SELECT r.user_id AS "userId", u.email, sum(r.requests)::float8 AS requests,
           sum(r.tokens_in)::float8 AS "tokensIn", sum(r.tokens_out)::float8 AS "tokensOut",
           sum(r.cost_usd)::float8 AS "costUsd"
    FROM (
      SELECT user_id, requests, tokens_in, tokens_out, cost_usd FROM query_user_rollups
      WHERE day >= ${wall(s.bodyFrom)} AND day < ${wall(s.bodyTo)}
      UNION ALL
      SELECT q.user_id, count(*), sum(q.tokens_in), sum(q.tokens_out), sum(q.cost_usd)
      FROM query_logs q WHERE ${edges(s)} AND q.user_id IS NOT NULL GROUP BY 1
    ) r
    LEFT JOIN users u ON u.id = r.user_id
    GROUP BY r.user_id, u.email
    HAVING sum(r.requests) > 0
    ORDER BY sum(r.cost_usd) DESC, sum(r.tokens_in + r.tokens_out) DESC, sum(r.requests) DESC, r.user_id
    LIMIT ${limit}`;
}

export type TopQuestion = { question: string; count: number };

/** The questions asked most often in the range (compared lower-cased, white space collapsed). */
export async function readTopQuestions(
  viewer: SessionUser | null,
  range: OverviewRange,
  limit = 10,
): Promise<TopQuestion[]> {
  assertRole(viewer, ['ADMIN']);
  const s = split(range.from, range.to, DAY);
  return db().$queryRaw<TopQuestion[]>`
    SELECT min(r.question) AS question, sum(r.count)::float8 AS count
    FROM (
      SELECT question_hash, question, count FROM query_question_rollups
      WHERE day >= ${wall(s.bodyFrom)} AND day < ${wall(s.bodyTo)}
      UNION ALL
      SELECT ${questionHash}, min(q.question), count(*)
      FROM query_logs q WHERE ${edges(s)} GROUP BY 1
    ) r
    GROUP BY r.question_hash
    HAVING sum(r.count) > 0
    ORDER BY sum(r.count) DESC, min(r.question)
    LIMIT ${limit}`;
}

export type FeedbackComment = {
  id: string;
  rating: number;
  comment: string;
  at: Date;
  question: string;
  userEmail: string | null;
};

/** The newest feedback comments given in the range. */
export async function readLatestComments(
  viewer: SessionUser | null,
  range: OverviewRange,
  limit = 5,
): Promise<FeedbackComment[]> {
  assertRole(viewer, ['ADMIN']);
  return db().$queryRaw<FeedbackComment[]>`
    SELECT q.id, q.feedback::int AS rating, q.feedback_comment AS comment, q.feedback_at AS at,
           q.question, u.email AS "userEmail"
    FROM query_logs q LEFT JOIN users u ON u.id = q.user_id
    WHERE q.feedback_comment IS NOT NULL
      AND q.feedback_at >= ${wall(range.from)} AND q.feedback_at < ${wall(range.to)}
    ORDER BY q.feedback_at DESC, q.id DESC
    LIMIT ${limit}`;
}
