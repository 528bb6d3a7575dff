// The daily budget's day and limits: today in UTC, and the limits scaled by RATE_LIMIT_MULTIPLIER.
import 'server-only';
import { budgets } from '@/lib/config';
import { env } from '@/lib/env';

/** Today's UTC day: from its midnight up to the next one (when the budget starts from zero again). */
export function utcDay(now: Date = new Date()): { since: Date; until: Date } {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { since, until: new Date(since.getTime() + 86_400_000) };
}

/** The daily limits per user; RATE_LIMIT_MULTIPLIER scales them with the rate limits. */
export function dailyBudgetLimits(): { tokenLimit: number; costLimit: number } {
  const multiplier = env().RATE_LIMIT_MULTIPLIER;
  return {
    tokenLimit: Math.round(budgets.dailyTokensPerUser * multiplier),
    costLimit: budgets.dailyCostUsdPerUser * multiplier,
  };
}
