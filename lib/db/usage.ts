// What users' answers have spent in a period: tokens and cost summed from query_logs, read by the
// (user_id, created_at) index.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';

export type Usage = { tokens: number; costUsd: number };

// created_at is a timestamp without time zone holding UTC: compare it with the UTC wall time, so the
// session's time zone cannot shift the day.
const utcWallTime = (at: Date) => at.toISOString().slice(0, 23).replace('T', ' ');

/** Tokens in and out and cost of each user's logged answers from `since` up to (not including) `until`. */
export async function usageByUser({
  userIds,
  since,
  until,
}: {
  userIds: readonly string[];
  since: Date;
  until: Date;
}): Promise<Map<string, Usage>> {
  if (userIds.length === 0) return new Map();
  const rows = await db().$queryRaw<
    Array<{ user_id: string; tokens: bigint | number; cost: number | string }>
  >`
    SELECT user_id,
           COALESCE(SUM(tokens_in + tokens_out), 0)::int8 AS tokens,
           COALESCE(SUM(cost_usd), 0)::float8 AS cost
    FROM query_logs
    WHERE user_id IN (${Prisma.join([...userIds])})
      AND created_at >= ${utcWallTime(since)}::timestamp AND created_at < ${utcWallTime(until)}::timestamp
    GROUP BY user_id`;
  return new Map(rows.map((row) => [row.user_id, { tokens: Number(row.tokens), costUsd: Number(row.cost) }]));
}

/** One user's usage from `since` up to (not including) `until`. */
export async function usageBetween({
  userId,
  since,
  until,
}: {
  userId: string;
  since: Date;
  until: Date;
}): Promise<Usage> {
  const usage = await usageByUser({ userIds: [userId], since, until });
  return usage.get(userId) ?? { tokens: 0, costUsd: 0 };
}
