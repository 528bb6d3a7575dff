// [ADMIN] The overview's rollups: the trigger on query_logs keeps them equal to a direct aggregation
// of the log through inserts (one row and many), feedback updates, erasure of a user and deletes,
// including rows that arrive after the backfill; the overview's figures read from rollups equal those
// read from the log alone; door rate-limit refusals are counted; admins only. Other files share this
// database and write query logs too, which the whole-table comparisons include.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bucketOf, percentile, PERCENTILE_RELATIVE_ERROR } from '../../lib/admin/histogram';
import { parseOverviewRange, presetRange } from '../../lib/admin/overview-range';
import { db } from '../../lib/db/client';
import { readOverviewFigures, readTopQuestions, readTopSpenders } from '../../lib/db/overview';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { applyCommandLineSettings, env } from '../../lib/env';
import { AppError } from '../../lib/http/errors';
import { flushRateLimitRejections, noteRateLimitRejection } from '../../lib/rate-limit/rejections';

const tag = randomUUID().slice(0, 8);
let admin: SessionUser;
let asker: SessionUser;
let spender: SessionUser;

/** Far from other files' rows: a fixed day in the past, 10:00–14:00 UTC. */
const base = Date.parse('2025-06-10T10:00:00.000Z');

type Row = {
  minutes: number;
  status?: 'OK' | 'ERROR' | 'REJECTED' | 'DEGRADED';
  model?: string | null;
  latencyMs?: number | null;
  ttftMs?: number | null;
  confidence?: number | null;
  costUsd?: number;
  tokensIn?: number;
  tokensOut?: number;
  cacheHit?: boolean;
  feedback?: number | null;
  attempts?: object[];
  errorCode?: string | null;
  userId?: string | null;
  question?: string;
};

let counter = 0;
const data = (row: Row) => {
  counter += 1;
  return {
    requestId: `req-ov-${tag}-${counter}`,
    userId: row.userId === undefined ? asker.id : row.userId,
    route: 'chat',
    question: row.question ?? `Where is the ${tag} handbook?`,
    model: row.model === undefined ? 'local-extractive' : row.model,
    status: row.status ?? 'OK',
    latencyMs: row.latencyMs === undefined ? 100 + counter * 37 : row.latencyMs,
    ttftMs: row.ttftMs === undefined ? 20 + counter : row.ttftMs,
    confidence: row.confidence === undefined ? 0.95 : row.confidence,
    costUsd: row.costUsd ?? 0.0012,
    tokensIn: row.tokensIn ?? 300,
    tokensOut: row.tokensOut ?? 80,
    cacheHit: row.cacheHit ?? false,
    feedback: row.feedback ?? null,
    attempts: row.attempts ?? [{ model: 'local-extractive', outcome: 'ok' }],
    errorCode: row.errorCode ?? null,
    createdAt: new Date(base + row.minutes * 60_000),
  };
};

/** Every rollup row that differs from the same aggregation made directly from query_logs. */
async function differences(): Promise<number[]> {
  const [counters] = await db().$queryRaw<[{ n: number }]>`
    WITH direct AS (
      SELECT date_trunc('hour', created_at) AS hour, coalesce(model, '') AS model, count(*)::int AS requests,
        count(*) FILTER (WHERE status IN ('OK', 'DEGRADED'))::int AS answered,
        count(*) FILTER (WHERE status = 'ERROR')::int AS errors,
        count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
        count(*) FILTER (WHERE status = 'REJECTED' AND error_code IN ('rate_limited', 'budget_exceeded'))::int AS rate_limited,
        count(*) FILTER (WHERE status = 'DEGRADED')::int AS degraded,
        count(*) FILTER (WHERE status IN ('OK', 'DEGRADED') AND jsonb_array_length(attempts) > 1)::int AS fallbacks,
        count(*) FILTER (WHERE status IN ('OK', 'DEGRADED') AND cache_hit)::int AS cache_hits,
        sum(tokens_in)::bigint AS tokens_in, sum(tokens_out)::bigint AS tokens_out, sum(cost_usd) AS cost_usd,
        count(*) FILTER (WHERE feedback = 1)::int AS feedback_up, count(*) FILTER (WHERE feedback = -1)::int AS feedback_down
      FROM query_logs GROUP BY 1, 2
    ), rolled AS (SELECT * FROM query_rollups WHERE requests <> 0)
    SELECT count(*)::int AS n FROM (
      (SELECT * FROM direct EXCEPT SELECT * FROM rolled) UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM direct)
    ) d`;
  const [histograms] = await db().$queryRaw<[{ n: number }]>`
    WITH direct AS (
      SELECT date_trunc('hour', created_at) AS hour, 'latency' AS metric,
        CASE WHEN latency_ms < 1 THEN 0 ELSE 1 + floor(4 * ln(latency_ms::float8) / ln(2::float8))::int END AS bucket, count(*)::int AS count
      FROM query_logs WHERE status IN ('OK', 'DEGRADED') AND latency_ms IS NOT NULL GROUP BY 1, 2, 3
      UNION ALL
      SELECT date_trunc('hour', created_at), 'ttft',
        CASE WHEN ttft_ms < 1 THEN 0 ELSE 1 + floor(4 * ln(ttft_ms::float8) / ln(2::float8))::int END, count(*)::int
      FROM query_logs WHERE status IN ('OK', 'DEGRADED') AND ttft_ms IS NOT NULL GROUP BY 1, 2, 3
      UNION ALL
      SELECT date_trunc('hour', created_at), 'confidence', floor(confidence * 100 + 1e-9)::int, count(*)::int
      FROM query_logs WHERE confidence IS NOT NULL GROUP BY 1, 2, 3
    ), rolled AS (SELECT hour, metric, bucket, count FROM query_histogram_rollups WHERE count <> 0)
    SELECT count(*)::int AS n FROM (
      (SELECT * FROM direct EXCEPT SELECT * FROM rolled) UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM direct)
    ) d`;
  const [users] = await db().$queryRaw<[{ n: number }]>`
    WITH direct AS (
      SELECT date_trunc('day', created_at) AS day, user_id, count(*)::int AS requests, sum(tokens_in)::bigint AS tokens_in,
        sum(tokens_out)::bigint AS tokens_out, sum(cost_usd) AS cost_usd
      FROM query_logs WHERE user_id IS NOT NULL GROUP BY 1, 2
    ), rolled AS (SELECT day, user_id, requests, tokens_in, tokens_out, cost_usd FROM query_user_rollups)
    SELECT count(*)::int AS n FROM (
      (SELECT * FROM direct EXCEPT SELECT * FROM rolled) UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM direct)
    ) d`;
  const [questions] = await db().$queryRaw<[{ n: number }]>`
    WITH direct AS (
      -- The log's stored key (a generated column) must be the trigger's hash of the same question.
      SELECT date_trunc('day', created_at) AS day, question_key AS question_hash, count(*)::int AS count
      FROM query_logs GROUP BY 1, 2
    ), rolled AS (SELECT day, question_hash, count FROM query_question_rollups)
    SELECT count(*)::int AS n FROM (
      (SELECT * FROM direct EXCEPT SELECT * FROM rolled) UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM direct)
    ) d`;
  const [days] = await db().$queryRaw<[{ n: number }]>`
    WITH hourly AS (
      SELECT date_trunc('day', hour) AS day, metric, bucket, sum(count)::int AS count
      FROM query_histogram_rollups GROUP BY 1, 2, 3 HAVING sum(count) <> 0
    ), daily AS (SELECT day, metric, bucket, count FROM query_histogram_day_rollups WHERE count <> 0)
    SELECT count(*)::int AS n FROM (
      (SELECT * FROM hourly EXCEPT SELECT * FROM daily) UNION ALL (SELECT * FROM daily EXCEPT SELECT * FROM hourly)
    ) d`;
  return [counters.n, histograms.n + days.n, users.n, questions.n];
}

const window = parseOverviewRange({ range: 'custom', from: '2025-06-10', to: '2025-06-10' }).range;

describe(`[ADMIN] overview rollups on ${inject('database')}`, () => {
  beforeAll(async () => {
    admin = await upsertUser({ email: `ov-admin-${tag}@example.test`, role: 'ADMIN', passwordHash: 'x' });
    asker = await upsertUser({ email: `ov-asker-${tag}@example.test`, role: 'USER', passwordHash: 'x' });
    spender = await upsertUser({ email: `ov-spender-${tag}@example.test`, role: 'USER', passwordHash: 'x' });
  });

  it('match a direct aggregation of the log after a rebuild (the backfill) and after rows that arrive later', async () => {
    await db().$executeRaw`SELECT query_rollups_rebuild()`;
    expect(await differences()).toEqual([0, 0, 0, 0]);

    // One row at a time, as the pipeline writes them, then many in one statement (a bulk insert).
    await db().queryLog.create({ data: data({ minutes: 5, feedback: 1 }) });
    await db().queryLog.create({
      data: data({ minutes: 65, status: 'ERROR', errorCode: 'generation_failed', ttftMs: null }),
    });
    await db().queryLog.createMany({
      data: [
        data({
          minutes: 70,
          status: 'DEGRADED',
          model: 'gpt-4o-mini',
          attempts: [{ outcome: 'timeout' }, { outcome: 'ok' }],
        }),
        data({
          minutes: 75,
          status: 'REJECTED',
          errorCode: 'rate_limited',
          model: null,
          latencyMs: 3,
          ttftMs: null,
          confidence: null,
          costUsd: 0,
          tokensIn: 0,
          tokensOut: 0,
        }),
        data({ minutes: 80, cacheHit: true, costUsd: 0, tokensIn: 0, tokensOut: 0, latencyMs: 0, ttftMs: 0 }),
        data({
          minutes: 130,
          confidence: 0.42,
          userId: spender.id,
          costUsd: 0.5,
          question: `  where IS the ${tag}   Handbook? `,
        }),
        data({ minutes: 131, userId: null }),
      ],
    });
    expect(await differences()).toEqual([0, 0, 0, 0]);
  });

  it('follow feedback, erasure of a user and deletes', async () => {
    await db().queryLog.updateMany({
      where: { requestId: { startsWith: `req-ov-${tag}-` }, feedback: null, status: 'OK' },
      data: { feedback: -1 },
    });
    expect(await differences()).toEqual([0, 0, 0, 0]);

    const gone = await upsertUser({ email: `ov-gone-${tag}@example.test`, role: 'USER', passwordHash: 'x' });
    await db().queryLog.create({ data: data({ minutes: 140, userId: gone.id, costUsd: 2 }) });
    await db().user.delete({ where: { id: gone.id } });
    expect(await differences()).toEqual([0, 0, 0, 0]);
    const left = await db().queryUserRollup.count({ where: { userId: gone.id } });
    expect(left).toBe(0);

    await db().queryLog.deleteMany({ where: { requestId: `req-ov-${tag}-1` } });
    expect(await differences()).toEqual([0, 0, 0, 0]);
  });

  it('gives the same figures from the rollups as from the log alone, percentiles within the stated bound', async () => {
    const fromRollups = await readOverviewFigures(admin, window);
    const previous = env().OVERVIEW_SOURCE;
    applyCommandLineSettings({ OVERVIEW_SOURCE: 'logs' });
    let fromLogs;
    try {
      fromLogs = await readOverviewFigures(admin, window);
    } finally {
      applyCommandLineSettings({ OVERVIEW_SOURCE: previous });
    }
    expect(fromRollups).toEqual(fromLogs);

    const current = fromRollups.current;
    expect(current.requests).toBeGreaterThanOrEqual(7);
    expect(current.rateLimited).toBeGreaterThanOrEqual(1);
    expect(current.fallbacks).toBeGreaterThanOrEqual(1);
    expect(current.lowConfidence).toBeGreaterThanOrEqual(1);

    // The p95 read from the histogram is within the stated bound of the exact nearest-rank p95.
    const latencies = (
      await db().queryLog.findMany({
        where: {
          createdAt: { gte: window.from, lt: window.to },
          status: { in: ['OK', 'DEGRADED'] },
          latencyMs: { not: null },
        },
        select: { latencyMs: true },
      })
    )
      .map((row) => row.latencyMs!)
      .sort((a, b) => a - b);
    const exact = latencies[Math.ceil(0.95 * latencies.length) - 1]!;
    const histogram = new Map<number, number>();
    for (const ms of latencies) histogram.set(bucketOf(ms), (histogram.get(bucketOf(ms)) ?? 0) + 1);
    expect(current.latencyP95).toBe(percentile(histogram, 0.95));
    if (exact > 0)
      expect(Math.abs(current.latencyP95! - exact) / exact).toBeLessThanOrEqual(PERCENTILE_RELATIVE_ERROR);
  });

  it('ranks top spenders and questions, questions compared without case or spacing', async () => {
    const spenders = await readTopSpenders(admin, window);
    expect(spenders[0]).toMatchObject({ email: spender.email, costUsd: 0.5, requests: 1 });
    const questions = await readTopQuestions(admin, window);
    const ours = questions.find((entry) => entry.question.toLowerCase().includes(tag));
    expect(ours?.count).toBeGreaterThanOrEqual(5);
    // The same ranking from the log alone (grouped by its stored question key) as from the rollups;
    // the wording shown may be another of the variants counted together.
    const normalised = (list: typeof questions) =>
      list.map(({ question, count }) => [question.toLowerCase().replace(/\s+/g, ' ').trim(), count]);
    const previous = env().OVERVIEW_SOURCE;
    applyCommandLineSettings({ OVERVIEW_SOURCE: 'logs' });
    try {
      expect(normalised(await readTopQuestions(admin, window))).toEqual(normalised(questions));
      expect(await readTopSpenders(admin, window)).toEqual(spenders);
    } finally {
      applyCommandLineSettings({ OVERVIEW_SOURCE: previous });
    }
  });

  it('counts requests refused at the door per hour and rule', async () => {
    const at = new Date(base + 30 * 60_000);
    noteRateLimitRejection('question-user', at);
    noteRateLimitRejection('question-user', at);
    noteRateLimitRejection('question-ip', at);
    await flushRateLimitRejections();
    const figures = await readOverviewFigures(admin, window);
    expect(figures.current.doorRejections).toBeGreaterThanOrEqual(3);
    const tenOClock = figures.steps.find((step) => step.at.toISOString() === '2025-06-10T10:00:00.000Z');
    expect(tenOClock?.summary.doorRejections).toBeGreaterThanOrEqual(3);
  });

  it('refuses everyone but admins', async () => {
    const range = presetRange('24h');
    for (const viewer of [asker, null]) {
      await expect(readOverviewFigures(viewer, range)).rejects.toBeInstanceOf(AppError);
      await expect(readTopSpenders(viewer, range)).rejects.toBeInstanceOf(AppError);
      await expect(readTopQuestions(viewer, range)).rejects.toBeInstanceOf(AppError);
    }
  });
});
