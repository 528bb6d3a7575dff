// [SEED] `npm run seed:queries` (scripts/support/query-log-seed.ts), which the overview and explorer
// benchmarks measure on: rows spread evenly over the last N days, written oldest first as a live log
// grows (in a fresh database a period's rows then sit together in the table, as they do in
// production: created_at's correlation with the physical order was 0.99999 at a million rows), with
// the rollups in step.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';
import { seedQueryLogs } from '../../scripts/support/query-log-seed';

// Years before anything the other files write, so their ranges never see these rows.
const NOW = new Date('2020-03-04T12:00:00.000Z');

describe(`[SEED] query-log seed on ${inject('database')}`, () => {
  afterAll(async () => {
    await db().$executeRaw`DELETE FROM query_logs WHERE id LIKE 'seed%'`;
    await db().$executeRaw`DELETE FROM users WHERE email LIKE 'seed-user-%@seed.example'`;
  });

  it('writes the rows evenly over the days asked for, with the rollups in step', async () => {
    const seeded = await seedQueryLogs(inject('databaseUrl'), { rows: 3_000, days: 3, users: 20, now: NOW });
    expect(seeded).toMatchObject({ rows: 3_000, users: 20 });
    const days = await db().$queryRaw<Array<{ n: number; first: Date; last: Date }>>`
      SELECT count(*)::int AS n, min(created_at) AS first, max(created_at) AS last
      FROM query_logs WHERE id LIKE 'seed%'
      GROUP BY floor(extract(epoch FROM '2020-03-04 12:00'::timestamp - created_at) / 86400)
      ORDER BY 2`;
    // Over the three days before NOW, about a third in each (a steady stream, as the benchmarks need).
    expect(days).toHaveLength(3);
    expect(days[0]!.first.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 3 * 86_400_000);
    expect(days[2]!.last.getTime()).toBeLessThanOrEqual(NOW.getTime());
    for (const day of days) expect(Math.abs(day.n - 1_000)).toBeLessThanOrEqual(10);
    const [rolled] = await db().$queryRaw<[{ requests: number }]>`
      SELECT coalesce(sum(requests), 0)::int AS requests FROM query_rollups
      WHERE hour >= '2020-02-29 12:00'::timestamp AND hour <= '2020-03-04 12:00'::timestamp`;
    expect(rolled.requests).toBe(3_000);
  });
});
