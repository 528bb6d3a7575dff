// [FAIRNESS] The fairness report on the real database: query-log rows seeded in a period of their own
// (June 2019, so rows other files write today never count) for users in two groups, users without a
// group (none and blank), a row just outside the period and a row whose asker is gone; the counts
// and the report's figures and ratios are asserted exactly. Non-admins are refused by the data layer.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';
import { fairnessCounts } from '../../lib/db/fairness';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { fairnessPeriodSchema, periodBounds } from '../../lib/fairness/period';
import { buildFairnessReport } from '../../lib/fairness/report';
import { AppError } from '../../lib/http/errors';

const tag = randomUUID().slice(0, 8);
const alpha = `Alpha ${tag}`;
const beta = `Beta ${tag}`;
const start = Date.parse('2019-06-01T00:00:00.000Z');
const bounds = periodBounds(
  fairnessPeriodSchema.parse({ period: 'custom', from: '2019-06-01', to: '2019-06-07' }),
);

type Row = {
  userId: string | null;
  status?: 'OK' | 'ERROR' | 'REJECTED' | 'DEGRADED';
  errorCode?: string;
  confidence?: number | null;
  model?: string;
  attempts?: Array<{ model: string; outcome: string; ms: number }>;
  degraded?: boolean;
  latencyMs?: number;
  feedback?: number | null;
  at?: number;
};

let counter = 0;
function row(entry: Row) {
  counter += 1;
  return {
    requestId: `req-fair-${tag}-${counter}`,
    userId: entry.userId,
    route: 'chat',
    question: `fairness question ${counter}`,
    status: entry.status ?? 'OK',
    errorCode: entry.errorCode ?? null,
    confidence: entry.confidence === undefined ? 0.95 : entry.confidence,
    model: entry.model ?? 'm1',
    attempts: entry.attempts ?? [{ model: entry.model ?? 'm1', outcome: 'ok', ms: 50 }],
    degraded: entry.degraded ?? false,
    latencyMs: entry.latencyMs ?? 200,
    feedback: entry.feedback ?? null,
    createdAt: new Date(entry.at ?? start + counter * 60_000),
  };
}

async function userIn(name: string, group: string | null): Promise<string> {
  const user = await upsertUser({
    email: `fair-${name}-${tag}@example.test`,
    role: 'USER',
    passwordHash: 'x',
  });
  await db().user.update({ where: { id: user.id }, data: { group } });
  return user.id;
}

describe(`[FAIRNESS] fairness report on ${inject('database')}`, () => {
  let admin: SessionUser;
  let user: SessionUser;

  beforeAll(async () => {
    admin = await upsertUser({ email: `fair-admin-${tag}@example.test`, role: 'ADMIN', passwordHash: 'x' });
    user = await upsertUser({ email: `fair-user-${tag}@example.test`, role: 'USER', passwordHash: 'x' });
    const [a1, a2, b1, none, blank] = await Promise.all([
      userIn('a1', alpha),
      userIn('a2', alpha),
      userIn('b1', beta),
      userIn('none', null),
      userIn('blank', '  '),
    ]);
    const rows: Row[] = [];
    // Alpha: 24 answers (one degraded, the first at the period's first instant; two of low
    // confidence; latencies 100…330 ms; 18 thumbs up, 2 down), one failed, two stopped by the asker.
    for (let i = 0; i < 24; i += 1)
      rows.push({
        userId: i % 2 ? a1 : a2,
        status: i === 0 ? 'DEGRADED' : 'OK',
        degraded: i === 0,
        confidence: i === 1 || i === 2 ? 0.7 : 0.95,
        latencyMs: 100 + i * 10,
        feedback: i < 18 ? 1 : i < 20 ? -1 : null,
        ...(i === 0 && { at: start }),
      });
    rows.push({
      userId: a1,
      status: 'ERROR',
      errorCode: 'generation_failed',
      confidence: null,
      latencyMs: 5000,
      attempts: [{ model: 'm1', outcome: 'timeout', ms: 5000 }],
    });
    for (let i = 0; i < 2; i += 1)
      rows.push({ userId: a2, status: 'ERROR', errorCode: 'client_aborted', confidence: null });
    // Beta: 15 confident answers, 10 withheld (5 of them answered by the fallback model m2), 5 refused;
    // every answer takes 2 s; 10 thumbs up and 10 down.
    for (let j = 0; j < 30; j += 1) {
      if (j >= 25) {
        rows.push({
          userId: b1,
          status: 'REJECTED',
          errorCode: 'injection_blocked',
          confidence: null,
          attempts: [],
          latencyMs: 5,
        });
        continue;
      }
      const fallback = j >= 15 && j < 20;
      rows.push({
        userId: b1,
        confidence: j < 15 ? 0.95 : 0.3,
        model: fallback ? 'm2' : 'm1',
        attempts: fallback
          ? [
              { model: 'm1', outcome: 'timeout', ms: 1500 },
              { model: 'm2', outcome: 'ok', ms: 400 },
            ]
          : [{ model: 'm1', outcome: 'ok', ms: 400 }],
        latencyMs: 2000,
        feedback: j < 10 ? 1 : j < 20 ? -1 : null,
      });
    }
    // Without a group (none, or blank): too few to compare.
    for (let k = 0; k < 5; k += 1) rows.push({ userId: k < 3 ? none : blank });
    // Not counted: just after the period, and a row whose asker is gone.
    rows.push({ userId: a1, at: Date.parse('2019-06-08T00:00:00.000Z'), confidence: 0.1 });
    rows.push({ userId: null });
    await db().queryLog.createMany({ data: rows.map(row) });
  });

  it('counts each group over the period, users without a group together', async () => {
    const counts = await fairnessCounts(admin, bounds);
    const byGroup = new Map(counts.map((c) => [c.group, c]));
    expect(byGroup.get(alpha)).toEqual({
      group: alpha,
      asked: 25,
      answered: 24,
      assessed: 24,
      lowConfidence: 2,
      generated: 25,
      fallback: 1,
      timed: 24,
      // percentile_cont over 100…330: 310 + 0.85 × 10.
      latencyP95Ms: 318.5,
      rated: 20,
      thumbsUp: 18,
    });
    expect(byGroup.get(beta)).toEqual({
      group: beta,
      asked: 30,
      answered: 15,
      assessed: 25,
      lowConfidence: 10,
      generated: 25,
      fallback: 5,
      timed: 25,
      latencyP95Ms: 2000,
      rated: 20,
      thumbsUp: 10,
    });
    expect(byGroup.get(null)).toMatchObject({ group: null, asked: 5, answered: 5 });
    expect(counts).toHaveLength(3);
  });

  it('reports each group against the best, marking ratios under 0.8 and too little data', async () => {
    const report = buildFairnessReport(await fairnessCounts(admin, bounds), {
      ...bounds,
      threshold: 0.8,
      minRequests: 20,
    });
    expect(report.groups.map((g) => g.label)).toEqual([alpha, beta, 'No group']);
    const [a, b, none] = report.groups;
    expect(a!.insufficient).toBe(false);
    expect(Object.values(a!.metrics).map((cell) => cell.ratio)).toEqual([1, 1, 1, 1, 1]);
    expect(b!.metrics).toMatchObject({
      answerRate: { value: 0.5, ratio: 0.52, belowThreshold: true },
      lowConfidenceRate: { value: 0.4, ratio: 0.65, belowThreshold: true },
      fallbackRate: { value: 0.2, ratio: 0.83, belowThreshold: false },
      latencyP95Ms: { value: 2000, ratio: 0.16, belowThreshold: true },
      thumbsUpShare: { value: 0.5, ratio: 0.56, belowThreshold: true },
    });
    expect(report.belowThreshold).toBe(4);
    expect(none!.insufficient).toBe(true);
    expect(Object.values(none!.metrics).every((cell) => cell.insufficient && cell.ratio === null)).toBe(true);
    expect(report.best.answerRate).toEqual({ label: alpha, value: 0.96 });
  });

  it('counts nothing in a period without questions', async () => {
    const empty = periodBounds(
      fairnessPeriodSchema.parse({ period: 'custom', from: '2018-01-01', to: '2018-01-31' }),
    );
    expect(await fairnessCounts(admin, empty)).toEqual([]);
  });

  it('refuses anyone but an admin', async () => {
    for (const [viewer, status] of [
      [null, 401],
      [user, 403],
      [{ ...user, role: 'COMPLIANCE' as const }, 403],
    ] as const) {
      const error = await fairnessCounts(viewer, bounds).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(status);
    }
  });
});
