// Requests refused at the door by a rate limit, counted per hour and rule for the admin overview
// (they never become query-log rows: the request was not accepted). Written in batches by
// lib/rate-limit/rejections.ts, read by lib/db/overview.ts.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';

export type RejectionCount = { hour: Date; rule: string; count: number };

/** Adds the counts in one statement, in key order (so concurrent flushes cannot deadlock). */
export async function addRateLimitRejections(counts: RejectionCount[]): Promise<void> {
  if (counts.length === 0) return;
  const sorted = [...counts].sort(
    (a, b) => a.hour.getTime() - b.hour.getTime() || a.rule.localeCompare(b.rule),
  );
  const rows = sorted.map(
    (entry) =>
      Prisma.sql`(${entry.hour.toISOString().slice(0, 23).replace('T', ' ')}::timestamp, ${entry.rule}, ${entry.count}::int)`,
  );
  await db().$executeRaw`
    INSERT INTO rate_limit_rollups AS r (hour, rule, rejections) VALUES ${Prisma.join(rows)}
    ON CONFLICT (hour, rule) DO UPDATE SET rejections = r.rejections + EXCLUDED.rejections`;
}
