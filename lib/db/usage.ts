// What a user's answers have spent in a period: tokens and cost summed from query_logs, read by the
// (user_id, created_at) index.
import 'server-only';
import { db } from './client';

export type Usage = { tokens: number; costUsd: number };

/** Tokens in and out and cost of `userId`'s logged answers from `since` up to (not including) `until`. */
export async function usageBetween({
  userId,
  since,
  until,
}: {
  userId: string;
  since: Date;
  until: Date;
}): Promise<Usage> {
  // created_at is a timestamp without time zone holding UTC: compare it with the UTC wall time, so
  // the session's time zone cannot shift the day.
  const utc = (at: Date) => at.toISOString().slice(0, 23).replace('T', ' ');
  const rows = await db().$queryRaw<Array<{ tokens: bigint | number | null; cost: number | string | null }>>`
    SELECT COALESCE(SUM(tokens_in + tokens_out), 0)::int8 AS tokens,
           COALESCE(SUM(cost_usd), 0)::float8 AS cost
    FROM query_logs
    WHERE user_id = ${userId} AND created_at >= ${utc(since)}::timestamp
      AND created_at < ${utc(until)}::timestamp`;
  const row = rows[0];
  return { tokens: Number(row?.tokens ?? 0), costUsd: Number(row?.cost ?? 0) };
}
